namespace SoTTTT.Core.Approval;

/// <summary>One rule checked for one application.</summary>
/// <param name="Code">Stable code (<see cref="ApprovalCodes"/>, or a validation code for an invalid row).</param>
/// <param name="Applicable">
/// False when the rule does not concern this application or cannot be evaluated on this dataset (<paramref name="Note"/>
/// says why); such a check counts as passed.
/// </param>
/// <param name="Passed">True when the rule holds (for <c>MUST_SHARE</c>: no tower within the must-share distance).</param>
/// <param name="Evidence">What was looked at: ids, distances, limits.</param>
/// <param name="Note">
/// A stable key when not applicable: <c>no_boundaries</c>, <c>no_planned_towers</c>, <c>plan_check_off</c>,
/// <c>non_bulky_class</c>, <c>shares_named_tower</c>, <c>new_tower</c>, <c>no_spacing_rule</c>, <c>nothing_to_share</c>,
/// <c>tower_missing</c>.
/// </param>
public sealed record ApprovalCheck(string Code, bool Applicable, bool Passed, IReadOnlyList<CheckEvidence> Evidence, string? Note = null)
{
    /// <summary>Applicable and broken.</summary>
    public bool Failed => Applicable && !Passed;
}
