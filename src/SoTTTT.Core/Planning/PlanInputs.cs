namespace SoTTTT.Core.Planning;

/// <summary>Inputs of the plan beside the dataset and the targets (commune offices come from the dataset's public sites).</summary>
/// <param name="Previous">New positions of the previous plan (<c>--previous DIR</c>), for a revision; empty for a first plan.</param>
public sealed record PlanInputs(IReadOnlyList<PreviousPosition> Previous)
{
    public static PlanInputs None { get; } = new([]);
}
