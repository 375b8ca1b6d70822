using System.Diagnostics;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.GeoPackage;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Postgis;

namespace SoTTTT.Benchmarks;

/// <summary>
/// Exports the dataset's input layers to PostGIS (twice: create, then the idempotent replace) and to a GeoPackage
/// (rows/s), then times load + province indicators from the folder, the GeoPackage and PostGIS (issue 6).
/// </summary>
internal static class StoresBenchmark
{
    public static int Run(string folder, string url, int repeats)
    {
        BenchmarkSupport.Machine();
        var loaded = DatasetLoader.Load(folder);
        if (!loaded.Succeeded)
        {
            Console.Error.WriteLine(string.Join('\n', loaded.Problems.Take(20)));
            return 2;
        }

        var dataset = loaded.Dataset!;
        var tables = DatasetLayers.All(dataset);
        var rows = tables.Sum(t => (long)t.Rows.Count);
        var metadata = DatasetMetadata.Of(dataset);
        var target = PostgisConnection.Parse(url);
        foreach (var what in new[] { "export to PostGIS (create)", "export to PostGIS (replace)" })
        {
            var clock = Stopwatch.StartNew();
            var result = PostgisWriter.Export(target, dataset, tables, metadata);
            var s = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"{what}: {result.Rows} rows of {tables.Count} layers, {result.Provinces.Count} provinces in {s:F1} s = {result.Rows / s:F0} rows/s");
        }

        var gpkg = Path.Combine(Path.GetTempPath(), $"sotttt-bench-{Environment.ProcessId}.gpkg");
        var gclock = Stopwatch.StartNew();
        GeoPackageWriter.Write(gpkg, tables, metadata);
        var gs = gclock.Elapsed.TotalSeconds;
        Console.WriteLine($"export to GeoPackage: {rows} rows in {gs:F1} s = {rows / gs:F0} rows/s, {new FileInfo(gpkg).Length / 1048576.0:F0} MiB");

        var expected = Csv(dataset);
        try
        {
            for (var run = 1; run <= repeats; run++)
            {
                foreach (var (name, source) in new[] { ("folder", folder), ("GeoPackage", gpkg), ("PostGIS", url) })
                {
                    var clock = Stopwatch.StartNew();
                    var again = DatasetSource.Load(source);
                    var load = clock.Elapsed;
                    if (!again.Succeeded)
                    {
                        Console.Error.WriteLine(string.Join('\n', again.Problems.Take(20)));
                        return 2;
                    }

                    clock.Restart();
                    var csv = Csv(again.Dataset!);
                    var indicators = clock.Elapsed;
                    Console.WriteLine(
                        $"run {run} {name,-10}: load {load.TotalSeconds:F2} s + indicators (province level) {indicators.TotalSeconds:F2} s = {(load + indicators).TotalSeconds:F2} s; " +
                        $"same table as the folder: {(csv == expected ? "yes" : "NO")}");
                }
            }
        }
        finally
        {
            File.Delete(gpkg);
        }

        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
        return 0;
    }

    private static string Csv(Dataset dataset) => SoTTTT.IO.Writing.IndicatorTableWriter.ToCsv(IndicatorsAnalysis.Run(dataset, AdminLevel.Province));
}
