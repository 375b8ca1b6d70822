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

    /// <summary>Communes of the unit that have a centre (<see cref="Spatial.CommuneCentres"/>): the Y of "X/Y communes with fibre to the centre".</summary>
    public int CommunesWithCentre { get; init; }

    /// <summary>Communes whose centre lies within the fibre reach distance of a fibre route: the X of "X/Y" (reports: "129/129 xã").</summary>
    public int CommunesFibreToCentre { get; init; }

    /// <summary>Public sites of the unit (<c>public_sites.csv</c>) by kind key (<c>commune_office</c>, <c>school</c> …).</summary>
    public IReadOnlyDictionary<string, int> PublicSitesByKind { get; init; } = new Dictionary<string, int>();

    /// <summary>Of <see cref="PublicSitesByKind"/>, those within the fibre reach distance of a fibre route, by kind key; null without a fibre layer.</summary>
    public IReadOnlyDictionary<string, int>? PublicSitesFibreByKind { get; init; }

    /// <summary>
    /// Subscribers by service key (<c>fixed_phone</c>, <c>mobile</c> …) of all operators, from <c>subscribers.csv</c> (see
    /// <see cref="SubscriberTotals"/>); empty without the layer.
    /// </summary>
    public IReadOnlyDictionary<string, long> SubscribersByService { get; init; } = new Dictionary<string, long>();

    /// <summary>Subscribers per 100 inhabitants by service key: 100 · subscribers / <see cref="Population"/> (reports: "58,8 máy/100 dân"); a service is left out when the population is unknown.</summary>
    public IReadOnlyDictionary<string, double> SubscribersPer100ByService { get; init; } = new Dictionary<string, double>();

    /// <summary>Subscribers by service key and operator, where the counts name the operator.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> SubscribersByServiceOperator { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, long>>();

    /// <summary>Communes of the unit with at least one postal point placed in them (New Rural Development criterion 8, DOMAIN.md).</summary>
    public int CommunesWithPostal { get; init; }

    /// <summary>Share of the unit's communes with at least one postal point, 0–100; null without communes.</summary>
    public double? CommunesWithPostalPct { get; init; }

    /// <summary>Postal points by operator (known spellings merged, <see cref="Codes.PostalOperator"/>; <c>unspecified</c> when not given).</summary>
    public IReadOnlyDictionary<string, int> PostalPointsByOperator { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Extra postal points the unit needs for its average service radius to reach the target radius R_t:
    /// max(0, ⌈S / (π·R_t²)⌉ − N) (the inverse of R = √(S / (π·N)), DOMAIN.md); null without a target or an area.
    /// </summary>
    public int? PostalPointsNeeded { get; init; }

    /// <summary>Fibre routes with some length in the unit (a route through several units counts in each, once in their parent).</summary>
    public int FibreRoutes { get; init; }

    /// <summary>Share of the fibre length placed underground, 0–100; null without fibre.</summary>
    public double? FibreUndergroundPct { get; init; }

    /// <summary>Copper routes (<c>medium=copper</c>) with some length in the unit.</summary>
    public int CopperRoutes { get; init; }

    /// <summary>Copper route length in the unit, km (split between units like fibre).</summary>
    public double CopperKm { get; init; }

    /// <summary>Network nodes (<c>nodes.csv</c>) in the unit.</summary>
    public int Nodes { get; init; }

    /// <summary>Network nodes by kind key (<c>exchange</c>, <c>switching_point</c>, <c>dslam</c>, <c>olt</c>, <c>cabinet</c>).</summary>
    public IReadOnlyDictionary<string, int> NodesByKind { get; init; } = new Dictionary<string, int>();
}
