using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using SoTTTT.Cli.Viewer;
using SoTTTT.IO;
using SoTTTT.IO.Maps;

namespace SoTTTT.Benchmarks;

/// <summary>
/// <c>viewer-load DATASET [REQUESTS] [CONCURRENCY] [ROUNDS]</c> (defaults 1000, 100, 3): the viewer server in this process
/// on a loopback port, as <c>sotttt serve</c> runs it (first view indexed, every other layer built in the background —
/// waited for here, as warm-up), then ROUNDS rounds of REQUESTS layer requests at CONCURRENCY at once, each for a
/// random layer of the views, a random zoom 5–16 and a random point of the dataset's extent: every other request the
/// GeoJSON of the 1280 × 800 screen at that zoom centred there (<c>/api/layers</c>), else the vector tile holding it
/// (<c>/tiles</c>, as the page asks). Per round: latency p50/p95/p99/max, bytes, answers the cap limited, and the working
/// set and managed heap after it (goal: p99 &lt; 1 s, memory flat from round to round after the first).
/// </summary>
internal static class ViewerLoadBenchmark
{
    public static int Run(string source, int requests, int concurrency, int rounds)
    {
        BenchmarkSupport.Machine();
        var clock = Stopwatch.StartNew();
        var loaded = DatasetSource.Load(source);
        if (!loaded.Succeeded)
        {
            Console.Error.WriteLine(string.Join('\n', loaded.Problems.Take(20)));
            return 2;
        }

        Console.WriteLine($"load {clock.Elapsed.TotalSeconds:F1} s");
        var assets = ViewerAssets.Locate() ?? throw new InvalidOperationException("maps/ not found");
        var catalogue = MapCatalogueReader.Read(assets.MapsFolder).Catalogue!;
        var store = new LayerStore(catalogue, MapLayerSources.Default(), MapDataContext.For(loaded, source));
        clock.Restart();
        store.Warm(catalogue.Views[0].Name, ViewerServer.Extent(store));
        Console.WriteLine($"first view indexed in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        store.BuildInBackground().GetAwaiter().GetResult();
        var layers = catalogue.Views.SelectMany(v => v.Layers).Distinct(StringComparer.Ordinal).Where(store.IsAvailable).ToList();
        Console.WriteLine($"background: {layers.Count} layers built in {clock.Elapsed.TotalSeconds:F1} s ({string.Join(", ", layers)})");
        var extent = ViewerServer.Extent(store);
        var port = FreePort();
        using var app = ViewerServer.Build(store, assets, "vi", b => b.WebHost.UseUrls($"http://127.0.0.1:{port}"));
        app.StartAsync().GetAwaiter().GetResult();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(120) };
        var random = new Random(15);
        Console.WriteLine($"{rounds} rounds × {requests} requests at concurrency {concurrency}; random layer of {layers.Count}, zoom 5–16, 1280 × 800 px bbox");
        for (var round = 1; round <= rounds; round++)
        {
            var plan = Enumerable.Range(0, requests).Select(_ => Url(random, layers, extent)).ToArray();
            var latencies = new double[requests];
            var sizes = new long[requests];
            long bytes = 0;
            int limited = 0, failed = 0;
            var next = -1;
            var (cpu0, pause0, gen0, gen2, allocated0) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
            var wall = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests)
                {
                    var one = Stopwatch.StartNew();
                    using var response = await client.GetAsync(new Uri(plan[i], UriKind.Relative)).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    latencies[i] = one.Elapsed.TotalMilliseconds;
                    sizes[i] = body.Length;
                    Interlocked.Add(ref bytes, body.Length);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                    else if (body.AsSpan().IndexOf("\"limited\":true"u8) >= 0)
                    {
                        Interlocked.Increment(ref limited);
                    }
                }
            })).ToArray();
            Task.WaitAll(workers);
            var seconds = wall.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            var (pause, gen0s, gen2s) = ((GC.GetTotalPauseDuration() - pause0).TotalSeconds, GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2);
            var allocated = (GC.GetTotalAllocatedBytes() - allocated0) / 1048576.0;
            Breakdown(plan, latencies, sizes);
            Array.Sort(latencies);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: {requests / seconds:F0} req/s; latency p50 {P(latencies, 50):F0} ms, p95 {P(latencies, 95):F0} ms, p99 {P(latencies, 99):F0} ms, max {latencies[^1]:F0} ms; {bytes / 1048576.0:F1} MiB sent, largest answers capped {limited}, failed {failed}; CPU {cpu:F1} s (server and client), {allocated:F0} MiB allocated, GC pauses {pause:F2} s in {gen0s} GCs ({gen2s} gen 2); working set {self.WorkingSet64 / 1048576.0:F0} MiB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB"));
        }

        Console.WriteLine(BenchmarkSupport.Peak());
        app.StopAsync().GetAwaiter().GetResult();
        return 0;
    }

    private static string Url(Random random, IReadOnlyList<string> layers, NetTopologySuite.Geometries.Envelope extent)
    {
        var zoom = random.Next(5, 17);
        var pixel = LayerIndex.PixelDegrees(zoom);
        var lon = extent.MinX + (random.NextDouble() * extent.Width);
        var lat = extent.MinY + (random.NextDouble() * extent.Height);
        var layer = layers[random.Next(layers.Count)];
        if (random.Next(2) == 0)
        {
            var n = 1 << zoom;
            var x = (int)Math.Floor((lon + 180) / 360 * n);
            var rad = lat * Math.PI / 180;
            var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(rad) + (1 / Math.Cos(rad))) / Math.PI)) / 2 * n);
            return string.Create(CultureInfo.InvariantCulture, $"tiles/{layer}/{zoom}/{x}/{y}.mvt");
        }

        var (w, h) = (640 * pixel, 400 * pixel);
        return string.Create(CultureInfo.InvariantCulture, $"api/layers/{layer}?bbox={lon - w:F6},{lat - h:F6},{lon + w:F6},{lat + h:F6}&zoom={zoom}");
    }

    /// <summary>Where the time went: latency by kind of request (GeoJSON, tile) and by layer, and the slowest requests.</summary>
    private static void Breakdown(string[] plan, double[] latencies, long[] sizes)
    {
        static string Kind(string url) => url.StartsWith("tiles/", StringComparison.Ordinal) ? "tile" : "geojson";
        static string Layer(string url) => url.Split('/', '?')[url.StartsWith("tiles/", StringComparison.Ordinal) ? 1 : 2];
        foreach (var group in Enumerable.Range(0, plan.Length).GroupBy(i => Kind(plan[i])).Concat(Enumerable.Range(0, plan.Length).GroupBy(i => Layer(plan[i]))))
        {
            var ms = group.Select(i => latencies[i]).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-22} n {ms.Length,4}  p50 {P(ms, 50),6:F0} ms  p99 {P(ms, 99),6:F0} ms  mean {group.Average(i => sizes[i]) / 1024.0,7:F1} KiB"));
        }

        foreach (var i in Enumerable.Range(0, plan.Length).OrderByDescending(i => latencies[i]).Take(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slow {latencies[i],6:F0} ms {sizes[i] / 1024.0,8:F1} KiB {plan[i]}"));
        }
    }

    private static double P(double[] sorted, double pct) => sorted[Math.Clamp((int)Math.Ceiling(pct / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
