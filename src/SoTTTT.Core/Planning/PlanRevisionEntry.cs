namespace SoTTTT.Core.Planning;

/// <summary>What became of a position of the previous plan (<c>--previous DIR</c>).</summary>
/// <param name="Status"><c>built</c> (an existing tower within the co-location distance), <c>to_build</c> (still in the plan), <c>obsolete</c> (no longer needed).</param>
/// <param name="TowerId">For built: the tower.</param>
/// <param name="PlanId">For to_build: its id in this plan.</param>
public sealed record PlanRevisionEntry(string PreviousId, int? PreviousPhase, string Status, string? TowerId, string? PlanId, double? DistanceM);
