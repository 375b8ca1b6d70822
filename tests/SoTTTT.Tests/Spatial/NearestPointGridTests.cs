using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Tests.Spatial;

/// <summary>
/// <see cref="NearestPointGrid"/> gives the exact nearest distance: the minimum of <see cref="Coordinate.Distance"/> over
/// every point, checked bit for bit against that brute-force minimum (the reference, independent of any index) on
/// clustered and spread sets, queries inside, on and far outside the set's extent, duplicates and degenerate extents.
/// </summary>
public sealed class NearestPointGridTests
{
    [TestCase(1, 1)]
    [TestCase(2, 7)]
    [TestCase(3, 300)]
    [TestCase(4, 5_000)]
    public void RandomSets_ExactlyTheBruteForceMinimum(int seed, int count)
    {
        var random = new Random(seed);
        var points = new List<Coordinate>();
        for (var i = 0; i < count; i++)
        {
            // Half in a few dense towns, half spread over a province; every tenth a copy of an earlier point.
            Coordinate c;
            if (i > 0 && i % 10 == 0)
            {
                c = points[random.Next(points.Count)].Copy();
            }
            else if (i % 2 == 0)
            {
                var town = random.Next(5);
                c = new Coordinate(300_000 + (town * 40_000) + (random.NextDouble() * 800), 1_200_000 + (town * 25_000) + (random.NextDouble() * 800));
            }
            else
            {
                c = new Coordinate(250_000 + (random.NextDouble() * 250_000), 1_150_000 + (random.NextDouble() * 200_000));
            }

            points.Add(c);
        }

        var grid = new NearestPointGrid(points);
        for (var q = 0; q < 4_000; q++)
        {
            var query = (q % 5) switch
            {
                // Exactly on a point (distance 0), far outside the extent, or anywhere around it.
                0 => points[random.Next(points.Count)].Copy(),
                1 => new Coordinate((random.NextDouble() * 2_000_000) - 500_000, (random.NextDouble() * 3_000_000) - 500_000),
                _ => new Coordinate(230_000 + (random.NextDouble() * 300_000), 1_130_000 + (random.NextDouble() * 250_000)),
            };
            Assert.That(grid.NearestDistance(query), Is.EqualTo(points.Min(p => p.Distance(query))), $"query ({query.X}, {query.Y})");
        }
    }

    [Test]
    public void PointsOnOneLineOrOnePlace_StillExact()
    {
        // A zero-height extent (every point on one parallel) and a zero-size one (every point the same).
        var line = Enumerable.Range(0, 50).Select(i => new Coordinate(1_000 * i, 7)).ToList();
        var same = Enumerable.Range(0, 5).Select(_ => new Coordinate(12.5, -3)).ToList();
        foreach (var set in new[] { line, same })
        {
            var grid = new NearestPointGrid(set);
            foreach (var query in new[] { new Coordinate(10_400, 7), new Coordinate(-5_000, 600), new Coordinate(80_000, -80_000), new Coordinate(12.5, -3) })
            {
                Assert.That(grid.NearestDistance(query), Is.EqualTo(set.Min(p => p.Distance(query))));
            }
        }
    }

    [Test]
    public void NoPoints_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new NearestPointGrid([]));
}
