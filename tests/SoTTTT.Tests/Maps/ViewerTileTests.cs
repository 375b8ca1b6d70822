using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using NUnit.Framework;
using SoTTTT.Cli.Viewer;
using SoTTTT.Core.Crs;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

/// <summary>
/// The viewer's vector tiles (<c>/tiles/{layer}/{z}/{x}/{y}.mvt</c>) on the sample province, in memory (TestServer),
/// decoded with NetTopologySuite.IO.VectorTiles.Mapbox's reader and checked against the dataset converted to WGS84 here.
/// </summary>
public sealed class ViewerTileTests
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
    public async Task Tile_FullDetail_HoldsEveryTowerInsideIt()
    {
        var dataset = SampleViewer.Loaded.Dataset!;
        var toWgs84 = CoordinateTransformer.Create(dataset.Crs, CrsRegistry.Wgs84);
        var lonLat = dataset.Towers.Select(t => toWgs84.Transform(t.Location.X, t.Location.Y)).ToList();
        var (lon, lat) = lonLat[0];
        var tile = Tiles.At(lon, lat, 14);
        var box = tile.Envelope();
        var expected = lonLat.Count(p => box.Contains(p.Item1, p.Item2));

        var decoded = await GetTileAsync("towers", tile);

        var features = decoded.Layers.Single(l => l.Name == "towers").Features;
        var inside = features.Count(f => box.Contains(f.Geometry.Coordinate));
        Assert.Multiple(() =>
        {
            Assert.That(inside, Is.EqualTo(expected), "towers inside the tile");
            Assert.That(features.Select(f => f.Attributes["id"]), Has.Member(dataset.Towers[0].Id));
            Assert.That(features.SelectMany(f => f.Attributes.GetNames()).Distinct(), Is.SubsetOf(SampleViewer.Catalogue.Layer("towers")!.Attributes), "only the declared attributes");
        });
    }

    [Test]
    public async Task Tile_NumbersAndText_KeepTheirTypes()
    {
        var dataset = SampleViewer.Loaded.Dataset!;
        var toWgs84 = CoordinateTransformer.Create(dataset.Crs, CrsRegistry.Wgs84);
        var (lon, lat) = toWgs84.Transform(dataset.Settlements[0].Location.X, dataset.Settlements[0].Location.Y);

        var decoded = await GetTileAsync("postal_access", Tiles.At(lon, lat, 12));

        var first = decoded.Layers.Single().Features.First();
        Assert.Multiple(() =>
        {
            Assert.That(first.Attributes["distance_km"], Is.TypeOf<double>());
            Assert.That(first.Attributes["id"], Is.TypeOf<string>());
        });
    }

    [Test]
    public async Task Tile_LowZoom_ClipsPolygonsToTheTileAndItsMargin()
    {
        var extent = ViewerServer.Extent(SampleViewer.Store());
        var tile = Tiles.At(extent.Centre.X, extent.Centre.Y, 11);
        var margin = tile.Buffered(LayerTiles.BufferPixels * 1.01);

        var decoded = await GetTileAsync("admin_units", tile);

        var features = decoded.Layers.Single().Features;
        Assert.That(features, Is.Not.Empty);
        Assert.That(features.Select(f => margin.Contains(f.Geometry.EnvelopeInternal)), Is.All.True, "clipped to the tile and its margin");
    }

    [TestCase("/tiles/no_such_layer/1/1/1.mvt", HttpStatusCode.NotFound)]
    [TestCase("/tiles/bts/3/8/1.mvt", HttpStatusCode.BadRequest)]
    [TestCase("/tiles/bts/23/0/0.mvt", HttpStatusCode.BadRequest)]
    public async Task Tile_BadRequest_SaysWhy(string url, HttpStatusCode status)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(status));
    }

    private async Task<NetTopologySuite.IO.VectorTiles.VectorTile> GetTileAsync(string layer, TileAddress tile)
    {
        using var response = await client.GetAsync(new Uri($"/tiles/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.mapbox-vector-tile"));
        await using var stream = await response.Content.ReadAsStreamAsync();
        return new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z));
    }
}
