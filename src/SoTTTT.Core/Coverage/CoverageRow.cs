using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Coverage of one admin unit by one operator (or <see cref="CoverageLayer.AnyOperator"/>) and technology (or any
/// technology). Percentages are null where there is nothing to divide by, and "no data" — null although there are
/// settlements — where the unit holds no BTS of the operator and technology and nothing in it is covered from outside.
/// </summary>
/// <param name="Tech">The technology; null for any technology (<c>*</c> in outputs).</param>
/// <param name="SettlementsCoveredPct">Percentage of settlements covered; null without settlements or without data.</param>
/// <param name="PopulationCoveredPct">Percentage of the settlements' population covered; null without population figures or data.</param>
/// <param name="ThresholdDbm">The technology's threshold the figures use, dBm; null for any technology (each its own).</param>
/// <param name="AreaCoveredPct">Percentage of the unit's raster cells covered (cell centres); null without a raster or data.</param>
/// <param name="CommunesTotal">Communes in the unit whose centre could be judged (<see cref="Spatial.CommuneCentres"/>: an office or a polygon).</param>
/// <param name="CommunesCovered">Communes whose centre (the commune office, else the polygon's interior point) is covered.</param>
/// <param name="CommunesCoveredPct">Percentage of <paramref name="CommunesTotal"/>; null without communes or data.</param>
public sealed record CoverageRow(
    string Code,
    string Name,
    AdminLevel Level,
    string Operator,
    Technology? Tech,
    int SettlementsTotal,
    int SettlementsCovered,
    double? SettlementsCoveredPct,
    long PopulationTotal,
    long PopulationCovered,
    double? PopulationCoveredPct,
    double? AreaKm2,
    double? AreaCoveredPct,
    double? ThresholdDbm,
    int CommunesTotal,
    int CommunesCovered,
    double? CommunesCoveredPct)
{
    /// <summary>The label of any technology in outputs.</summary>
    public const string AnyTech = "*";

    /// <summary><c>2G</c> … <c>5G</c>, or <c>*</c> for any technology.</summary>
    public string TechLabel => Tech is { } t ? Codes.Label(t) : AnyTech;
}
