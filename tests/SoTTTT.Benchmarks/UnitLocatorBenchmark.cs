using System.Diagnostics;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Benchmarks;

/// <summary>
/// The admin-unit placement every analysis starts with: all settlements, BTS, postal points and fibre segment midpoints
/// of a dataset, located with <see cref="UnitLocator.LocateInPolygons"/> (grid of whole cells first) and with the
/// polygons alone, on one thread; the answers must be the same.
/// </summary>
internal static class UnitLocatorBenchmark
{
    public static int Run(string folder, int repeats)
    {
        BenchmarkSupport.Machine();
        var dataset = BenchmarkSupport.LoadOnce(folder);
        if (dataset is null)
        {
            return 2;
        }

        var points = new List<Coordinate>();
        points.AddRange(dataset.Settlements.Select(s => s.Location.Coordinate));
        points.AddRange(dataset.Bts.Select(b => b.Location.Coordinate));
        points.AddRange(dataset.PostalPoints.Select(p => p.Location.Coordinate));
        foreach (var route in dataset.FibreRoutes)
        {
            var c = route.Path.Coordinates;
            points.AddRange(c.Skip(1).Select((b, i) => new Coordinate((c[i].X + b.X) / 2, (c[i].Y + b.Y) / 2)));
        }

        var build = Stopwatch.StartNew();
        var locator = new UnitLocator(dataset);
        Console.WriteLine($"locator built in {build.Elapsed.TotalSeconds:F3} s; {points.Count:N0} points");
        var withGrid = new Core.Model.AdminUnit?[points.Count];
        var without = new Core.Model.AdminUnit?[points.Count];
        for (var r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < points.Count; i++)
            {
                withGrid[i] = locator.LocateInPolygons(points[i]);
            }

            var gridS = clock.Elapsed.TotalSeconds;
            clock.Restart();
            for (var i = 0; i < points.Count; i++)
            {
                without[i] = locator.LocateInPolygonsWithoutCells(points[i]);
            }

            var plainS = clock.Elapsed.TotalSeconds;
            var differ = Enumerable.Range(0, points.Count).Count(i => !ReferenceEquals(withGrid[i], without[i]));
            Console.WriteLine($"run {r + 1}: with the grid {gridS:F3} s ({points.Count / gridS / 1e6:F2} M points/s), polygons alone {plainS:F3} s ({points.Count / plainS / 1e6:F2} M points/s), {plainS / gridS:F2}×; {differ} answers differ");
            if (differ > 0)
            {
                return 1;
            }
        }

        Console.WriteLine(BenchmarkSupport.Peak());
        return 0;
    }
}
