namespace SoTTTT.Core.Planning;

/// <summary>
/// A covering problem over candidate positions and elements (a village × technology to cover), in the integer form the
/// solvers take. Two uses: minimum-cost set cover (<see cref="ICoverSolver.SetCover"/>: every mandatory element
/// covered, at least <see cref="MinCovered"/> elements in all) and maximal coverage under a budget
/// (<see cref="ICoverSolver.MaxCoverage"/>: at most <see cref="Budget"/> budgeted candidates, maximise the weight of
/// the elements covered). Candidates in one <see cref="Conflicts"/> pair cannot both be chosen (they would stand closer
/// than the must-share or spacing distance of the approval rules).
/// </summary>
/// <param name="Costs">Cost of each candidate, integer units (the planner scales the relative costs by 1,000).</param>
/// <param name="CoveredBy">For each element, the candidates that cover it (ascending, at least one).</param>
/// <param name="Weights">For each element, its weight in maximal coverage (population, remote communes weighted up).</param>
/// <param name="Mandatory">For each element, whether set cover must cover it.</param>
/// <param name="MinCovered">Set cover: at least this many elements covered in all (mandatory ones included).</param>
/// <param name="Budgeted">For each candidate, whether it counts against the budget (a new position does, sharing an existing tower does not).</param>
/// <param name="Budget">Maximal coverage: the most budgeted candidates to choose; null for no limit.</param>
/// <param name="Conflicts">Pairs of candidates (i &lt; j) that exclude each other.</param>
public sealed record CoverProblem(
    IReadOnlyList<long> Costs,
    IReadOnlyList<int[]> CoveredBy,
    IReadOnlyList<long> Weights,
    IReadOnlyList<bool> Mandatory,
    int MinCovered,
    IReadOnlyList<bool> Budgeted,
    int? Budget,
    IReadOnlyList<(int A, int B)> Conflicts)
{
    public int Candidates => Costs.Count;

    public int Elements => CoveredBy.Count;

    /// <summary>Per candidate, the elements it covers (ascending).</summary>
    public int[][] Covers()
    {
        var lists = Enumerable.Range(0, Candidates).Select(_ => new List<int>()).ToArray();
        for (var e = 0; e < CoveredBy.Count; e++)
        {
            foreach (var c in CoveredBy[e])
            {
                lists[c].Add(e);
            }
        }

        return [.. lists.Select(l => l.ToArray())];
    }
}
