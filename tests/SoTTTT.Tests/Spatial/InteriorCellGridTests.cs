using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Cli.Commands;
using SoTTTT.Core.Spatial;
using SoTTTT.IO;

namespace SoTTTT.Tests.Spatial;

/// <summary>
/// <see cref="InteriorCellGrid"/> answers a point from its cell only where the answer is the exact one. The reference
/// is NetTopologySuite's relate (<c>Covers</c>, <c>Disjoint</c>): a code path apart from the ray-crossing locator the
/// admin units are searched with. The polygons are random stars around UTM-sized coordinates, with holes, overlaps,
/// two-part multipolygons and near-vertical slivers.
/// </summary>
public sealed class InteriorCellGridTests
{
    private static readonly GeometryFactory Factory = new();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void FreeCells_AreWhollyInsideOrOutsideEveryPolygon_AndAnswerTheFirstThatCoversThem(int seed)
    {
        var polygons = RandomPolygons(new Random(seed));
        var grid = new InteriorCellGrid(polygons, c => FirstCovering(polygons, c));
        var random = new Random(seed + 100);
        var free = grid.FreeCells().ToList();

        // A grid of ~1,000 cells a polygon with most of them free: it has to spare the search most of the points.
        Assert.That(free.Count, Is.GreaterThan(polygons.Count * 500), "free cells");
        foreach (var (cell, index) in free.OrderBy(_ => random.Next()).Take(1_500))
        {
            var box = Factory.ToGeometry(cell);
            var covering = -1;
            for (var i = 0; i < polygons.Count; i++)
            {
                var covers = polygons[i].Covers(box);
                Assert.That(covers || polygons[i].Disjoint(box), Is.True, $"cell {cell} is neither inside nor outside polygon {i}");
                if (covers && covering < 0)
                {
                    covering = i;
                }
            }

            Assert.That(index, Is.EqualTo(covering), $"cell {cell}");
        }
    }

    [TestCase(6)]
    [TestCase(7)]
    public void TryFindAll_AnswersABoxOnlyWhenThePolygonCoversItWhole(int seed)
    {
        var polygons = RandomPolygons(new Random(seed));
        var grid = new InteriorCellGrid(polygons, c => FirstCovering(polygons, c));
        var random = new Random(seed);
        var extent = Extent(polygons);
        var answered = 0;
        for (var i = 0; i < 3_000; i++)
        {
            // Boxes from a point to a few cells wide, as a fibre route's.
            var x = extent.MinX + (random.NextDouble() * extent.Width);
            var y = extent.MinY + (random.NextDouble() * extent.Height);
            var size = extent.Width * Math.Pow(10, -1 - (random.NextDouble() * 3));
            var box = new Envelope(x, x + (size * random.NextDouble()), y, y + (size * random.NextDouble()));
            if (!grid.TryFindAll(box, out var index))
            {
                Assert.That(index, Is.EqualTo(-1));
                continue;
            }

            answered++;
            var geometry = Factory.ToGeometry(box);
            Assert.That(polygons[index].Covers(geometry), Is.True, $"box {box} is not inside polygon {index}");
            Assert.That(Enumerable.Range(0, index).Where(j => !polygons[j].Disjoint(geometry)), Is.Empty, $"box {box}: an earlier polygon meets it");
            foreach (var corner in new[] { new Coordinate(box.MinX, box.MinY), new Coordinate(box.MaxX, box.MaxY), new Coordinate(box.MinX, box.MaxY), box.Centre })
            {
                Assert.That(grid.TryFind(corner, out var at) && at == index, Is.True, $"corner {corner} of {box}");
            }
        }

        Assert.That(answered, Is.GreaterThan(300), "boxes answered at once");
        Assert.That(grid.TryFindAll(new Envelope(), out _), Is.False, "an empty box");
        Assert.That(grid.TryFindAll(extent, out _), Is.False, "the whole extent");
    }

