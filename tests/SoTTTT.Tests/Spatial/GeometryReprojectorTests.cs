using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Spatial;

public sealed class GeometryReprojectorTests
{
    [Test]
    public void ReprojectAll_SampleLayers_SameCoordinatesAsOneGeometryAtATime()
    {
        var dataset = SampleViewer.Loaded.Dataset!;
        var toWgs84 = CoordinateTransformer.Create(dataset.Crs, CrsRegistry.Wgs84);
        var factory = GeometryFactories.For(CrsRegistry.Wgs84);
        var checkedCoordinates = 0;
        foreach (var table in DatasetLayers.All(dataset).Where(t => t.Crs is not null))
        {
            // Nulls and empties stay null, in place, as the viewer's layers pass them.
            var sources = table.Rows.Select((r, i) => i % 97 == 5 ? null : r.Geometry).ToList();

            var bulk = GeometryReprojector.ReprojectAll(sources, toWgs84, factory);

            Assert.That(bulk, Has.Length.EqualTo(sources.Count), table.Name);
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i] is not { } source)
                {
                    Assert.That(bulk[i], Is.Null, $"{table.Name} {i}");
                    continue;
                }

                var one = GeometryReprojector.Reproject(source, toWgs84, factory);
                Assert.That(bulk[i]!.GeometryType, Is.EqualTo(one.GeometryType), $"{table.Name} {i}");
                Assert.That(bulk[i]!.SRID, Is.EqualTo(one.SRID), $"{table.Name} {i}");
                Assert.That(bulk[i]!.EnvelopeInternal, Is.EqualTo(one.EnvelopeInternal), $"{table.Name} {i}: the envelope is recomputed");
                var (a, b) = (bulk[i]!.Coordinates, one.Coordinates);
                Assert.That(a.Select(c => (c.X, c.Y)), Is.EqualTo(b.Select(c => (c.X, c.Y))), $"{table.Name} {i}: bit for bit");
                Assert.That(a.Select(c => (c.X, c.Y)), Is.Not.EqualTo(source.Coordinates.Select(c => (c.X, c.Y))), $"{table.Name} {i}: converted");
                checkedCoordinates += a.Length;
            }
        }

        Assert.That(checkedCoordinates, Is.GreaterThan(10_000));
    }

    [Test]
    public void ReprojectAll_LeavesTheSourcesUnchanged()
    {
        var factory = GeometryFactories.For(CrsRegistry.Utm48);
        var line = factory.CreateLineString([new Coordinate(500_000, 2_300_000), new Coordinate(501_000, 2_301_000)]);

        var bulk = GeometryReprojector.ReprojectAll([line, null], CoordinateTransformer.Create(CrsRegistry.Utm48, CrsRegistry.Wgs84), GeometryFactories.For(CrsRegistry.Wgs84));

        Assert.Multiple(() =>
        {
            Assert.That(line.Coordinates[0].X, Is.EqualTo(500_000));
            Assert.That(bulk[0]!.Coordinates[0].X, Is.InRange(104.9, 105.1));
            Assert.That(bulk[1], Is.Null);
        });
    }
}
