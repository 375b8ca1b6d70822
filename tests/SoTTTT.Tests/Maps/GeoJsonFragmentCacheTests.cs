using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Cli.Viewer;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

/// <summary>
/// The viewer's cache of feature GeoJSON (<see cref="GeoJsonFragmentCache"/>) on the sample province: a layer answer
/// written from it is byte for byte the answer written without it, first use and reuse, and it never holds more than
/// its budget.
/// </summary>
public sealed class GeoJsonFragmentCacheTests
{
    private static readonly string[] Layers = ["towers", "fibre_routes", "admin_units"];

    private static readonly int[] Zooms = [6, 9, 12, 15];

    [Test]
    public async Task WriteAsync_FromCache_IsTheUncachedAnswerByteForByte()
    {
        var store = SampleViewer.Store();
        var cache = new GeoJsonFragmentCache();

        foreach (var name in Layers)
        {
            var layer = store.Get(name)!;
            foreach (var zoom in Zooms)
            {
                foreach (var bbox in new[] { null, Quarter(layer.Extent) })
                {
                    var answer = layer.Query(bbox, zoom, LayerIndex.DefaultMaxFeatures);
                    var uncached = await WriteAsync(store, name, answer, null);
                    var filling = await WriteAsync(store, name, answer, cache);
                    var reused = await WriteAsync(store, name, answer, cache);

                    Assert.Multiple(() =>
                    {
                        Assert.That(answer.Features, Is.Not.Empty, $"{name} zoom {zoom}");
                        Assert.That(filling, Is.EqualTo(uncached), $"{name} zoom {zoom} bbox {bbox}: first use");
                        Assert.That(reused, Is.EqualTo(uncached), $"{name} zoom {zoom} bbox {bbox}: from the cache");
                    });
                }
            }
        }

        Assert.That(cache.Bytes, Is.GreaterThan(0));
    }

    [Test]
    public async Task WriteAsync_SmallBudget_StaysWithinItAndAnswersAlike()
    {
        var store = SampleViewer.Store();
        const long budget = 64 * 1024;
        var cache = new GeoJsonFragmentCache(budget);
        var held = new List<long>();

        foreach (var name in Layers)
        {
            var layer = store.Get(name)!;
            foreach (var zoom in Zooms)
            {
                var answer = layer.Query(null, zoom, LayerIndex.DefaultMaxFeatures);
                var uncached = await WriteAsync(store, name, answer, null);
                var cached = await WriteAsync(store, name, answer, cache);
                held.Add(cache.Bytes);
                Assert.That(cached, Is.EqualTo(uncached), $"{name} zoom {zoom}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(held, Has.All.LessThanOrEqualTo(budget));
            Assert.That(held.Max(), Is.GreaterThan(0), "something was kept");
            Assert.That(cache.Levels, Is.LessThan(Layers.Length * Zooms.Length), "older (layer, zoom) sets were dropped");
        });
    }

    private static Envelope Quarter(Envelope e) =>
        new(e.MinX + (e.Width / 4), e.MaxX - (e.Width / 4), e.MinY + (e.Height / 4), e.MaxY - (e.Height / 4));

    private static async Task<byte[]> WriteAsync(LayerStore store, string name, LayerQuery answer, GeoJsonFragmentCache? cache)
    {
        var layer = store.Get(name)!;
        var declared = store.Catalogue.Layer(name)!.Attributes;
        var fields = Enumerable.Range(0, layer.Table.Fields.Count).Where(i => declared.Contains(layer.Table.Fields[i].Name)).ToList();
        using var stream = new MemoryStream();
        await LayerGeoJson.WriteAsync(stream, layer.Table, fields, answer, LayerIndex.DefaultMaxFeatures, cache);
        return stream.ToArray();
    }
}
