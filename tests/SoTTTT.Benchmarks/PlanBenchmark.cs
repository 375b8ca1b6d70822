using System.Diagnostics;
using SoTTTT.Core.Planning;
using SoTTTT.IO.Planning;
using SoTTTT.Optimization;

namespace SoTTTT.Benchmarks;

/// <summary>
/// The passive-infrastructure plan on a loaded dataset (issue 10: goal &lt; 60 s on the mountain sample; the national
/// profile reported): candidates, approval checks, CP-SAT set cover and phases, fibre, tables. An optional targets file
/// as the third argument.
/// </summary>
internal static class PlanBenchmark
{
    public static int Run(string folder, string[] args)
    {
        BenchmarkSupport.Machine();
        if (BenchmarkSupport.LoadOnce(folder) is not { } dataset)
        {
            return 2;
        }

        var targets = PlanTargets.Default;
        if (args.Length > 2 && File.Exists(args[2]))
        {
            var (read, problems) = PlanTargetsReader.Read(args[2], dataset.Rules);
            if (read is null)
            {
                problems.ToList().ForEach(p => Console.Error.WriteLine(p));
                return 2;
            }

            targets = read;
        }

        var clock = Stopwatch.StartNew();
        var plan = PlanAnalysis.Run(dataset, targets, new CpSatCoverSolver());
        Console.WriteLine($"plan {clock.Elapsed.TotalSeconds:F2} s (goal < 60 s on the mountain sample); candidates {string.Join(", ", plan.CandidatesBySource.Select(kv => $"{kv.Key} {kv.Value}"))}; " +
            $"rejected {string.Join(", ", plan.RejectedByCode.Select(kv => $"{kv.Key} {kv.Value}"))}; {plan.New.Count()} new positions, {plan.Positions.Count(p => p.Status == PlanPositionStatus.Share)} shared, {plan.Missed.Count} missed; {BenchmarkSupport.Peak()}");
        foreach (var s in plan.Solves)
        {
            Console.WriteLine($"  {s.Problem}{(s.Phase is { } ph ? " phase " + ph : string.Empty)}: {s.Candidates} candidates × {s.Elements} elements, {s.Conflicts} conflicts; " +
                $"{s.Exact.Solver} {s.Exact.Status} objective {s.Exact.Objective:F0} bound {s.Exact.BestBound:F0} gap {s.Exact.Gap:P2}; greedy {s.Greedy.Objective:F0}");
        }

        foreach (var c in plan.Coverage)
        {
            Console.WriteLine($"  {(c.Tech is { } t ? t.ToString() : "any")}: villages {c.Villages}, covered before {c.CoveredBefore}, reachable {c.Reachable}, after {c.CoveredAfter}");
        }

        return 0;
    }
}
