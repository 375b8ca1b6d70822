using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Planning;

/// <summary>One tower position of the plan (a row of <c>plan_positions.csv</c>).</summary>
/// <param name="Id">New positions: <c>QH-</c> + phase + sequence; existing ones: the tower id (or the inferred position's id).</param>
/// <param name="Location">Analysis CRS, metres.</param>
/// <param name="Type">Tower class (after conversion for <see cref="PlanPositionStatus.Convert"/>).</param>
/// <param name="HeightM">Height, m (after conversion).</param>
/// <param name="Phase">Phase number; null for positions kept as they are and for new positions beyond every phase budget.</param>
/// <param name="CommuneCode">Commune of the position, when known.</param>
/// <param name="Operators">Operators on the position at the end of the plan, sorted.</param>
/// <param name="NewOperators">Operators the plan adds (new BTS), sorted.</param>
/// <param name="Reason">Why: a stable key (<c>COVERAGE</c>, <c>ZONE_CLASS_NOT_ALLOWED</c>, <c>HEIGHT_LIMIT</c>, <c>NO_TOWER_ZONE</c>, <c>MUST_SHARE</c>, <c>EXISTING</c>, <c>BEYOND_BUDGET</c>).</param>
/// <param name="Source">Where a new or shared position comes from: <c>tower</c>, <c>commune_post_culture</c>, <c>commune_office</c>, <c>previous</c>, <c>grid</c>; <c>existing</c> otherwise.</param>
/// <param name="VillagesGained">Target villages this position covers first (in phase order).</param>
/// <param name="PopulationGained">Their population.</param>
/// <param name="HostId">For a removed position whose operators move: the position that takes them.</param>
public sealed record PlanPosition(
    string Id,
    Point Location,
    string? Type,
    double? HeightM,
    PlanPositionStatus Status,
    int? Phase,
    string? CommuneCode,
    IReadOnlyList<string> Operators,
    IReadOnlyList<string> NewOperators,
    string Reason,
    string Source,
    int VillagesGained,
    long PopulationGained,
    string? HostId = null);
