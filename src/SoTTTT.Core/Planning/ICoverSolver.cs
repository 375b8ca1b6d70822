namespace SoTTTT.Core.Planning;

/// <summary>
/// The optimiser behind the planner. Core holds the problem and the greedy baseline (<see cref="GreedyCoverSolver"/>);
/// the exact solver (CP-SAT of Google OR-Tools) lives in <c>SoTTTT.Optimization</c>, outside Core, which takes
/// NetTopologySuite and ProjNet only. Implementations must be deterministic: the same problem gives the same solution.
/// </summary>
public interface ICoverSolver
{
    /// <summary>The solver and its settings, for reports (e.g. <c>cp-sat (num_workers:1, …)</c>).</summary>
    string Description { get; }

    /// <summary>Minimum-cost set cover: every mandatory element covered, at least <see cref="CoverProblem.MinCovered"/> elements, no conflicting pair.</summary>
    /// <param name="hint">A feasible solution to start from (e.g. the greedy one), or null.</param>
    CoverSolution SetCover(CoverProblem problem, IReadOnlyList<int>? hint = null);

    /// <summary>Maximal coverage: at most <see cref="CoverProblem.Budget"/> budgeted candidates, maximal covered weight, no conflicting pair.</summary>
    CoverSolution MaxCoverage(CoverProblem problem, IReadOnlyList<int>? hint = null);
}
