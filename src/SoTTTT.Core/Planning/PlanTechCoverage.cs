using SoTTTT.Core.Model;

namespace SoTTTT.Core.Planning;

/// <summary>Villages covered by at least one operator with a technology, before and after the plan (the planner's own count).</summary>
/// <param name="Tech">The technology; null for any technology (a village covered by at least one operator with some technology).</param>
/// <param name="Reachable">Villages covered before or reachable by some allowed candidate.</param>
/// <param name="CoveredAfter">After the positions with a phase (unfunded ones not counted).</param>
public sealed record PlanTechCoverage(Technology? Tech, double? TargetPct, int Villages, int CoveredBefore, int Reachable, int CoveredAfter, long Population, long PopulationBefore, long PopulationAfter);
