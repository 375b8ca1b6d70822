using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Indicators;

/// <summary>
/// <c>indicators --fibre-split exact</c>: each fibre segment cut where it crosses a unit's edge. The oracle is
/// NetTopologySuite's overlay (<c>Geometry.Intersection</c> of each route with each commune polygon, the JTS algorithm
/// PostGIS's <c>ST_Intersection</c> also follows), scaled to the unit's own zone as every length of the table is.
/// </summary>
public sealed class FibreSplitTests
{
    [Test]
    public void Exact_SampleProvince_EachCommunesKmIsTheOverlaysLength()
    {
        var dataset = DatasetLoader.Load(DemoSample.Folder).Dataset!;
        var exact = IndicatorsAnalysis.Run(dataset, AdminLevel.Commune, IndicatorParts.FibreRoutes, fibreSplit: FibreSplit.Exact);
        var midpoint = IndicatorsAnalysis.Run(dataset, AdminLevel.Commune, IndicatorParts.FibreRoutes);
        var scale = DatasetIndexes.ZoneScale(dataset);
        var communes = dataset.AdminUnits.Where(u => u.Level == AdminLevel.Commune && u.Boundary is { IsEmpty: false }).ToList();
        Assert.That(communes, Has.Count.GreaterThan(10));
        var differMidpoint = 0;
        Assert.Multiple(() =>
        {
            Assert.That(exact.FibreSplit, Is.EqualTo(FibreSplit.Exact));
            foreach (var unit in communes)
            {
                var overlayM = dataset.FibreRoutes.Sum(r => r.Path.EnvelopeInternal.Intersects(unit.Boundary!.EnvelopeInternal) ? r.Path.Intersection(unit.Boundary!).Length : 0);
                var expectedKm = overlayM * scale.LengthFactor(unit) / 1000;
                var row = exact.Rows.Single(r => r.Code == unit.Code);
                Assert.That(row.FibreKm, Is.EqualTo(expectedKm).Within(1e-6).Percent.Or.EqualTo(expectedKm).Within(1e-6), unit.Code);
                differMidpoint += Math.Abs(midpoint.Rows.Single(r => r.Code == unit.Code).FibreKm - expectedKm) > 1e-3 ? 1 : 0;
            }
        });
        Assert.That(differMidpoint, Is.GreaterThan(0), "the midpoint rule gives some commune another length, so the cut is what the test checks");
    }

    [Test]
    public void Crossings_OfASquaresEdges_AreWhereALineMeetsThem()
    {
        // A 10 m square; the segment (−5, 2)→(15, 2) enters at x = 0 (t = 0.25) and leaves at x = 10 (t = 0.75); the
        // segment (0, −5)→(0, 15) runs along the left edge from t = 0.25 to t = 0.75.
        var square = new NetTopologySuite.Geometries.GeometryFactory().CreatePolygon([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]);
        var index = new SegmentIndex([square.Boundary], 4);
        var across = new List<double>();
        index.Crossings(new(-5, 2), new(15, 2), across);
        var along = new List<double>();
        index.Crossings(new(0, -5), new(0, 15), along);
        var inside = new List<double>();
        index.Crossings(new(2, 2), new(8, 8), inside);
        Assert.Multiple(() =>
        {
            Assert.That(across.Distinct().Order(), Is.EqualTo(new[] { 0.25, 0.75 }));
            Assert.That(along.Distinct().Order(), Is.EqualTo(new[] { 0.25, 0.75 }));
            Assert.That(inside, Is.Empty);
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Crossings_RandomLines_EveryIntersectionNetTopologySuiteFinds(int seed)
    {
        // 400 random edges (short ones, and some long across the extent) indexed on 50 m cells; 300 random query segments,
        // short and long: the fractions found are those of NTS's RobustLineIntersector over every edge, none missed.
        var random = new Random(seed);
        NetTopologySuite.Geometries.Coordinate Point() => new(random.NextDouble() * 2000, random.NextDouble() * 2000);
        NetTopologySuite.Geometries.Coordinate Near(NetTopologySuite.Geometries.Coordinate c, double d) => new(c.X + ((random.NextDouble() - 0.5) * d), c.Y + ((random.NextDouble() - 0.5) * d));
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        var edges = Enumerable.Range(0, 400).Select(k =>
        {
            var a = Point();
            return (A: a, B: k % 10 == 0 ? Point() : Near(a, 120));
        }).ToList();
        var index = new SegmentIndex(edges.Select(e => (NetTopologySuite.Geometries.Geometry)factory.CreateLineString([e.A, e.B])), 50);
        var intersector = new NetTopologySuite.Algorithm.RobustLineIntersector();
        var found = 0;
        Assert.Multiple(() =>
        {
            for (var q = 0; q < 300; q++)
            {
                var a = Point();
                var b = q % 3 == 0 ? Point() : Near(a, 200);
                var got = new List<double>();
                index.Crossings(a, b, got);
                var expected = new List<double>();
                var length2 = ((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y));
                foreach (var (c, d) in edges)
                {
                    intersector.ComputeIntersection(a, b, c, d);
                    for (var i = 0; i < intersector.IntersectionNum; i++)
                    {
                        var p = intersector.GetIntersection(i);
                        var t = (((p.X - a.X) * (b.X - a.X)) + ((p.Y - a.Y) * (b.Y - a.Y))) / length2;
                        if (t > 1e-9 && t < 1 - 1e-9)
                        {
                            expected.Add(t);
                        }
                    }
                }

                var gotDistinct = got.Order().Aggregate(new List<double>(), (l, t) => { if (l.Count == 0 || t - l[^1] > 1e-9) { l.Add(t); } return l; });
                var expectedDistinct = expected.Order().Aggregate(new List<double>(), (l, t) => { if (l.Count == 0 || t - l[^1] > 1e-9) { l.Add(t); } return l; });
                found += expectedDistinct.Count;
                Assert.That(gotDistinct, Is.EqualTo(expectedDistinct).Within(1e-7), $"query {q}");
            }
        });
        Assert.That(found, Is.GreaterThan(100), "the random lines do cross");
    }
}
