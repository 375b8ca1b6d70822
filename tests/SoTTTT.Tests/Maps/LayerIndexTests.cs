using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Cli.Viewer;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;

namespace SoTTTT.Tests.Maps;

public sealed class LayerIndexTests
{
    [Test]
    public void Query_DensePointsAtLowZoom_ThinsToOnePerFewPixels()
    {
        // 10,000 points on a 100 x 100 grid, 10 m apart, in VN-2000 / TM-3 105°30' metres: a 1 km square.
        var crs = CrsRegistry.Tm3(105.5);
        var factory = GeometryFactories.For(crs);
        var rows = Enumerable.Range(0, 10_000)
            .Select(i => new FeatureRow(factory.CreatePoint(new Coordinate(560_000 + (i % 100) * 10, 2_300_000 + (i / 100) * 10)), [i.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            .ToList();
        var index = new LayerIndex(new FeatureTable("dense", "dense", FeatureGeometryType.Point, crs, [new("id", FieldType.Text, "id")], rows));

        var far = index.Query(null, 8, out var totalFar);
        var near = index.Query(null, 14, out _);
        var full = index.Query(null, LayerIndex.FullDetailZoom, 20_000).Features;
        var capped = index.Query(null, LayerIndex.FullDetailZoom, out _);

        Assert.Multiple(() =>
        {
            Assert.That(totalFar, Is.EqualTo(10_000));
            Assert.That(far, Has.Count.LessThan(10), "a 1 km square is a few pixels at zoom 8");
            Assert.That(near.Count, Is.InRange(500, 9_999), "at zoom 14 a pixel is ~9 m: 10 m spacing thins to one per 3-pixel cell");
            Assert.That(full, Has.Count.EqualTo(10_000), "full detail sends every point when the cap allows");
            Assert.That(capped, Has.Count.InRange(1_000, LayerIndex.DefaultMaxFeatures), "issue 15: never more than the cap, at any zoom");
        });
    }

    [Test]
    public void Query_PointsOnOnePixel_AreSentOnceBelowFullDetailAndAllAtFullDetail()
    {
        var crs = CrsRegistry.Tm3(105.5);
        var factory = GeometryFactories.For(crs);
        var rows = Enumerable.Range(0, 100).Select(i => new FeatureRow(factory.CreatePoint(new Coordinate(560_000 + i, 2_300_000)), [null])).ToList();
        var index = new LayerIndex(new FeatureTable("few", "few", FeatureGeometryType.Point, crs, [new("id", FieldType.Text, "id")], rows));

        Assert.Multiple(() =>
        {
            Assert.That(index.Query(null, 3, out _), Has.Count.EqualTo(1), "100 m of points is one pixel at zoom 3");
            Assert.That(index.Query(null, LayerIndex.FullDetailZoom, out _), Has.Count.EqualTo(100));
        });
    }
}
