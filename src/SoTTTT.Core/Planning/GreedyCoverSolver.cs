namespace SoTTTT.Core.Planning;

/// <summary>
/// The greedy baseline printed beside the exact solver. Set cover: repeatedly the candidate with the most uncovered
/// elements per unit of cost (Chvátal's rule; within a factor H(max elements of a candidate) of the optimum), then
/// candidates that became redundant are dropped, most expensive first. Maximal coverage: repeatedly the candidate with
/// the largest uncovered weight within the budget (within 1 − 1/e of the optimum without conflicts). Conflicting pairs
/// are respected: a candidate conflicting with a chosen one is never taken. Ties go to the lower index: deterministic.
/// </summary>
public sealed class GreedyCoverSolver : ICoverSolver
{
    public const string Name = "greedy";

    /// <inheritdoc />
    public string Description => Name;

    /// <inheritdoc />
    public CoverSolution SetCover(CoverProblem problem, IReadOnlyList<int>? hint = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var covers = problem.Covers();
        var count = new int[problem.Elements];
        var chosen = new List<int>();
        var blocked = Blocked(problem);
        var isBlocked = new bool[problem.Candidates];
        var covered = 0;
        bool Done() => covered >= problem.MinCovered && Enumerable.Range(0, problem.Elements).All(e => !problem.Mandatory[e] || count[e] > 0);
        while (!Done())
        {
            var best = -1;
            var bestRatio = 0.0;
            for (var c = 0; c < problem.Candidates; c++)
            {
                if (isBlocked[c])
                {
                    continue;
                }

                var gain = 0;
                foreach (var e in covers[c])
                {
                    if (count[e] == 0)
                    {
                        gain++;
                    }
                }

                var ratio = gain / (double)Math.Max(problem.Costs[c], 1);
                if (gain > 0 && ratio > bestRatio)
                {
                    best = c;
                    bestRatio = ratio;
                }
            }

            if (best < 0)
            {
                break;
            }

            Take(best);
        }

        void Take(int c)
        {
            chosen.Add(c);
            isBlocked[c] = true;
            foreach (var other in blocked[c])
            {
                isBlocked[other] = true;
            }

            foreach (var e in covers[c])
            {
                if (count[e]++ == 0)
                {
                    covered++;
                }
            }
        }

        var feasible = Done();

        // Drop what became redundant, most expensive first.
        foreach (var c in chosen.OrderByDescending(c => problem.Costs[c]).ThenByDescending(c => c).ToList())
        {
            var lost = 0;
            var mandatoryLost = false;
            foreach (var e in covers[c])
            {
                if (count[e] == 1)
                {
                    lost++;
                    mandatoryLost |= problem.Mandatory[e];
                }
            }

            if (!mandatoryLost && covered - lost >= problem.MinCovered && feasible)
            {
                chosen.Remove(c);
                covered -= lost;
                foreach (var e in covers[c])
                {
                    count[e]--;
                }
            }
        }

        chosen.Sort();
        return new CoverSolution(Name, feasible ? SolveStatus.Heuristic : SolveStatus.Infeasible, chosen, chosen.Sum(c => (double)problem.Costs[c]), null);
    }

    /// <inheritdoc />
    public CoverSolution MaxCoverage(CoverProblem problem, IReadOnlyList<int>? hint = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var covers = problem.Covers();
        var done = new bool[problem.Elements];
        var blocked = Blocked(problem);
        var isBlocked = new bool[problem.Candidates];
        var chosen = new List<int>();
        var used = 0;
        var total = 0L;
        while (true)
        {
            var best = -1;
            var bestGain = 0L;
            for (var c = 0; c < problem.Candidates; c++)
            {
                if (isBlocked[c] || (problem.Budgeted[c] && problem.Budget is { } b && used >= b))
                {
                    continue;
                }

                var gain = 0L;
                foreach (var e in covers[c])
                {
                    if (!done[e])
                    {
                        gain += problem.Weights[e];
                    }
                }

                if (gain > bestGain)
                {
                    best = c;
                    bestGain = gain;
                }
            }

            if (best < 0)
            {
                break;
            }

            chosen.Add(best);
            isBlocked[best] = true;
            foreach (var other in blocked[best])
            {
                isBlocked[other] = true;
            }

            used += problem.Budgeted[best] ? 1 : 0;
            total += bestGain;
            foreach (var e in covers[best])
            {
                done[e] = true;
            }
        }

        chosen.Sort();
        return new CoverSolution(Name, SolveStatus.Heuristic, chosen, total, null);
    }

    private static List<int>[] Blocked(CoverProblem problem)
    {
        var blocked = Enumerable.Range(0, problem.Candidates).Select(_ => new List<int>()).ToArray();
        foreach (var (a, b) in problem.Conflicts)
        {
            blocked[a].Add(b);
            blocked[b].Add(a);
        }

        return blocked;
    }
}
