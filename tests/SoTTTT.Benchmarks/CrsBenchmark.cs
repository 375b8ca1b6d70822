using System.Diagnostics;
using SoTTTT.Core.Crs;

namespace SoTTTT.Benchmarks;

/// <summary>
/// Coordinate throughput: WGS84 → VN-2000 TM-3 105°30' (datum shift + transverse Mercator) for N points spread over
/// Vietnam (lon 102.5–109.5, lat 8.5–23, fixed seed), in place, after a 1,000-point warm-up; best of three runs.
/// </summary>
internal static class CrsBenchmark
{
    public static int Run(int points)
    {
        BenchmarkSupport.Machine();
        var transformer = CoordinateTransformer.Create(CrsRegistry.Wgs84, CrsRegistry.Tm3(105.5));
        var random = new Random(1);
        var lon = new double[points];
        var lat = new double[points];
        for (var i = 0; i < points; i++)
        {
            lon[i] = 102.5 + (random.NextDouble() * 7);
            lat[i] = 8.5 + (random.NextDouble() * 14.5);
        }

        transformer.Transform(lon.AsSpan(0, 1000).ToArray(), lat.AsSpan(0, 1000).ToArray());
        var best = double.MaxValue;
        for (var run = 1; run <= 3; run++)
        {
            var xs = (double[])lon.Clone();
            var ys = (double[])lat.Clone();
            var clock = Stopwatch.StartNew();
            transformer.Transform(xs, ys);
            var seconds = clock.Elapsed.TotalSeconds;
            best = Math.Min(best, seconds);
            Console.WriteLine($"run {run}: {points:N0} points WGS84 → VN2000:105.5 in {seconds * 1000:F0} ms = {points / seconds:N0} points/s");
        }

        Console.WriteLine($"best {points / best:N0} points/s; {BenchmarkSupport.Peak()}");
        return 0;
    }
}
