namespace SoTTTT.Core.Planning;

/// <summary>How far a solver got: the optimum proven, a feasible solution without proof, no solution exists, or nothing known.</summary>
public enum SolveStatus
{
    Optimal,
    Feasible,
    Infeasible,
    Unknown,
    /// <summary>A heuristic answer (the greedy baseline): feasible, no proof.</summary>
    Heuristic,
}
