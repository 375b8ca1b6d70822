namespace SoTTTT.Core.Indicators;

/// <summary>
/// An old unit whose code is gone from the newer snapshot and whose old boundary lies (at least
/// <see cref="UnitMergeAnalysis.MinSharePct"/> % of its area) inside one new unit of the same level: merged into it
/// (the 2025 reform merged communes, e.g. three old communes into one new commune).
/// </summary>
/// <param name="SharePct">Share of the old unit's polygon area inside the new unit's polygon, 0–100 (analysis CRS).</param>
public sealed record UnitMerge(string OldCode, string OldName, string NewCode, string NewName, double SharePct);
