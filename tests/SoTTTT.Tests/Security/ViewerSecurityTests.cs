using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using SoTTTT.Cli.Viewer;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>
/// Issue 15, findings 4 and 5 (viewer), against the real server (Kestrel) on a loopback port: Host checked against
/// DNS rebinding, security and cache headers, no Server header, HEAD like GET, bounded answers, and a layer still
/// being computed answered "computing" at once instead of holding the request.
/// </summary>
public sealed class ViewerSecurityTests
{
    private const string SlowLayer = "settlements_coverage";
    private readonly ManualResetEventSlim gate = new(false);
    private WebApplication app = null!;
    private HttpClient client = null!;
    private LayerStore store = null!;
    private Uri baseUri = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var sources = MapLayerSources.Default();
        var context = MapDataContext.For(SampleViewer.Loaded, DemoSample.Folder);
        var real = MapLayerSources.Default();
        sources.Register(new(SlowLayer, c => real.IsAvailable(SlowLayer, c), c =>
        {
            gate.Wait();
            return real.Build(SlowLayer, c)!;
        }));
        store = new LayerStore(SampleViewer.Catalogue, sources, context);
        store.Warm("overview");
        _ = store.BuildInBackground();
        app = ViewerServer.Build(store, new ViewerAssets(RepoMaps.Folder), "vi", b => b.WebHost.UseUrls("http://127.0.0.1:0"), ViewerOptions.Loopback with { MaxFeatures = 500 });
        await app.StartAsync();
        baseUri = new Uri(app.Urls.First());
        client = new HttpClient { BaseAddress = baseUri };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        gate.Set();
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        gate.Dispose();
    }

    [TestCase("attacker.example")]
    [TestCase("localhost.attacker.example")]
    [TestCase("127.0.0.1.nip.io")]
    [TestCase("10.0.0.1")]
    public async Task Request_ForeignHost_Is421(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/views");
        request.Headers.Host = $"{host}:{baseUri.Port}";

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MisdirectedRequest));
    }

    [TestCase("localhost")]
    [TestCase("127.0.0.1")]
    [TestCase("LOCALHOST")]
    public async Task Request_LoopbackHost_IsServed(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/views");
        request.Headers.Host = $"{host}:{baseUri.Port}";

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("/", "no-cache")]
    [TestCase("/api/views", "no-store")]
    [TestCase("/api/layers/bts?zoom=8", "no-store")]
    [TestCase("/api/layers/no_such_layer", "no-store")]
    public async Task Response_Any_CarriesTheSecurityHeaders(string path, string cache)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), Does.Contain("script-src 'self'").And.Contain("default-src 'none'").And.Contain("frame-ancestors 'none'"));
            Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo(cache));
            Assert.That(response.Headers.Contains("Server"), Is.False);
        });
    }

    [TestCase("/", "text/html")]
    [TestCase("/api/views", "application/json")]
    [TestCase("/api/layers/bts?zoom=9", "application/geo+json")]
    public async Task Head_AnyPage_AnsweredLikeGetWithoutBody(string path, string type)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(type));
            Assert.That(body, Is.Empty);
        });
    }

    [Test]
    public async Task Layer_FullDetailOverEverything_IsCappedAndSaysSo()
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/layers/bts?zoom=15", UriKind.Relative)));
        var root = doc.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("total").GetInt32(), Is.EqualTo(2952));
            Assert.That(root.GetProperty("returned").GetInt32(), Is.LessThanOrEqualTo(500).And.GreaterThan(100));
            Assert.That(root.GetProperty("features").GetArrayLength(), Is.EqualTo(root.GetProperty("returned").GetInt32()));
            Assert.That(root.GetProperty("limited").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("max_features").GetInt32(), Is.EqualTo(500));
            Assert.That(root.GetProperty("zoom").GetInt32(), Is.LessThan(15), "a province-wide bbox is served at a zoom that fits it");
        });
    }

    [Test]
    public async Task Layer_SmallBboxAtFullDetail_IsNotLimited()
    {
        var towers = SampleViewer.Loaded.Dataset!.Towers;
        var wgs = SoTTTT.Core.Crs.CoordinateTransformer.Create(SampleViewer.Loaded.Dataset!.Crs, SoTTTT.Core.Crs.CrsRegistry.Wgs84);
        var (lon, lat) = wgs.Transform(towers[0].Location.X, towers[0].Location.Y);
        var bbox = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lon - 0.01},{lat - 0.01},{lon + 0.01},{lat + 0.01}");

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/layers/towers?bbox={bbox}&zoom=15", UriKind.Relative)));

        Assert.That(doc.RootElement.GetProperty("limited").GetBoolean(), Is.False);
        Assert.That(doc.RootElement.GetProperty("returned").GetInt32(), Is.EqualTo(doc.RootElement.GetProperty("total").GetInt32()));
    }

    [Test]
    public async Task Layer_StillComputing_AnsweredAtOnceWith503ThenServed()
    {
        using (var response = await client.GetAsync(new Uri($"/api/layers/{SlowLayer}?zoom=9", UriKind.Relative)))
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(doc.RootElement.GetProperty("status").GetString(), Is.EqualTo("computing"));
            Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        }

        using (var tile = await client.GetAsync(new Uri($"/tiles/{SlowLayer}/8/207/113.mvt", UriKind.Relative)))
        {
            Assert.That(tile.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "a vector tile of the layer is not held either");
        }

        using (var views = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/views", UriKind.Relative))))
        {
            var status = views.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("name").GetString() == SlowLayer).GetProperty("status").GetString();
            Assert.That(status, Is.EqualTo("computing"));
        }

        gate.Set();
        var served = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 600 && served == HttpStatusCode.ServiceUnavailable; i++)
        {
            using var response = await client.GetAsync(new Uri($"/api/layers/{SlowLayer}?zoom=9", UriKind.Relative));
            served = response.StatusCode;
            if (served == HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(100);
            }
        }

        Assert.That(served, Is.EqualTo(HttpStatusCode.OK));
    }
}
