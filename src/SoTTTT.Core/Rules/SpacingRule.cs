namespace SoTTTT.Core.Rules;

/// <summary>
/// One row of the minimum-spacing table between towers (rules.json <c>min_spacing_m</c>): towers of
/// <paramref name="Class"/> whose height lies in the band (<paramref name="AboveHeightM"/>, <paramref name="UpToHeightM"/>]
/// keep at least the given distance from other towers.
/// </summary>
/// <param name="Class">Tower class the row is for.</param>
/// <param name="AboveHeightM">Lower bound of the height band, exclusive; null for no lower bound.</param>
/// <param name="UpToHeightM">Upper bound of the height band, inclusive; null for no upper bound.</param>
/// <param name="Spacing">Minimum spacing in metres, urban and non-urban.</param>
public sealed record SpacingRule(string Class, double? AboveHeightM, double? UpToHeightM, DistancePair Spacing)
{
    /// <summary>Whether a tower of this height falls in the band (any band matches an unknown height).</summary>
    public bool InBand(double? heightM) =>
        heightM is not { } h || ((AboveHeightM is not { } lo || h > lo) && (UpToHeightM is not { } hi || h <= hi));
}
