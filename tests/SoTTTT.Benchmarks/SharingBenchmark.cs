using System.Diagnostics;
using SoTTTT.Core.Model;
using SoTTTT.Core.Sharing;

namespace SoTTTT.Benchmarks;

/// <summary>The sharing analysis on a loaded dataset (issue 4: goal &lt; 30 s on the national profile).</summary>
internal static class SharingBenchmark
{
    public static int Run(string folder, string[] args)
    {
        BenchmarkSupport.Machine();
        if (BenchmarkSupport.LoadOnce(folder) is not { } dataset)
        {
            return 2;
        }

        for (var run = 1; run <= Arg(args, 2); run++)
        {
            var clock = Stopwatch.StartNew();
            var fibre = FibreSharingAnalysis.Run(dataset);
            var fibreTime = clock.Elapsed;
            clock.Restart();
            var result = SharingAnalysis.Run(dataset, AdminLevel.Province);
            Console.WriteLine(
                $"run {run}: sharing (province level, everything) {clock.Elapsed.TotalSeconds:F2} s (goal < 30 s), of which the fibre part alone takes {fibreTime.TotalSeconds:F2} s; " +
                $"{result.Rows.Count(r => r.Operator is null)} provinces, {result.Rows.Where(r => r.Operator is null).Sum(r => r.TowerPositions)} positions, {result.MissedSharing.Count} missed pairs, " +
                $"{result.SpacingViolations.Count} spacing violations, {result.ToConvert.Count} to convert, {fibre.Stretches.Count} duct stretches ({fibre.Pairs.Sum(p => p.Km):F0} km), " +
                $"{fibre.ToUndergroundKm:F0} of {fibre.AerialKm:F0} aerial km to underground; {BenchmarkSupport.Peak()}");
        }

        return 0;
    }

    private static int Arg(string[] args, int fallback) => args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
