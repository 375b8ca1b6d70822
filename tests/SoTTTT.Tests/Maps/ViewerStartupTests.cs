using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using NUnit.Framework;
using SoTTTT.Cli.Commands;
using SoTTTT.Cli.Viewer;
using SoTTTT.IO.Layers;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

/// <summary>
/// Issue 14: <c>sotttt serve</c> listens before any layer is built and builds them in the background, the first view's
/// first (<see cref="ServeCommand.WarmFirstView"/>). /api/views answers while a first-view layer is still being built,
/// that layer's requests are told "computing", and once built every answer is the same, byte for byte, as from a store
/// whose layers were built before the server started.
/// </summary>
public sealed class ViewerStartupTests
{
    private const string SlowLayer = "bts";

    [Test]
    public async Task Serve_FirstViewStillComputing_ViewsAnswerAndLayersMatchEagerOnes()
    {
        using var gate = new ManualResetEventSlim(false);
        var lazy = new LayerStore(SampleViewer.Catalogue, InputLayers(gate), MapDataContext.For(SampleViewer.Loaded, DemoSample.Folder));
        var eager = new LayerStore(SampleViewer.Catalogue, InputLayers(null), MapDataContext.For(SampleViewer.Loaded, DemoSample.Folder));
        eager.Warm("overview", ViewerServer.Extent(eager));
        await using var lazyApp = await StartAsync(lazy);
        await using var eagerApp = await StartAsync(eager);
        using var lazyClient = lazyApp.GetTestClient();
        using var eagerClient = eagerApp.GetTestClient();
        Task background;
        try
        {
            // As sotttt serve: the server is up before the background start-up begins.
            background = lazy.BuildInBackground(() => ServeCommand.WarmFirstView(lazy, "overview"));

            using var views = await lazyClient.GetAsync(new Uri("/api/views", UriKind.Relative));
            using var doc = JsonDocument.Parse(await views.Content.ReadAsStringAsync());
            var status = doc.RootElement.GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("status").GetString());
            using var tile = await lazyClient.GetAsync(new Uri($"/tiles/{SlowLayer}/9/414/227.mvt", UriKind.Relative));
            Assert.Multiple(() =>
            {
                Assert.That(views.StatusCode, Is.EqualTo(HttpStatusCode.OK), "views answer while a first-view layer is being built");
                Assert.That(status[SlowLayer], Is.EqualTo("computing"));
                Assert.That(status["admin_units"], Is.EqualTo("ready"), "the extent's layer is built first");
                Assert.That(tile.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "a tile of the layer being built is not held");
            });
        }
        finally
        {
            gate.Set();
        }

        await background.WaitAsync(TimeSpan.FromMinutes(2));
        var extent = ViewerServer.Extent(eager);
        var paths = new List<string> { "/api/views" };
        foreach (var layer in SampleViewer.Catalogue.View("overview")!.Layers.Where(eager.IsAvailable))
        {
            paths.Add($"/api/layers/{layer}?zoom=9");
            paths.Add($"/api/layers/{layer}?zoom=15");
            foreach (var z in new[] { 7, 8, 9, 11 })
            {
                var (x0, y0) = TileAddress.Containing(extent.MinX, extent.MaxY, z);
                var (x1, y1) = TileAddress.Containing(extent.MaxX, extent.MinY, z);
                for (var x = x0; x <= x1; x += Math.Max(1, (x1 - x0) / 3))
                {
                    for (var y = y0; y <= y1; y += Math.Max(1, (y1 - y0) / 3))
                    {
                        paths.Add($"/tiles/{layer}/{z}/{x}/{y}.mvt");
                    }
                }
            }
        }

        Assert.That(paths, Has.Count.GreaterThan(50));
        foreach (var path in paths)
        {
            Assert.That(await Body(lazyClient, path), Is.EqualTo(await Body(eagerClient, path)), path);
        }
    }

    /// <summary>The input layers only (no analysis runs in the background), <see cref="SlowLayer"/> held until the gate opens.</summary>
    private static MapLayerSources InputLayers(ManualResetEventSlim? gate)
    {
        var sources = new MapLayerSources();
        foreach (var input in DatasetLayers.Sources)
        {
            sources.Register(new(input.Name, c => input.AppliesTo(c.Dataset), c =>
            {
                if (input.Name == SlowLayer)
                {
                    gate?.Wait();
                }

                return input.Build(c.Dataset);
            }));
        }

        return sources;
    }

    private static async Task<WebApplication> StartAsync(LayerStore store)
    {
        var app = ViewerServer.Build(store, new ViewerAssets(RepoMaps.Folder), "vi", b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return app;
    }

    private static async Task<byte[]> Body(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