    [TestCase(4)]
    [TestCase(5)]
    public void TryFind_AnswersOnlyWhatTheSearchAnswersAtThePoint(int seed)
    {
        var polygons = RandomPolygons(new Random(seed));
        var grid = new InteriorCellGrid(polygons, c => FirstCovering(polygons, c));
        var random = new Random(seed);
        var extent = Extent(polygons);
        var answered = 0;
        var points = new List<Coordinate>();
        for (var i = 0; i < 4_000; i++)
        {
            points.Add(new Coordinate(extent.MinX + (random.NextDouble() * extent.Width), extent.MinY + (random.NextDouble() * extent.Height)));
        }

        // The polygons' own vertices and edge midpoints: on the boundary, where only the exact test may answer.
        foreach (var p in polygons)
        {
            var c = p.Coordinates;
            for (var i = 1; i < c.Length; i++)
            {
                points.Add(c[i].Copy());
                points.Add(new Coordinate((c[i - 1].X + c[i].X) / 2, (c[i - 1].Y + c[i].Y) / 2));
            }
        }

        foreach (var c in points)
        {
            if (grid.TryFind(c, out var index))
            {
                answered++;
                Assert.That(index, Is.EqualTo(FirstCovering(polygons, c)), $"point ({c.X}, {c.Y})");
            }
        }

        Assert.That(answered, Is.GreaterThan(points.Count / 2), "points answered from their cell");
    }

    [Test]
    public void NoPolygonsOrPointsOffTheGrid_NothingAnswered()
    {
        var empty = new InteriorCellGrid([], _ => throw new AssertionException("no search without polygons"));
        Assert.That(empty.TryFind(new Coordinate(1, 1), out _), Is.False);

        var square = Factory.ToGeometry(new Envelope(0, 10, 0, 10));
        var grid = new InteriorCellGrid([square], c => square.Covers(Factory.CreatePoint(c)) ? 0 : -1);
        Assert.Multiple(() =>
        {
            Assert.That(grid.TryFind(new Coordinate(5, 5), out var inside) && inside == 0, Is.True);
            Assert.That(grid.TryFind(new Coordinate(-1, 5), out _), Is.False, "left of the extent");
            Assert.That(grid.TryFind(new Coordinate(double.NaN, 5), out _), Is.False, "NaN");
            Assert.That(grid.TryFind(new Coordinate(10, 5), out _), Is.False, "on the boundary");
        });

        // A vertex at infinity (the loaders refuse it; a dataset made in code may hold it): no grid, no exception.
        var endless = Factory.CreatePolygon([new(0, 0), new(double.PositiveInfinity, 0), new(0, 10), new(0, 0)]);
        var none = new InteriorCellGrid([endless, square], _ => 0);
        Assert.That(none.TryFind(new Coordinate(5, 5), out _), Is.False, "no grid over an infinite extent");
        var nanVertex = Factory.CreatePolygon([new(0, 0), new(double.NaN, 5), new(0, 10), new(0, 0)]);
        var crossed = new InteriorCellGrid([square, nanVertex], _ => 0);
        Assert.That(crossed.TryFind(new Coordinate(5, 5), out _), Is.False, "an edge that is no place marks every cell");
    }

    /// <summary>
    /// The admin units' locator with the grid answers every point of the committed samples (settlements, BTS, postal
    /// points, fibre vertices and segment midpoints, the units' own vertices, random points) as without it.
    /// </summary>
    [TestCase("sample-province")]
    [TestCase("sample-mountain")]
    [TestCase("sample-province-2015")]
    public void UnitLocator_SameUnitWithAndWithoutTheGrid_OnTheSamples(string sample)
    {
        var dataset = DatasetLoader.Load(DemoCommand.SampleFolder(sample)).Dataset!;
        var locator = new UnitLocator(dataset);
        var points = new List<Coordinate>();
        points.AddRange(dataset.Settlements.Select(s => s.Location.Coordinate));
        points.AddRange(dataset.Bts.Select(b => b.Location.Coordinate));
        points.AddRange(dataset.PostalPoints.Select(p => p.Location.Coordinate));
        foreach (var route in dataset.FibreRoutes)
        {
            var c = route.Path.Coordinates;
            points.AddRange(c);
            points.AddRange(c.Skip(1).Select((b, i) => new Coordinate((c[i].X + b.X) / 2, (c[i].Y + b.Y) / 2)));
        }

        var extent = new Envelope();
        foreach (var unit in dataset.AdminUnits.Where(u => u.Boundary is not null))
        {
            points.AddRange(unit.Boundary!.Coordinates);
            extent.ExpandToInclude(unit.Boundary.EnvelopeInternal);
        }

        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            points.Add(new Coordinate(extent.MinX + (random.NextDouble() * extent.Width), extent.MinY + (random.NextDouble() * extent.Height)));
        }

