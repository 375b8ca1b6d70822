using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using NUnit.Framework;
using SoTTTT.Cli.Viewer;
using SoTTTT.Core.Crs;
using SoTTTT.IO;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Postgis;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

/// <summary>
/// The viewer over a PostGIS schema (the sample province exported to the throwaway cluster of tests/run.sh): the
/// database makes the input layers' tiles with ST_AsMVT and the dataset is never loaded into the server for them.
/// </summary>
[NonParallelizable]
public sealed class ViewerPostgisTileTests
{
    private PostgisSchema schema = null!;
    private WebApplication app = null!;
    private HttpClient client = null!;
    private MapDataContext context = null!;
    private readonly List<string> queries = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        schema = new PostgisSchema();
        var dataset = SampleViewer.Loaded.Dataset!;
        PostgisWriter.Export(PostgisConnection.Parse(schema.Url()), dataset, DatasetLayers.All(dataset), DatasetMetadata.Of(dataset));
        var database = new PostgisTileReader(PostgisConnection.Parse(schema.Url()));
        database.Queried += (sql, _) => { lock (queries) { queries.Add(sql); } };
        context = MapDataContext.Deferred(() => DatasetSource.Load(schema.Url()).Dataset!);
        var store = new LayerStore(SampleViewer.Catalogue, MapLayerSources.Default(), context, database);
        app = ViewerServer.Build(store, new ViewerAssets(RepoMaps.Folder), "vi", b => b.WebHost.UseTestServer());
        await app.StartAsync();
        client = app.GetTestClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        schema?.Dispose();
    }

    [Test]
    public async Task Views_And_InputTiles_NeitherLoadTheDataset()
    {
        using var views = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/views", UriKind.Relative)));
        var dataset = SampleViewer.Loaded.Dataset!;
        var toWgs84 = CoordinateTransformer.Create(dataset.Crs, CrsRegistry.Wgs84);
        var lonLat = dataset.Bts.Select(b => toWgs84.Transform(b.Location.X, b.Location.Y)).ToList();
        var tile = Tiles.At(lonLat[0].X, lonLat[0].Y, 14);
        var box = tile.Envelope();

        var decoded = await GetTileAsync("bts", tile);

        var features = decoded.Layers.Single(l => l.Name == "bts").Features;
        Assert.Multiple(() =>
        {
            Assert.That(views.RootElement.GetProperty("dataset").GetString(), Is.EqualTo(dataset.Name));
            Assert.That(views.RootElement.GetProperty("extent")[0].GetDouble(), Is.InRange(105.5, 107.0));
            Assert.That(features.Count(f => box.Contains(f.Geometry.Coordinate)), Is.EqualTo(lonLat.Count(p => box.Contains(p.X, p.Y))), "every BTS inside the tile");
            Assert.That(features.Select(f => f.Attributes["id"]), Has.Member(dataset.Bts[0].Id));
            Assert.That(queries, Has.Some.Contains("ST_AsMVT(").And.Some.Contains("ST_AsMVTGeom("), "the tile came from the database");
            Assert.That(context.IsLoaded, Is.False, "the dataset stays in the database");
        });
    }

    [Test]
    public async Task LowZoomTile_ThinsPoints()
    {
        var extent = ViewerServer.Extent(new LayerStore(SampleViewer.Catalogue, MapLayerSources.Default(), context, new PostgisTileReader(PostgisConnection.Parse(schema.Url()))));
        var tile = Tiles.At(extent.Centre.X, extent.Centre.Y, 6);

        var decoded = await GetTileAsync("settlements", tile);

        var features = decoded.Layers.Single().Features;
        Assert.Multiple(() =>
        {
            Assert.That(features, Is.Not.Empty);
            Assert.That(features, Has.Count.LessThan(SampleViewer.Loaded.Dataset!.Settlements.Count), "thinned at zoom 6");
        });
    }

    private async Task<NetTopologySuite.IO.VectorTiles.VectorTile> GetTileAsync(string layer, TileAddress tile)
    {
        using var response = await client.GetAsync(new Uri($"/tiles/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var stream = await response.Content.ReadAsStreamAsync();
        return new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z));
    }
}
