using SkiaSharp;

namespace SoTTTT.IO.Charts;

/// <summary>
/// The face of every chart text: DejaVu Sans, chosen by family name like the PNG maps
/// (<see cref="Maps.PngMapRenderer.FontFamily"/>), because it holds the precomposed Vietnamese letters (ắ, ộ, ữ …) that
/// ScottPlot's default fallback may lack.
/// </summary>
public static class ChartFont
{
    /// <summary>The family name.</summary>
    public const string Family = Maps.PngMapRenderer.FontFamily;

    /// <summary>
    /// Checks that the system has <see cref="Family"/>; a missing font is the machine's, so it is reported as an I/O
    /// failure (the program prints the message and exits 2) rather than charts drawn with boxes for letters.
    /// </summary>
    /// <exception cref="FileNotFoundException">The font is not installed.</exception>
    public static void Require()
    {
        using var typeface = SKFontManager.Default.MatchFamily(Family);
        if (typeface is null || !string.Equals(typeface.FamilyName, Family, StringComparison.OrdinalIgnoreCase))
        {
            throw new FileNotFoundException(
                $"the font \"{Family}\" is not installed; the report charts need it for Vietnamese text (Debian: apt-get install fonts-dejavu-core)");
        }
    }
}
