using System.Globalization;
using Google.OrTools.Sat;
using SoTTTT.Core.Planning;

namespace SoTTTT.Optimization;

/// <summary>
/// The exact solver of the planner: Google OR-Tools CP-SAT on the 0/1 models of <see cref="CoverProblem"/>. One worker
/// with <c>linearization_level:2</c> (PRODUCT.md: proves a 500-site set cover optimal in about 1–4 s here, where the
/// default two workers do not close the gap in 60 s), a fixed seed and a deterministic time limit, so the same problem
/// gives the same answer on any machine whatever its load. The greedy solution is given as a hint.
/// </summary>
public sealed class CpSatCoverSolver : ICoverSolver
{
    public const string Name = "cp-sat";

    /// <param name="deterministicSeconds">CP-SAT's deterministic time limit (work units, roughly seconds on a fast core).</param>
    public CpSatCoverSolver(double deterministicSeconds = 60)
    {
        DeterministicSeconds = deterministicSeconds;
    }

    /// <summary>The deterministic time limit per solve.</summary>
    public double DeterministicSeconds { get; }

    /// <inheritdoc />
    public string Description => $"{Name} ({Parameters})";

    /// <summary>The CP-SAT parameters used (printed in reports).</summary>
    public string Parameters => string.Create(
        CultureInfo.InvariantCulture,
        $"num_workers:1, linearization_level:2, random_seed:20260101, max_deterministic_time:{DeterministicSeconds}");

    /// <inheritdoc />
    public CoverSolution SetCover(CoverProblem problem, IReadOnlyList<int>? hint = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var model = new CpModel();
        var x = Variables(model, problem, hint);
        var covered = new List<ILiteral>();
        for (var e = 0; e < problem.Elements; e++)
        {
            var lits = problem.CoveredBy[e].Select(c => (ILiteral)x[c]).ToList();
            if (problem.Mandatory[e])
            {
                model.AddBoolOr(lits);
            }
            else if (problem.MinCovered > 0)
            {
                var z = model.NewBoolVar("z" + e.ToString(CultureInfo.InvariantCulture));
                model.AddBoolOr([.. lits, z.Not()]);
                covered.Add(z);
            }
        }

        var mandatory = problem.Mandatory.Count(m => m);
        if (problem.MinCovered > mandatory && covered.Count > 0)
        {
            model.Add(LinearExpr.Sum(covered.Cast<IntVar>()) >= problem.MinCovered - mandatory);
        }

        model.Minimize(LinearExpr.WeightedSum(x, problem.Costs));
        return Solve(model, x);
    }

    /// <inheritdoc />
    public CoverSolution MaxCoverage(CoverProblem problem, IReadOnlyList<int>? hint = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var model = new CpModel();
        var x = Variables(model, problem, hint);
        var y = new BoolVar[problem.Elements];
        for (var e = 0; e < problem.Elements; e++)
        {
            y[e] = model.NewBoolVar("y" + e.ToString(CultureInfo.InvariantCulture));
            model.AddBoolOr([.. problem.CoveredBy[e].Select(c => (ILiteral)x[c]), y[e].Not()]);
        }

        if (problem.Budget is { } budget)
        {
            var budgeted = Enumerable.Range(0, problem.Candidates).Where(c => problem.Budgeted[c]).Select(c => x[c]).ToList();
            if (budgeted.Count > 0)
            {
                model.Add(LinearExpr.Sum(budgeted) <= budget);
            }
        }

        model.Maximize(LinearExpr.WeightedSum(y, problem.Weights));
        return Solve(model, x);
    }

    private static BoolVar[] Variables(CpModel model, CoverProblem problem, IReadOnlyList<int>? hint)
    {
        var x = new BoolVar[problem.Candidates];
        for (var c = 0; c < x.Length; c++)
        {
            x[c] = model.NewBoolVar("x" + c.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (a, b) in problem.Conflicts)
        {
            model.AddBoolOr([x[a].Not(), x[b].Not()]);
        }

        if (hint is not null)
        {
            var set = hint.ToHashSet();
            for (var c = 0; c < x.Length; c++)
            {
                model.AddHint(x[c], set.Contains(c));
            }
        }

        return x;
    }

    private CoverSolution Solve(CpModel model, BoolVar[] x)
    {
        var solver = new CpSolver { StringParameters = Parameters };
        var status = solver.Solve(model);
        var mapped = status switch
        {
            CpSolverStatus.Optimal => SolveStatus.Optimal,
            CpSolverStatus.Feasible => SolveStatus.Feasible,
            CpSolverStatus.Infeasible => SolveStatus.Infeasible,
            _ => SolveStatus.Unknown,
        };
        if (mapped is SolveStatus.Infeasible or SolveStatus.Unknown)
        {
            return new CoverSolution(Name, mapped, [], 0, null);
        }

        var chosen = Enumerable.Range(0, x.Length).Where(c => solver.BooleanValue(x[c])).ToList();
        var objective = solver.ObjectiveValue;
        var bound = solver.BestObjectiveBound;
        if (mapped == SolveStatus.Optimal)
        {
            bound = objective;
        }

        return new CoverSolution(Name, mapped, chosen, objective, bound);
    }
}
