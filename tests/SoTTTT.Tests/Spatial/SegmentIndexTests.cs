using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Tests.Spatial;

/// <summary>
/// The fibre segment grid answers exactly as checking every segment with NTS's <see cref="LineSegment.Distance(Coordinate)"/>
/// (the brute-force reference), for short and very long segments, negative coordinates, points on a cell edge and
/// distances from 0 to several cells, cells from far smaller than the segments to far larger.
/// </summary>
[TestFixture]
public sealed class SegmentIndexTests
{
    private static readonly GeometryFactory Factory = new();

    // A cell of 1 m over the 200 km square would need 4·10^10 cells: the index takes larger ones, with the same answers.
    [TestCase(1, SegmentIndex.DefaultCellM)]
    [TestCase(2, SegmentIndex.DefaultCellM)]
    [TestCase(3, SegmentIndex.DefaultCellM)]
    [TestCase(4, 1.0)]
    [TestCase(5, 50_000.0)]
    public void IsWithin_EqualsBruteForce(int seed, double cellM)
    {
        var random = new Random(seed);
        var lines = new List<Geometry>();
        for (var i = 0; i < 300; i++)
        {
            var x = random.NextDouble() * 200_000 - 100_000;
            var y = random.NextDouble() * 200_000 - 100_000;
            var points = new List<Coordinate> { new(x, y) };
            var n = 1 + random.Next(6);
            for (var j = 0; j < n; j++)
            {
                // Mostly short steps, now and then a step of up to 60 km.
                var step = random.NextDouble() < 0.1 ? 60_000 : 1_500;
                x += (random.NextDouble() - 0.5) * step;
                y += (random.NextDouble() - 0.5) * step;
                points.Add(new Coordinate(x, y));
            }

            lines.Add(random.NextDouble() < 0.2
                ? Factory.CreateMultiLineString([Factory.CreateLineString([.. points]), Factory.CreateLineString([new Coordinate(x, y), new Coordinate(x + 10, y - 700)])])
                : Factory.CreateLineString([.. points]));
        }

        var segments = lines.SelectMany(l => Enumerable.Range(0, l.NumGeometries).Select(l.GetGeometryN))
            .SelectMany(g => g.Coordinates.Zip(g.Coordinates.Skip(1), (a, b) => new LineSegment(a, b)))
            .ToList();
        var index = new SegmentIndex(lines, cellM);
        Assert.That(index.Count, Is.EqualTo(segments.Count));

        var disagreements = 0;
        var within = 0;
        for (var q = 0; q < 4000; q++)
        {
            // Some queries sit exactly on cell edges (multiples of 1000 m).
            var c = q % 5 == 0
                ? new Coordinate(Math.Round(random.NextDouble() * 200 - 100) * 1000, Math.Round(random.NextDouble() * 200 - 100) * 1000)
                : new Coordinate(random.NextDouble() * 220_000 - 110_000, random.NextDouble() * 220_000 - 110_000);
            var d = q % 7 == 0 ? 0 : random.NextDouble() * 3_500;
            var expected = segments.Any(s => s.Distance(c) <= d);
            within += expected ? 1 : 0;
            if (index.IsWithin(c, d) != expected)
            {
                disagreements++;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(disagreements, Is.Zero);
            Assert.That(within, Is.InRange(200, 3800), "the case holds points both within and beyond reach");
        });
    }

    [Test]
    public void PointOnASegment_IsWithinZero_AndAnEmptyIndexHoldsNothing()
    {
        var line = Factory.CreateLineString([new Coordinate(-500, -500), new Coordinate(2500, 1000)]);
        var index = new SegmentIndex([line]);
        Assert.Multiple(() =>
        {
            Assert.That(index.IsWithin(new Coordinate(500.0, 0.0), 1e-6), Is.True);
            Assert.That(index.IsWithin(new Coordinate(500.0, 10.0), 5), Is.False);
            Assert.That(new SegmentIndex([]).IsWithin(new Coordinate(0, 0), 1e6), Is.False);
        });
    }
}
