using SoTTTT.Core.Model;

namespace SoTTTT.Core.Indicators;

/// <summary>
/// The indicators of one admin unit, the shape of the yearly report tables. Distances in km, areas in
/// km², percentages 0–100. Null means "cannot be computed from this dataset" (e.g. no area, no point).
/// </summary>
/// <param name="AreaKm2">Official area when given, else the polygon area in the analysis CRS, else the sum over child units.</param>
/// <param name="AreaSource"><c>official</c>, <c>polygon</c>, <c>children</c>, or null when unknown.</param>
/// <param name="Population">Official population when given, else the sum over child units, else the sum over settlements.</param>
/// <param name="ServiceRadiusKm">Average postal service radius R = √(S / (π·N)) (DOMAIN.md).</param>
/// <param name="PostalAccessMeanKm">Population-weighted mean straight-line distance from the unit's settlements to the nearest postal point (unweighted when no settlement has a population).</param>
/// <param name="TowerPositions">Distinct tower positions carrying at least one BTS (see <see cref="Spatial.BtsPositionGrouping"/>).</param>
/// <param name="CommunesWithFibrePct">Share of the unit's communes with a centre (<see cref="Spatial.CommuneCentres"/>: the commune office, else the polygon's interior point) whose centre lies within the fibre reach distance of a fibre route.</param>
/// <param name="SettlementsWithinFibrePct">Share of the unit's settlements within the fibre reach distance of a fibre route.</param>
public sealed record IndicatorRow(
    string Code,
    string Name,
    AdminLevel Level,
    string? ParentCode,
    double? AreaKm2,
    string? AreaSource,
    long? Population,
    int PostalPoints,
    IReadOnlyDictionary<string, int> PostalPointsByKind,
    double? ServiceRadiusKm,
    double? PeoplePerPostalPoint,
    int Settlements,
    double? PostalAccessMeanKm,
    double? PostalAccessMaxKm,
    int Bts,
    IReadOnlyDictionary<string, int> BtsByOperator,
    IReadOnlyDictionary<string, int> BtsByTech,
    int TowerPositions,
    double? BtsPerPosition,
    double FibreKm,
    IReadOnlyDictionary<string, double> FibreKmByOperator,
    IReadOnlyDictionary<string, double> FibreKmByPlacement,
    int Communes,
    double? CommunesWithFibrePct,
    double? SettlementsWithinFibrePct)
{
    /// <summary>
    /// Share of the unit's settlements that some operator covers, per technology (predicted by
    /// <see cref="Coverage.CoverageAnalysis"/> with the rules' thresholds), 0–100; empty without a BTS layer or settlements.
    /// </summary>
    public IReadOnlyDictionary<Technology, double> SettlementsCoveredPctByTech { get; init; } = new Dictionary<Technology, double>();
}
