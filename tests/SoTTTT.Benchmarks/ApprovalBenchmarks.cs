using System.Diagnostics;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Benchmarks;

/// <summary>Approval on a loaded dataset (issue 4): one application warm (goal p95 &lt; 20 ms), a batch (goal 10,000 in &lt; 10 s).</summary>
internal static class ApprovalBenchmarks
{
    public static int Latency(string folder, string[] args)
    {
        BenchmarkSupport.Machine();
        if (BenchmarkSupport.LoadOnce(folder) is not { } dataset)
        {
            return 2;
        }

        var n = Arg(args, 2000);
        var clock = Stopwatch.StartNew();
        // With the coverage gain, as `sotttt approve` judges (the estimator's existing coverage is built on first use,
        // so the warm-up below pays for it).
        var appraiser = new ApplicationAppraiser(dataset, new CoverageGainEstimator(dataset));
        Console.WriteLine($"appraiser built (indexes, tower positions, coverage gain estimator) in {clock.Elapsed.TotalSeconds:F2} s");
        var entries = Applications(dataset, n + 500, seed: 1);
        foreach (var warm in entries.Take(500))
        {
            appraiser.Judge(warm);
        }

        var ms = new List<double>(n);
        foreach (var entry in entries.Skip(500))
        {
            var t = Stopwatch.GetTimestamp();
            appraiser.Judge(entry);
            ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine($"one application, warm, {n} judged: p50 {P(0.5):F3} ms, p95 {P(0.95):F3} ms, p99 {P(0.99):F3} ms, max {ms[^1]:F3} ms (goal p95 < 20 ms); {BenchmarkSupport.Peak()}");

        return 0;
    }

    public static int Batch(string folder, string[] args)
    {
        BenchmarkSupport.Machine();
        if (BenchmarkSupport.LoadOnce(folder) is not { } dataset)
        {
            return 2;
        }

        var n = Arg(args, 10_000);
        var entries = Applications(dataset, n, seed: 2);
        for (var run = 1; run <= 2; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = ApprovalAnalysis.Run(dataset, entries, new CoverageGainEstimator(dataset));
            var counts = string.Join(", ", result.Verdicts.GroupBy(v => VerdictKeys.Key(v.Verdict)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            Console.WriteLine($"run {run}: {n} applications in {clock.Elapsed.TotalSeconds:F2} s, appraiser and coverage-gain estimator construction included (goal < 10 s): {counts}; {BenchmarkSupport.Peak()}");
        }

        return 0;
    }

    private static int Arg(string[] args, int fallback) => args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : fallback;

    // Applications like a department receives: half near existing towers (0–600 m), half anywhere in the dataset's
    // extent (some fall outside every province); classes A1a, A2a, A2b; one in twenty names a tower to share.
    internal static List<ApplicationEntry> Applications(Dataset dataset, int n, int seed)
    {
        var random = new Random(seed);
        var factory = GeometryFactories.For(dataset.Crs);
        var extent = new Envelope();
        foreach (var unit in dataset.AdminUnits.Where(u => u.Boundary is not null))
        {
            extent.ExpandToInclude(unit.Boundary!.EnvelopeInternal);
        }

        var towers = dataset.Towers.Where(t => t.Status == TowerStatus.Existing).ToList();
        string[] operators = ["Viettel", "VNPT", "MobiFone", "Vietnamobile", "Gmobile"];
        string[] types = ["A1a", "A2a", "A2b", "A2b"];
        var list = new List<ApplicationEntry>(n);
        for (var i = 0; i < n; i++)
        {
            Coordinate at;
            string? shares = null;
            if (random.NextDouble() < 0.5)
            {
                var tower = towers[random.Next(towers.Count)];
                if (random.NextDouble() < 0.1)
                {
                    shares = tower.Id;
                    at = tower.Location.Coordinate.Copy();
                }
                else
                {
                    var d = random.NextDouble() * 600;
                    var a = random.NextDouble() * 2 * Math.PI;
                    at = new Coordinate(tower.Location.X + (d * Math.Cos(a)), tower.Location.Y + (d * Math.Sin(a)));
                }
            }
            else
            {
                at = new Coordinate(extent.MinX + (random.NextDouble() * extent.Width), extent.MinY + (random.NextDouble() * extent.Height));
            }

            var type = types[random.Next(types.Length)];
            var height = type == "A1a" ? 10 + (random.NextDouble() * 15) : 15 + (random.NextDouble() * 45);
            var app = new TowerApplication($"BM{i:D6}", operators[random.Next(operators.Length)], factory.CreatePoint(at), type, Math.Round(height, 1), Technology.G4, 1800, shares);
            list.Add(ApplicationEntry.Valid(i + 1, app));
        }

        return list;
    }
}
