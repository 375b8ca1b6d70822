using System.Diagnostics;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;

namespace SoTTTT.Benchmarks;

/// <summary>Load + province indicators on a dataset folder (issue 2: goal &lt; 15 s, &lt; 3 GB on the national profile).</summary>
internal static class LoadIndicatorsBenchmark
{
    public static int Run(string folder, int repeats)
    {
        BenchmarkSupport.Machine();
        for (var run = 1; run <= repeats; run++)
        {
            var clock = Stopwatch.StartNew();
            var loaded = DatasetLoader.Load(folder);
            var load = clock.Elapsed;
            if (!loaded.Succeeded)
            {
                Console.Error.WriteLine(string.Join('\n', loaded.Problems.Take(20)));
                return 2;
            }

            var dataset = loaded.Dataset!;
            clock.Restart();
            var province = IndicatorsAnalysis.Run(dataset, AdminLevel.Province);
            var indicators = clock.Elapsed;
            Console.WriteLine(
                $"run {run}: load {load.TotalSeconds:F2} s + indicators (province level) {indicators.TotalSeconds:F2} s = {(load + indicators).TotalSeconds:F2} s; " +
                $"{province.Rows.Count} provinces, {dataset.AdminUnits.Count(u => u.Level == AdminLevel.Commune)} communes, {dataset.Settlements.Count} settlements, {dataset.Bts.Count} BTS, " +
                $"{dataset.FibreRoutes.Count} routes; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
        }

        return 0;
    }
}
