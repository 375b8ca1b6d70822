using System.Diagnostics;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;

namespace SoTTTT.Benchmarks;

/// <summary>
/// The coverage analysis on a loaded dataset (issue 3: goal &lt; 60 s and &lt; 4 GB on the national profile, 100 m
/// cells, every operator and technology): footprints, settlements, raster, area per province, gap clusters.
/// </summary>
internal static class CoverageBenchmark
{
    public static int Run(string folder, string[] args)
    {
        BenchmarkSupport.Machine();
        if (BenchmarkSupport.LoadOnce(folder) is not { } dataset)
        {
            return 2;
        }

        var repeats = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var cellM = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 100;
        for (var f = 1; f <= 3; f++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var engine = new CoverageEngine(dataset);
            var footprints = engine.Footprints();
            Console.WriteLine(
                $"footprints {f}: {footprints.Length} in {wall.Elapsed.TotalSeconds:F2} s wall, " +
                $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU; {engine.RangeSolutionCount} distinct range solutions");
        }

        var parts = Stopwatch.StartNew();
        _ = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province) { Raster = false });
        Console.WriteLine($"footprints + settlements only (no raster): {parts.Elapsed.TotalSeconds:F2} s");
        parts.Restart();
        var flags = CoverageAnalysis.CoveredSettlements(dataset);
        Console.WriteLine($"covered flags only (what the indicators use): {parts.Elapsed.TotalSeconds:F2} s for {flags.Length} settlements");
        for (var run = 1; run <= repeats; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province, CellM: cellM) { Polygons = false });
            var any = result.Rows.Where(r => r.Operator == CoverageLayer.AnyOperator).ToList();
            Console.WriteLine(
                $"run {run}: coverage (province level, {cellM:F0} m cells, {result.Layers.Count} operator × tech layers) {clock.Elapsed.TotalSeconds:F2} s (goal < 60 s); " +
                $"{result.Footprints.Count} footprints, {result.Settlements.Count} settlements, {result.Uncovered.Count} uncovered settlement × tech, " +
                $"raster {result.Raster?.Width}×{result.Raster?.Height} ({result.Raster?.MaskCells() ?? 0} cells in units), {result.Gaps.Count} gap clusters; " +
                $"4G any operator: {Pct(any, Technology.G4)}; any technology: {Pct(any, null)}; {BenchmarkSupport.Peak()} (goal < 4 GB)");
            if (result.Raster is { } raster)
            {
                // The GeoTIFF grids every run writes (sparse tiles), national included: time and size.
                var grids = Path.Combine(Path.GetTempPath(), "sotttt-coverage-bench-" + Environment.ProcessId);
                Directory.CreateDirectory(grids);
                var write = Stopwatch.StartNew();
                long bytes = 0;
                foreach (var tech in result.Techs)
                {
                    var path = Path.Combine(grids, $"coverage_{Codes.Label(tech).ToLowerInvariant()}.tif");
                    IO.Writing.CoverageWriter.WriteGeoTiff(path, raster, tech, dataset.Crs);
                    bytes += new FileInfo(path).Length;
                }

                Console.WriteLine($"run {run}: GeoTIFF grids for {result.Techs.Count} technologies ({raster.Width}×{raster.Height}) written in {write.Elapsed.TotalSeconds:F2} s, {bytes / 1048576.0:F1} MiB in all; {BenchmarkSupport.Peak()}");
                Directory.Delete(grids, true);
            }
        }

        return 0;
    }

    private static string Pct(List<CoverageRow> rows, Technology? tech)
    {
        var of = rows.Where(r => r.Tech == tech).ToList();
        var total = of.Sum(r => r.SettlementsTotal);
        return total == 0 ? "–" : $"{100.0 * of.Sum(r => r.SettlementsCovered) / total:F1} % of settlements";
    }
}
