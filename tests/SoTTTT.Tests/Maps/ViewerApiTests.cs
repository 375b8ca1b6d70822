using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using NUnit.Framework;
using SoTTTT.Cli.Viewer;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

/// <summary>The viewer's HTTP API on the sample province, in memory (TestServer).</summary>
public sealed class ViewerApiTests
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        app = ViewerServer.Build(SampleViewer.Store(), new ViewerAssets(RepoMaps.Folder), "vi", b => b.WebHost.UseTestServer());
        await app.StartAsync();
        client = app.GetTestClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [Test]
    public async Task Views_Sample_ListsEveryViewAndMarksLayersWithoutProvider()
    {
        using var doc = await GetJsonAsync("/api/views");
        var root = doc.RootElement;
        var views = root.GetProperty("views").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();
        var available = root.GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("available").GetBoolean());
        var extent = root.GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(views, Is.EqualTo(new[] { "overview", "coverage", "gaps", "postal", "sharing", "approval", "plan" }));
            Assert.That(available["bts"], Is.True);
            Assert.That(available["postal_access"], Is.True);
            Assert.That(available["missed_sharing"], Is.True);
            Assert.That(available["applications"], Is.True);
            Assert.That(available["coverage_gaps"], Is.True);
            Assert.That(available["plan_positions"], Is.True, "the planner provides the plan view");
            Assert.That(available["plan_fibre"], Is.True);
            Assert.That(extent[0], Is.InRange(105.5, 107.0), "min lon");
            Assert.That(extent[1], Is.InRange(20.3, 21.5), "min lat");
            Assert.That(extent[2], Is.GreaterThan(extent[0]));
            Assert.That(extent[3], Is.GreaterThan(extent[1]));
        });
    }

    [Test]
    public async Task Views_Layer_CarriesItsStyleAndBilingualLegend()
    {
        using var doc = await GetJsonAsync("/api/views");
        var bts = doc.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "bts");
        var style = bts.GetProperty("style");

        Assert.Multiple(() =>
        {
            Assert.That(style.GetProperty("kind").GetString(), Is.EqualTo("categorical"));
            Assert.That(style.GetProperty("attribute").GetString(), Is.EqualTo("operator"));
            Assert.That(style.GetProperty("classes")[0].GetProperty("symbol").GetProperty("fill").GetString(), Does.Match("^#[0-9a-f]{6}$"));
            Assert.That(bts.GetProperty("title").GetProperty("en").GetString(), Is.EqualTo("BTS by operator"));
        });
    }

    [Test]
    public async Task Layer_WithoutBbox_IsEveryFeatureInWgs84()
    {
        using var doc = await GetJsonAsync("/api/layers/towers?zoom=15");
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var coordinates = features.Select(f => f.GetProperty("geometry").GetProperty("coordinates")).Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(features, Has.Count.EqualTo(SampleViewer.Loaded.Dataset!.Towers.Count));
            Assert.That(doc.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(features.Count));
            Assert.That(coordinates.Select(c => c.Lon), Is.All.InRange(105.5, 107.0), "lon of the Hải Dương-like sample");
            Assert.That(coordinates.Select(c => c.Lat), Is.All.InRange(20.3, 21.5));
            Assert.That(features[0].GetProperty("properties").GetProperty("type").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(features[0].GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Number), "the feature index as id");
            Assert.That(features[0].GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.SubsetOf(SampleViewer.Catalogue.Layer("towers")!.Attributes), "only declared attributes");
        });
    }

    [Test]
    public async Task Layer_Bbox_ReturnsOnlyFeaturesInside()
    {
        using var all = await GetJsonAsync("/api/layers/bts?zoom=15");
        var lons = all.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble()).Order().ToList();
        var midLon = lons[lons.Count / 2];

        using var west = await GetJsonAsync(FormattableString.Invariant($"/api/layers/bts?bbox=105,20,{midLon},22&zoom=15"));
        var westLons = west.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(westLons, Has.Count.InRange(lons.Count / 3, lons.Count * 2 / 3));
            Assert.That(westLons, Is.All.LessThanOrEqualTo(midLon + 1e-6));
        });
    }

    [Test]
    public async Task Layer_LowZoom_SimplifiesPolygons()
    {
        var detailed = await VerticesAsync("/api/layers/admin_units?zoom=15");
        var overview = await VerticesAsync("/api/layers/admin_units?zoom=7");

        Assert.That(overview, Is.LessThan(detailed * 0.8), $"vertices at zoom 7: {overview}, at zoom 15: {detailed}");
    }

    [Test]
    public async Task Layer_Unknown_Is404()
    {
        using var response = await client.GetAsync(new Uri("/api/layers/no_such_layer", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Layer_PlanPositions_ComeFromThePlanner()
    {
        using var doc = await GetJsonAsync("/api/layers/plan_positions?zoom=15");
        var statuses = doc.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("status").GetString())
            .Distinct()
            .ToList();

        // The sample has 4G everywhere, so no new position; its towers in A1-only zones are converted (sharing's list).
        Assert.That(statuses, Does.Contain("convert").And.Not.Contain("keep"));
    }

    [Test]
    public async Task Layer_BadBbox_Is400()
    {
        using var response = await client.GetAsync(new Uri("/api/layers/bts?bbox=1,2,3", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Layer_PostalAccess_HasDistanceOfEverySettlement()
    {
        using var doc = await GetJsonAsync("/api/layers/postal_access");
        var distances = doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("distance_km").GetDouble()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(distances, Has.Count.EqualTo(SampleViewer.Loaded.Dataset!.Settlements.Count));
            Assert.That(distances, Is.All.InRange(0.0, 15.0));
        });
    }

    [Test]
    public async Task Root_ServesTheViewerPage()
    {
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.That(html, Does.Contain("ol/ol.js").And.Contain("main.js"));
    }

    [Test]
    public async Task Root_EveryScriptIsAFileTheServerServes()
    {
        // The Content-Security-Policy (script-src 'self') runs no inline script: the page's views prefetch is views.js.
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script([^>]*)>").Select(m => m.Groups[1].Value).ToList();
        var sources = scripts.Select(a => System.Text.RegularExpressions.Regex.Match(a, "src=\"([^\"]+)\"")).ToList();

        Assert.That(sources.Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "views.js", "ol/ol.js", "main.js" }), "no inline script");
        foreach (var src in sources.Select(m => m.Groups[1].Value))
        {
            using var response = await client.GetAsync(new Uri("/" + src, UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), src);
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/javascript"), src);
        }

        Assert.That(await client.GetStringAsync(new Uri("/views.js", UriKind.Relative)), Does.Contain("window.sottttViews = fetch('api/views')"));
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<int> VerticesAsync(string url)
    {
        using var doc = await GetJsonAsync(url);
        var count = 0;
        void Walk(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            if (e.GetArrayLength() > 0 && e[0].ValueKind == JsonValueKind.Number)
            {
                count++;
                return;
            }

            foreach (var child in e.EnumerateArray())
            {
                Walk(child);
            }
        }

        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            Walk(f.GetProperty("geometry").GetProperty("coordinates"));
        }

        return count;
    }
}