        var differ = points.Where(c => !ReferenceEquals(locator.LocateInPolygons(c), locator.LocateInPolygonsWithoutCells(c))).Take(5).ToList();
        Assert.That(differ.Select(c => $"({c.X}, {c.Y})"), Is.Empty, $"{points.Count} points");
    }

    /// <summary>
    /// <see cref="UnitLocator.WholeSegment"/> answers a fibre segment at once only with what <see cref="UnitLocator.Assign"/>
    /// (by the polygons, without the grid) gives its ends, its midpoint and points along it, as the very object; and it
    /// answers most segments of the samples' routes (the fast path of the fibre split).
    /// </summary>
    [TestCase("sample-province")]
    [TestCase("sample-mountain")]
    public void UnitLocator_WholeSegment_AnswersOnlyWhatEveryPointOfTheSegmentGets(string sample)
    {
        var dataset = DatasetLoader.Load(DemoCommand.SampleFolder(sample)).Dataset!;
        var locator = new UnitLocator(dataset);
        var random = new Random(11);
        int segments = 0, answered = 0;
        foreach (var route in dataset.FibreRoutes)
        {
            var c = route.Path.Coordinates;
            for (var i = 1; i < c.Length; i++)
            {
                segments++;
                if (locator.WholeSegment(c[i - 1].X, c[i - 1].Y, c[i].X, c[i].Y) is not { } whole)
                {
                    continue;
                }

                answered++;
                Assert.That(whole, Is.SameAs(locator.Assign(new Coordinate((c[i - 1].X + c[i].X) / 2, (c[i - 1].Y + c[i].Y) / 2))), $"route {route.Id} segment {i}: the midpoint");
                foreach (var t in new[] { 0, 1, random.NextDouble(), random.NextDouble() })
                {
                    var at = new Coordinate(c[i - 1].X + ((c[i].X - c[i - 1].X) * t), c[i - 1].Y + ((c[i].Y - c[i - 1].Y) * t));
                    Assert.That(whole.Unit, Is.SameAs(locator.LocateInPolygonsWithoutCells(at)), $"route {route.Id} segment {i} at {t}");
                    Assert.That(whole.NearestM, Is.Null);
                }
            }
        }

        Assert.That(answered, Is.GreaterThan(segments / 2), $"{answered} of {segments} segments answered at once");
    }

    private static int FirstCovering(List<Geometry> polygons, Coordinate c)
    {
        var point = Factory.CreatePoint(c);
        return polygons.FindIndex(p => p.Covers(point));
    }

    private static List<Geometry> RandomPolygons(Random random)
    {
        var polygons = new List<Geometry>();
        for (var i = 0; i < 24; i++)
        {
            // Centres 4 km apart, radii up to 3 km: neighbours overlap now and then. Each polygon is valid on its own.
            var cx = 500_000 + (i % 6 * 4_000) + (random.NextDouble() * 500);
            var cy = 2_300_000 + (i / 6 * 4_000) + (random.NextDouble() * 500);
            var shell = Star(random, cx, cy, 1_500, 3_000);
            polygons.Add(i % 5 == 0
                ? Factory.CreatePolygon(shell, [Star(random, cx, cy, 200, 600)])
                : i % 7 == 0
                    ? Factory.CreateMultiPolygon([Factory.CreatePolygon(shell), Factory.CreatePolygon(Star(random, cx, cy - 6_000, 300, 700))])
                    : Factory.CreatePolygon(shell));
        }

        // Near-vertical slivers: an edge 1e-7 m across over 2 km.
        polygons.Add(Factory.CreatePolygon([new(503_000, 2_301_000), new(503_000.0000001, 2_303_000), new(503_050, 2_302_000), new(503_000, 2_301_000)]));
        polygons.Add(Factory.CreatePolygon([new(509_000, 2_305_000), new(509_000, 2_307_000), new(508_999.9999999, 2_309_000), new(508_990, 2_306_000), new(509_000, 2_305_000)]));
        return polygons;
    }

    private static LinearRing Star(Random random, double cx, double cy, double rMin, double rMax)
    {
        var n = random.Next(5, 40);
        var ring = new Coordinate[n + 1];
        for (var k = 0; k < n; k++)
        {
            var angle = 2 * Math.PI * k / n;
            var r = rMin + (random.NextDouble() * (rMax - rMin));
            ring[k] = new Coordinate(Math.Round(cx + (r * Math.Cos(angle)), 2), Math.Round(cy + (r * Math.Sin(angle)), 2));
        }

        ring[n] = ring[0].Copy();
        return Factory.CreateLinearRing(ring);
    }

    private static Envelope Extent(List<Geometry> polygons)
    {
        var extent = new Envelope();
        polygons.ForEach(p => extent.ExpandToInclude(p.EnvelopeInternal));
        return extent;
    }
}
