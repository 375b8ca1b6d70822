namespace SoTTTT.Core.Planning;

/// <summary>What a solver found for a <see cref="CoverProblem"/>.</summary>
/// <param name="Solver">Which solver: <c>cp-sat</c> or <c>greedy</c>.</param>
/// <param name="Status">Proof status (<see cref="SolveStatus"/>).</param>
/// <param name="Chosen">Chosen candidates, ascending.</param>
/// <param name="Objective">Cost (set cover) or covered weight (maximal coverage) of <paramref name="Chosen"/>.</param>
/// <param name="BestBound">Proven bound on the optimum (lower for set cover, upper for maximal coverage); null when the solver proves none (greedy).</param>
public sealed record CoverSolution(string Solver, SolveStatus Status, IReadOnlyList<int> Chosen, double Objective, double? BestBound)
{
    /// <summary>Relative gap |objective − bound| / max(|objective|, 1); 0 when optimal, null without a bound.</summary>
    public double? Gap => BestBound is { } b ? Math.Abs(Objective - b) / Math.Max(Math.Abs(Objective), 1) : null;
}
