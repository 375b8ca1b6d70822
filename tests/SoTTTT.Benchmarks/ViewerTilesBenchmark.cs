using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SoTTTT.Cli.Viewer;
using SoTTTT.IO;
using SoTTTT.IO.Maps;
using SoTTTT.IO.Postgis;

namespace SoTTTT.Benchmarks;

/// <summary>
/// <c>viewer-tiles DATASET|POSTGRESQL_URL [N]</c>: the viewer server as <c>sotttt serve</c> starts it (a folder or
/// GeoPackage loaded, the server listening, the first view's layers built in the background; a PostGIS schema not
/// loaded, its layers tiled by the database), then start-to-answer (until <c>/api/views</c> first answers, as serve
/// asks it of itself before its background builds; the first view's layers are then waited for), the server's working set, and the time of each vector tile
/// request over HTTP for the first view's layers: every tile of the extent at the zoom that shows it whole and the next
/// two zooms, then N tiles at random places of the extent at zooms 8–14; p50/p95/max cold (first request of a tile,
/// made then: the benchmark does not warm the first view's tiles as serve does in the background) and warm (the same
/// tiles again, from the server's tile cache). Goals: answers &lt; 3 s after start, any tile &lt; 200 ms at p95.
/// </summary>
internal static class ViewerTilesBenchmark
{
    public static int Run(string source, int randomTiles)
    {
        BenchmarkSupport.Machine();
        var assets = ViewerAssets.Locate();
        if (assets is null)
        {
            Console.Error.WriteLine("maps/ not found");
            return 2;
        }

        var catalogue = MapCatalogueReader.Read(assets.MapsFolder).Catalogue!;
        var clock = Stopwatch.StartNew();
        LayerStore store;
        if (PostgisConnection.TryParse(source, out var postgis, out _))
        {
            var database = new PostgisTileReader(postgis!);
            store = new LayerStore(catalogue, MapLayerSources.Default(), MapDataContext.Deferred(() => DatasetSource.Load(source).Dataset!), database);
            Console.WriteLine($"PostGIS schema {postgis!.Schema}: layers {string.Join(", ", database.Layers)} tiled by the database; nothing loaded");
        }
        else
        {
            var loaded = DatasetSource.Load(source);
            if (!loaded.Succeeded)
            {
                Console.Error.WriteLine(string.Join('\n', loaded.Problems.Take(20)));
                return 2;
            }

            Console.WriteLine($"load {clock.Elapsed.TotalSeconds:F2} s");
            store = new LayerStore(catalogue, MapLayerSources.Default(), MapDataContext.For(loaded, source));
        }

        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";

        // As sotttt serve (ServeCommand): the extent's layer built while the host starts, listening at once, the first
        // /api/views answered (serve asks it of itself), then the first view's layers built in the background (its tiles
        // are not made here, so the cold pass below makes them).
        _ = Task.Run(() => ViewerServer.Extent(store));
        using var app = ViewerServer.Build(store, assets, "vi", b => b.WebHost.UseUrls(url));
        app.StartAsync().GetAwaiter().GetResult();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        using var views = JsonDocument.Parse(http.GetStringAsync(new Uri("/api/views", UriKind.Relative)).GetAwaiter().GetResult());
        Console.WriteLine($"start to answer (as sotttt serve, until /api/views answered): {clock.Elapsed.TotalSeconds:F2} s; server working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MiB");
        var view = catalogue.Views[0].Name;
        _ = store.BuildInBackground(() => store.Warm(view, ViewerServer.Extent(store)));
        store.Warm(view);
        Console.WriteLine($"first view's layers built {clock.Elapsed.TotalSeconds:F2} s after start");

        var e = views.RootElement.GetProperty("extent").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var layers = catalogue.Views[0].Layers.Where(store.IsAvailable).Where(l => catalogue.Layer(l)!.Visible).ToList();
        var fit = Math.Clamp((int)Math.Floor(Math.Log2(360.0 * 1000 / (TileAddress.SizePixels * (e[2] - e[0])))), 0, 20);
        var tiles = new List<TileAddress>();
        for (var z = Math.Max(0, fit - 1); z <= fit + 2; z++)
        {
            var (x0, y1) = TileOf(e[0], e[1], z);
            var (x1, y0) = TileOf(e[2], e[3], z);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    tiles.Add(new TileAddress(z, x, y));
                }
            }
        }

        var random = new Random(1);
        for (var i = 0; i < randomTiles; i++)
        {
            var (x, y) = TileOf(e[0] + (random.NextDouble() * (e[2] - e[0])), e[1] + (random.NextDouble() * (e[3] - e[1])), 8 + (i % 7));
            tiles.Add(new TileAddress(8 + (i % 7), x, y));
        }

        Console.WriteLine($"{tiles.Count} tiles × {layers.Count} layers ({string.Join(", ", layers)}), zooms {Math.Max(0, fit - 1)}–{fit + 2} whole extent + {randomTiles} random at 8–14");
        foreach (var pass in new[] { "cold", "warm" })
        {
            var times = new List<(double Ms, string What, long Bytes)>();
            foreach (var tile in tiles)
            {
                foreach (var layer in layers)
                {
                    var watch = Stopwatch.StartNew();
                    var bytes = http.GetByteArrayAsync(new Uri($"/tiles/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt", UriKind.Relative)).GetAwaiter().GetResult();
                    times.Add((watch.Elapsed.TotalMilliseconds, $"{layer} {tile.Z}/{tile.X}/{tile.Y}", bytes.Length));
                }
            }

            var sorted = times.OrderBy(t => t.Ms).ToList();
            double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)].Ms;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pass}: {sorted.Count} tile requests, p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {sorted[^1].Ms:F0} ms ({sorted[^1].What}, {sorted[^1].Bytes / 1024} KiB); {times.Sum(t => t.Bytes) / 1048576.0:F1} MiB in all"));
            foreach (var group in times.GroupBy(t => t.What.Split(' ')[0]))
            {
                var g = group.Select(t => t.Ms).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-14} p50 {g[g.Count / 2]:F1} ms, p95 {g[Math.Min(g.Count - 1, (int)Math.Ceiling(0.95 * g.Count) - 1)]:F1} ms, max {g[^1]:F0} ms"));
            }
        }

        Console.WriteLine($"server working set after the tiles {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MiB; {BenchmarkSupport.Peak()}");
        app.StopAsync().GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>The XYZ tile of a lon/lat point (OpenStreetMap wiki formula).</summary>
    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = Math.Pow(2, z);
        var rad = lat * Math.PI / 180;
        return ((int)Math.Floor((lon + 180) / 360 * n), (int)Math.Floor((1 - (Math.Log(Math.Tan(rad) + (1 / Math.Cos(rad))) / Math.PI)) / 2 * n));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
