namespace SoTTTT.Core.Indicators;

/// <summary>The postal indicator formulas of DOMAIN.md, as published in provincial and national reports.</summary>
public static class IndicatorsCalculator
{
    /// <summary>
    /// Average service radius R = √(S / (π·N)) in km for area S in km² and N service points; null when
    /// N is 0. Reproduces the national series (2008: 330,972 km², 18,502 points → 2.39 km).
    /// </summary>
    public static double? ServiceRadiusKm(double? areaKm2, int points) =>
        areaKm2 is { } s && points > 0 ? Math.Sqrt(s / (Math.PI * points)) : null;

    /// <summary>Population served per point; null when there is no point or no population.</summary>
    public static double? PeoplePerPoint(long? population, int points) =>
        population is { } p && points > 0 ? (double)p / points : null;

    /// <summary>
    /// Extra service points for the average service radius to reach <paramref name="targetRadiusKm"/>: the smallest N'
    /// with √(S / (π·N')) ≤ R_t is ⌈S / (π·R_t²)⌉; the result is max(0, N' − N).
    /// </summary>
    public static int PointsNeeded(double areaKm2, double targetRadiusKm, int points)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetRadiusKm);
        // A hair below the exact quotient so that a target met exactly (rounding aside) needs no extra point.
        var required = (int)Math.Ceiling((areaKm2 / (Math.PI * targetRadiusKm * targetRadiusKm)) - 1e-9);
        return Math.Max(0, required - points);
    }
}
