using NUnit.Framework;
using SoTTTT.Core.Planning;
using SoTTTT.Optimization;

namespace SoTTTT.Tests.Planning;

/// <summary>
/// The planner's solvers on instances small enough to solve by brute force (every subset of the candidates), which is
/// the reference: CP-SAT must prove the same optimum, the greedy baseline must be feasible and no better.
/// </summary>
public sealed class CoverSolverTests
{
    private static readonly ICoverSolver[] Exact = [new CpSatCoverSolver(10)];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void SetCover_RandomInstance_CpSatMatchesBruteForce(int seed)
    {
        var problem = Instance(seed, budget: null);
        var best = BruteForceSetCover(problem);

        var exact = Exact[0].SetCover(problem);
        var greedy = new GreedyCoverSolver().SetCover(problem);

        Assert.Multiple(() =>
        {
            Assert.That(exact.Status, Is.EqualTo(SolveStatus.Optimal));
            Assert.That(exact.Objective, Is.EqualTo(best));
            Assert.That(exact.Gap, Is.Zero);
            Assert.That(Feasible(problem, exact.Chosen), Is.True, "exact solution covers every element without conflicts");
            Assert.That(greedy.Status, Is.EqualTo(SolveStatus.Heuristic));
            Assert.That(Feasible(problem, greedy.Chosen), Is.True, "greedy solution feasible");
            Assert.That(greedy.Objective, Is.GreaterThanOrEqualTo(best));
        });
    }

    [TestCase(1, 2)]
    [TestCase(2, 3)]
    [TestCase(3, 1)]
    public void MaxCoverage_RandomInstance_CpSatMatchesBruteForce(int seed, int budget)
    {
        var problem = Instance(seed, budget);
        var best = BruteForceMaxCoverage(problem);

        var exact = Exact[0].MaxCoverage(problem);
        var greedy = new GreedyCoverSolver().MaxCoverage(problem);

        Assert.Multiple(() =>
        {
            Assert.That(exact.Status, Is.EqualTo(SolveStatus.Optimal));
            Assert.That(exact.Objective, Is.EqualTo(best));
            Assert.That(CoveredWeight(problem, exact.Chosen), Is.EqualTo(best));
            Assert.That(greedy.Objective, Is.LessThanOrEqualTo(best));
            Assert.That(greedy.Chosen.Count(c => problem.Budgeted[c]), Is.LessThanOrEqualTo(budget));
        });
    }

    [Test]
    public void SetCover_GreedyTrap_GreedyCostsMoreThanTheOptimum()
    {
        // Elements 0..7. A = {0,1,2,3} and B = {4,5,6,7} cost 4 each: the optimum, 8 (brute force). X = {0,1,4,5} costs
        // 3.6 (1.11 elements per unit against A's and B's 1.0), so the greedy takes X first; then Y = {2,6} and
        // Z = {3,7} at 2.5 each (0.8 per unit against 0.5 for A or B): 8.6, and none of X, Y, Z is redundant.
        var problem = new CoverProblem(
            [4000, 4000, 3600, 2500, 2500],
            [[0, 2], [0, 2], [0, 3], [0, 4], [1, 2], [1, 2], [1, 3], [1, 4]],
            [1, 1, 1, 1, 1, 1, 1, 1],
            [.. Enumerable.Repeat(true, 8)],
            8,
            [.. Enumerable.Repeat(true, 5)],
            null,
            []);

        var exact = Exact[0].SetCover(problem);
        var greedy = new GreedyCoverSolver().SetCover(problem);

        Assert.Multiple(() =>
        {
            Assert.That(BruteForceSetCover(problem), Is.EqualTo(8000));
            Assert.That(exact.Objective, Is.EqualTo(8000));
            Assert.That(exact.Chosen, Is.EqualTo(new[] { 0, 1 }));
            Assert.That(greedy.Objective, Is.EqualTo(8600));
            Assert.That(greedy.Chosen, Is.EqualTo(new[] { 2, 3, 4 }));
        });
    }

    [Test]
    public void SetCover_SameProblemTwice_SameAnswer()
    {
        var problem = Instance(7, null);
        var a = Exact[0].SetCover(problem);
        var b = Exact[0].SetCover(problem);

        Assert.That(b.Chosen, Is.EqualTo(a.Chosen));
    }

    /// <summary>12 candidates, 18 elements each covered by 1–3 candidates, costs 1–5, three conflicting pairs (fixed seed).</summary>
    private static CoverProblem Instance(int seed, int? budget)
    {
        var random = new Random(seed);
        const int Candidates = 12;
        const int Elements = 18;
        var costs = Enumerable.Range(0, Candidates).Select(_ => (long)random.Next(1, 6) * 1000).ToArray();
        var coveredBy = new int[Elements][];
        for (var e = 0; e < Elements; e++)
        {
            coveredBy[e] = [.. Enumerable.Range(0, Candidates).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Order()];
        }

        // Conflicts only between candidates that are not the sole cover of some element, so the instance stays feasible.
        var sole = coveredBy.Where(l => l.Length == 1).Select(l => l[0]).ToHashSet();
        var free = Enumerable.Range(0, Candidates).Where(c => !sole.Contains(c)).ToList();
        var conflicts = new List<(int, int)>();
        for (var k = 0; k + 1 < free.Count && conflicts.Count < 3; k += 3)
        {
            conflicts.Add((free[k], free[k + 1]));
        }

        var weights = Enumerable.Range(0, Elements).Select(_ => (long)random.Next(1, 100)).ToArray();
        return new CoverProblem(costs, coveredBy, weights, [.. Enumerable.Repeat(true, Elements)], Elements, [.. Enumerable.Repeat(true, Candidates)], budget, conflicts);
    }

    private static bool Feasible(CoverProblem p, IReadOnlyList<int> chosen)
    {
        var set = chosen.ToHashSet();
        return p.Conflicts.All(c => !(set.Contains(c.A) && set.Contains(c.B)))
            && Enumerable.Range(0, p.Elements).All(e => !p.Mandatory[e] || p.CoveredBy[e].Any(set.Contains));
    }

    private static long CoveredWeight(CoverProblem p, IReadOnlyList<int> chosen)
    {
        var set = chosen.ToHashSet();
        return Enumerable.Range(0, p.Elements).Where(e => p.CoveredBy[e].Any(set.Contains)).Sum(e => p.Weights[e]);
    }

    private static double BruteForceSetCover(CoverProblem p)
    {
        var best = double.PositiveInfinity;
        foreach (var subset in Subsets(p.Candidates))
        {
            if (Feasible(p, subset))
            {
                best = Math.Min(best, subset.Sum(c => (double)p.Costs[c]));
            }
        }

        return best;
    }

    private static double BruteForceMaxCoverage(CoverProblem p)
    {
        var best = 0L;
        foreach (var subset in Subsets(p.Candidates))
        {
            var set = subset.ToHashSet();
            if (subset.Count(c => p.Budgeted[c]) <= p.Budget && p.Conflicts.All(c => !(set.Contains(c.A) && set.Contains(c.B))))
            {
                best = Math.Max(best, CoveredWeight(p, subset));
            }
        }

        return best;
    }

    private static IEnumerable<List<int>> Subsets(int n)
    {
        for (var mask = 0; mask < 1 << n; mask++)
        {
            yield return [.. Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0)];
        }
    }
}
