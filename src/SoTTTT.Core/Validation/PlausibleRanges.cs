namespace SoTTTT.Core.Validation;

/// <summary>
/// Upper bounds of input values that no real Vietnamese dataset exceeds, so that typos and hostile values (a population
/// of 9·10¹⁸ that overflows a sum, an area of 10³⁰⁰ km²) are problems rather than results. Documented in README "Limits".
/// </summary>
public static class PlausibleRanges
{
    /// <summary>Most people in one unit or settlement: 150 million (Vietnam: ≈ 101 million in 2024, GSO).</summary>
    public const long MaxPopulation = 150_000_000;

    /// <summary>Largest official area of one unit: 400,000 km² (Vietnam: 331,345 km², GSO).</summary>
    public const double MaxAreaKm2 = 400_000;
}
