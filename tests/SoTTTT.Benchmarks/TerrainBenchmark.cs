using System.Diagnostics;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;

namespace SoTTTT.Benchmarks;

/// <summary>
/// Terrain profile throughput (no dataset): a 1° × 1° WGS84 DEM at 1″ (3600 × 3600, a rough synthetic surface near
/// 21° N 103° E), profiles measured in VN-2000 TM-3 103° (so every profile converts its knots to WGS84), default
/// spacing (the DEM's resolution, 28.9 m):
/// <list type="bullet">
/// <item>radials: SITES sites × 360 radials of 10 km (SPLAT!-style coverage), into one reused buffer per thread;</item>
/// <item>pairs: 20,000 site–settlement profiles of 0.5–15 km with <see cref="TerrainProfiler.Extract"/> (allocating),
/// then the same with the ITM loss of each (1800 MHz, 30 m / 1.5 m).</item>
/// </list>
/// One thread, then every core (Parallel.For over sites / pairs); best of three runs each.
/// </summary>
internal static class TerrainBenchmark
{
    public static int Run(int sites)
    {
        BenchmarkSupport.Machine();
        var clock = Stopwatch.StartNew();
        var dem = RoughDem();
        var zone = CrsRegistry.Tm3(103);
        var profiler = new TerrainProfiler(dem, zone);
        var toZone = CoordinateTransformer.Create(CrsRegistry.Wgs84, zone);
        Console.WriteLine($"DEM 3600 × 3600 built in {clock.Elapsed.TotalSeconds:F1} s; spacing {profiler.SampleSpacingM:F1} m");
        var random = new Random(1);
        var centres = Enumerable.Range(0, sites).Select(_ => toZone.Transform(103.2 + (random.NextDouble() * 0.6), 21.2 + (random.NextDouble() * 0.6))).ToArray();
        var pairs = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var (x, y) = centres[random.Next(sites)];
            var a = random.NextDouble() * 2 * Math.PI;
            var d = 500 + (random.NextDouble() * 14_500);
            return (x, y, x + (d * Math.Sin(a)), y + (d * Math.Cos(a)));
        }).ToArray();

        foreach (var parallel in new[] { false, true })
        {
            var label = parallel ? $"{Environment.ProcessorCount} threads" : "1 thread";
            Best($"radials ({label})", sites * 360, () => Radials(profiler, centres, parallel));
            Best($"pairs ({label})", pairs.Length, () => Pairs(profiler, pairs, parallel, itm: false));
            Best($"pairs + ITM ({label})", pairs.Length, () => Pairs(profiler, pairs, parallel, itm: true));
        }

        Console.WriteLine(BenchmarkSupport.Peak());
        return 0;
    }

    private static long Radials(TerrainProfiler profiler, (double X, double Y)[] centres, bool parallel)
    {
        long samples = 0;
        var points = profiler.Sampling(10_000).Points;
        void Site(int s)
        {
            var buffer = new double[points];
            long local = 0;
            for (var r = 0; r < 360; r++)
            {
                if (profiler.FillRadial(centres[s].X, centres[s].Y, r, 10_000, buffer, out var sampling) is null)
                {
                    local += sampling.Points;
                }
            }

            Interlocked.Add(ref samples, local);
        }

        if (parallel)
        {
            Parallel.For(0, centres.Length, Site);
        }
        else
        {
            for (var s = 0; s < centres.Length; s++)
            {
                Site(s);
            }
        }

        return samples;
    }

    private static long Pairs(TerrainProfiler profiler, (double X0, double Y0, double X1, double Y1)[] pairs, bool parallel, bool itm)
    {
        long samples = 0;
        var parameters = new ItmParameters(1800, 30, 1.5);
        void Pair(int i)
        {
            var (x0, y0, x1, y1) = pairs[i];
            if (profiler.Extract(x0, y0, x1, y1).Profile is { } profile)
            {
                if (itm)
                {
                    ItmPointToPoint.Compute(profile, parameters);
                }

                Interlocked.Add(ref samples, profile.Points);
            }
        }

        if (parallel)
        {
            Parallel.For(0, pairs.Length, Pair);
        }
        else
        {
            for (var i = 0; i < pairs.Length; i++)
            {
                Pair(i);
            }
        }

        return samples;
    }

    private static void Best(string label, int profiles, Func<long> run)
    {
        run();
        var best = double.MaxValue;
        long samples = 0;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            samples = run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"{label}: {profiles:N0} profiles, {samples:N0} samples in {best * 1000:F0} ms = {profiles / best:N0} profiles/s, {samples / best / 1e6:F1} M samples/s");
    }

    private static ElevationGrid RoughDem()
    {
        const int n = 3600;
        var values = new float[n * n];
        Parallel.For(0, n, r =>
        {
            for (var c = 0; c < n; c++)
            {
                double x = c / 3600.0, y = r / 3600.0;
                values[(r * n) + c] = (float)(600 + (400 * Math.Sin(9 * x) * Math.Cos(7 * y)) + (80 * Math.Sin(61 * x + (3 * y))) + (15 * Math.Sin(347 * y - (11 * x))));
            }
        });
        var second = 1.0 / 3600;
        return new ElevationGrid(new GridGeometry(CrsRegistry.Wgs84, 103, 22, second, second, n, n), values);
    }
}
