using SoTTTT.Core.Model;

namespace SoTTTT.Core.Planning;

/// <summary>A coverage target of the plan for one technology, as a share of villages covered by at least one operator.</summary>
/// <param name="SharePct">
/// Villages covered at the end of the plan, % of all villages; null (the default) means every village some allowed
/// position can reach, as a hard constraint. A share is reached at least cost, villages of remote communes first (they
/// are always covered when reachable).
/// </param>
public sealed record CoverageTarget(Technology Tech, double? SharePct);
