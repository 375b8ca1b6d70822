using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using SoTTTT.Cli.Viewer;
using SoTTTT.IO;
using SoTTTT.IO.Maps;

namespace SoTTTT.Benchmarks;

/// <summary>
/// <c>viewer-first-render DATASET [REPEATS]</c>: time from navigation to the first rendered view (overview: every
/// feature requested, drawn, the map's rendercomplete fired) in headless Debian Chromium against the viewer server
/// in this process (goals: province sample &lt; 1 s, national profile &lt; 3 s). The first view's layers are indexed
/// before the page is opened (reported apart, like loading; <c>sotttt serve</c> listens first and builds them in the
/// background, see <c>viewer-tiles</c> for its start-to-answer), so the figures are the page's; the cold run is the
/// first page load (browser caches empty, per-zoom simplification built on demand); warm runs reload the page.
/// </summary>
internal static class ViewerBenchmark
{
    public static int Run(string source, int repeats)
    {
        BenchmarkSupport.Machine();
        var assets = ViewerAssets.Locate();
        if (assets is null || !assets.HasOpenLayers)
        {
            Console.Error.WriteLine("maps/ with node_modules/ol not found: run npm ci in maps/");
            return 2;
        }

        var catalogue = MapCatalogueReader.Read(assets.MapsFolder).Catalogue!;
        var clock = Stopwatch.StartNew();
        LayerStore store;
        if (SoTTTT.IO.Postgis.PostgisConnection.TryParse(source, out var postgis, out _))
        {
            // As sotttt serve: the schema is not loaded; the database tiles its layers.
            var database = new SoTTTT.IO.Postgis.PostgisTileReader(postgis!);
            store = new LayerStore(catalogue, MapLayerSources.Default(), MapDataContext.Deferred(() => DatasetSource.Load(source).Dataset!), database);
            Console.WriteLine($"server start (as sotttt serve, PostGIS schema {postgis!.Schema} tiled by the database): {clock.Elapsed.TotalSeconds:F2} s");
        }
        else
        {
            var loaded = DatasetSource.Load(source);
            if (!loaded.Succeeded)
            {
                Console.Error.WriteLine(string.Join('\n', loaded.Problems.Take(20)));
                return 2;
            }

            var d = loaded.Dataset!;
            Console.WriteLine($"load {clock.Elapsed.TotalSeconds:F2} s: {d.AdminUnits.Count} admin units, {d.Towers.Count} towers, {d.Bts.Count} BTS, {d.FibreRoutes.Count} routes, {d.PostalPoints.Count} postal points");
            store = new LayerStore(catalogue, MapLayerSources.Default(), MapDataContext.For(loaded, source));
            clock.Restart();
            var warmed = store.Warm(catalogue.Views[0].Name, ViewerServer.Extent(store));
            Console.WriteLine($"server start (as sotttt serve): {warmed} layers of the first view indexed in {clock.Elapsed.TotalSeconds:F2} s");
        }

        var port = FreePort();
        var url = $"http://127.0.0.1:{port}/";
        using var app = ViewerServer.Build(store, assets, "vi", b => b.WebHost.UseUrls(url));
        app.StartAsync().GetAwaiter().GetResult();

        // As sotttt serve: the first view's tiles are made in the background while the page loads.
        var tileWarm = Task.Run(() => store.WarmTiles(catalogue.Views[0].Name, ViewerServer.Extent(store)));

        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,800");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        try
        {
            var warm = new List<double>();
            for (var run = 0; run <= repeats; run++)
            {
                // A blank page first, so each run is a fresh navigation with an empty page state.
                driver.Navigate().GoToUrl("about:blank");
                var wall = Stopwatch.StartNew();
                driver.Navigate().GoToUrl(url + "?view=overview");
                new WebDriverWait(driver, TimeSpan.FromSeconds(300)) { PollingInterval = TimeSpan.FromMilliseconds(20) }.Until(x => ((IJavaScriptExecutor)x).ExecuteScript("return !!(window.sotttt && window.sotttt.ready);") is true);
                var wallMs = wall.Elapsed.TotalMilliseconds;
                var pageMs = Convert.ToDouble(driver.ExecuteScript("return window.sotttt.firstRenderMs;"), CultureInfo.InvariantCulture);
                var counts = driver.ExecuteScript("return JSON.stringify(window.sotttt.counts);");
                var phases = driver.ExecuteScript("const s = window.sotttt; return 'views ' + Math.round(s.viewsMs) + ' ms, tiles loaded ' + Math.round(s.tilesMs) + ' ms, drawn ' + Math.round(s.firstRenderMs) + ' ms';");
                var requests = driver.ExecuteScript(
                    "const r = performance.getEntriesByType('resource').filter(e => /api|tiles|ol\\.js/.test(e.name)); const t = r.filter(e => /tiles/.test(e.name));" +
                    "return (t.length ? t.length + ' tiles, last ended ' + Math.round(Math.max(...t.map(e => e.responseEnd))) + ' ms, slowest ' + Math.round(Math.max(...t.map(e => e.duration))) + ' ms, ' + Math.round(t.reduce((s, e) => s + e.decodedBodySize, 0) / 1024) + ' KiB; ' : '') + r.filter(e => !/tiles/.test(e.name))" +
                    ".map(e => e.name.replace(/^.*\\/(api\\/)?/, '').replace(/\\?.*/, '') + ' ' + Math.round(e.startTime) + '–' + Math.round(e.responseEnd) + ' ms ' + Math.round(e.decodedBodySize / 1024) + ' KiB').join(', ');");
                Console.WriteLine($"{(run == 0 ? "cold" : $"warm {run}")}: first rendered view {pageMs:F0} ms after navigation start (page clock), {wallMs:F0} ms wall; features drawn {counts}");
                Console.WriteLine($"  page: {phases}; requests: {requests}");
                if (run > 0)
                {
                    warm.Add(pageMs);
                }
            }

            if (warm.Count > 0)
            {
                warm.Sort();
                Console.WriteLine($"warm median {warm[warm.Count / 2]:F0} ms, max {warm[^1]:F0} ms (goal: < 1000 ms province, < 3000 ms national); {BenchmarkSupport.Peak()}");
            }
        }
        finally
        {
            driver.Quit();
            app.StopAsync().GetAwaiter().GetResult();
        }

        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
