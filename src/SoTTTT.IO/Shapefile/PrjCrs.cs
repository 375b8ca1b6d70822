using System.Globalization;
using System.Text.RegularExpressions;
using SoTTTT.Core.Crs;

namespace SoTTTT.IO.Shapefile;

/// <summary>
/// The CRS a Shapefile's <c>.prj</c> (Esri or OGC WKT 1) declares, among those SoTTTT knows: WGS84 and VN-2000
/// geographic, any VN-2000 TM-3 zone (k0 0.9999, false easting 500 km, by its central meridian) and VN-2000 UTM 48N / 49N;
/// by an EPSG authority when the WKT carries one. Null for anything else.
/// </summary>
public static partial class PrjCrs
{
    public static CrsDefinition? Parse(string wkt)
    {
        ArgumentNullException.ThrowIfNull(wkt);
        var text = wkt.Trim();
        var isProjected = text.StartsWith("PROJCS", StringComparison.OrdinalIgnoreCase);
        var upper = text.ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        var vn2000 = upper.Contains("VN2000", StringComparison.Ordinal) || upper.Contains("VIETNAM2000", StringComparison.Ordinal);
        var wgs84 = !vn2000 && (upper.Contains("WGS84", StringComparison.Ordinal) || upper.Contains("WGS1984", StringComparison.Ordinal));

        // The last AUTHORITY of a WKT 1 CRS is the CRS's own.
        var authorities = AuthorityRegex().Matches(text);
        if (authorities.Count > 0 && int.TryParse(authorities[^1].Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var epsg) && CrsRegistry.FromEpsg(epsg) is { } byCode)
        {
            return byCode;
        }

        if (!isProjected)
        {
            return vn2000 ? CrsRegistry.Vn2000 : wgs84 ? CrsRegistry.Wgs84 : null;
        }

        if (!vn2000 || !text.Contains("Transverse_Mercator", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var cm = Parameter(text, "central_meridian");
        var k = Parameter(text, "scale_factor");
        var fe = Parameter(text, "false_easting");
        if (cm is not { } meridian || k is not { } scale || fe is not { } easting || Math.Abs(easting - CrsRegistry.FalseEastingM) > 1e-6)
        {
            return null;
        }

        if (Math.Abs(scale - CrsRegistry.UtmScaleFactor) < 1e-9)
        {
            return meridian switch
            {
                105 => CrsRegistry.Utm48,
                111 => CrsRegistry.Utm49,
                _ => null,
            };
        }

        return Math.Abs(scale - CrsRegistry.Tm3ScaleFactor) < 1e-9 && meridian is >= 0 and <= 180 ? CrsRegistry.Tm3(meridian) : null;
    }

    private static double? Parameter(string text, string name)
    {
        var match = Regex.Match(text, $"PARAMETER\\[\\s*\"{name}\"\\s*,\\s*(?<v>[-+0-9.eE]+)\\s*\\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success && double.TryParse(match.Groups["v"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    [GeneratedRegex("AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(?<code>[0-9]+)\"?\\s*\\]", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorityRegex();
}
