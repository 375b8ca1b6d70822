using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>Coverage of one admin unit by one operator (or <see cref="CoverageLayer.AnyOperator"/>) and technology.</summary>
/// <param name="SettlementsCoveredPct">Percentage of settlements covered; null without settlements.</param>
/// <param name="PopulationCoveredPct">Percentage of the settlements' population covered; null without population figures.</param>
/// <param name="ThresholdDbm">The technology's threshold the figures use, dBm.</param>
/// <param name="AreaCoveredPct">Percentage of the unit's raster cells covered (cell centres); null without a raster.</param>
public sealed record CoverageRow(
    string Code,
    string Name,
    AdminLevel Level,
    string Operator,
    Technology Tech,
    int SettlementsTotal,
    int SettlementsCovered,
    double? SettlementsCoveredPct,
    long PopulationTotal,
    long PopulationCovered,
    double? PopulationCoveredPct,
    double? AreaKm2,
    double? AreaCoveredPct,
    double ThresholdDbm);
