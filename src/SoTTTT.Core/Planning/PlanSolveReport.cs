namespace SoTTTT.Core.Planning;

/// <summary>One optimisation of the plan with its proof of quality: the exact solver beside the greedy baseline.</summary>
/// <param name="Problem"><c>set_cover</c> (minimum cost, every reachable target village) or <c>max_coverage</c> (a phase under its budget).</param>
/// <param name="Phase">The phase of a maximal-coverage solve.</param>
/// <param name="Candidates">Candidates in the model (after removing dominated ones).</param>
/// <param name="Elements">Village × technology pairs in the model.</param>
/// <param name="Conflicts">Candidate pairs that exclude each other (spacing, must-share).</param>
/// <param name="Budget">The phase budget, if any.</param>
public sealed record PlanSolveReport(string Problem, int? Phase, int Candidates, int Elements, int Conflicts, int? Budget, CoverSolution Exact, CoverSolution Greedy);
