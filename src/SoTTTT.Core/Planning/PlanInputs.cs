using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Planning;

/// <summary>Inputs of the plan beside the dataset and the targets.</summary>
/// <param name="Previous">New positions of the previous plan (<c>--previous DIR</c>), for a revision; empty for a first plan.</param>
/// <param name="CommuneOffices">Commune offices (trụ sở UBND xã) as public sites for candidate positions: id, position (analysis CRS), commune code.</param>
public sealed record PlanInputs(IReadOnlyList<PreviousPosition> Previous, IReadOnlyList<(string Id, Point Location, string? CommuneCode)> CommuneOffices)
{
    public static PlanInputs None { get; } = new([], []);
}
