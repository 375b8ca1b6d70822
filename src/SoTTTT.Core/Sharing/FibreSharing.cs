namespace SoTTTT.Core.Sharing;

/// <summary>Fibre results of the sharing analysis.</summary>
/// <param name="Pairs">Shared-duct km per operator pair, by operator names.</param>
/// <param name="Stretches">Every shared-duct stretch, by route id, part and start.</param>
/// <param name="Undergrounding">Aerial routes with km to put underground, by route id.</param>
/// <param name="AerialKm">Total aerial route length, km.</param>
/// <param name="ToUndergroundKm">Total aerial km inside urban areas or appearance zones.</param>
/// <param name="ToUndergroundKmByOperator">The same by operator (<c>unspecified</c> for routes without one).</param>
/// <param name="RoutesWithoutOperator">Routes left out of the shared-duct search because they name no operator.</param>
public sealed record FibreSharing(
    IReadOnlyList<SharedDuctPair> Pairs,
    IReadOnlyList<SharedDuctStretch> Stretches,
    IReadOnlyList<UndergroundCandidate> Undergrounding,
    double AerialKm,
    double ToUndergroundKm,
    IReadOnlyDictionary<string, double> ToUndergroundKmByOperator,
    int RoutesWithoutOperator);
