using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NUnit.Framework;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Tests.Spatial;

/// <summary>
/// <see cref="PointQueryGrid{T}"/> answers a point exactly as NetTopologySuite's own <see cref="STRtree{T}.Query(Envelope)"/>
/// does: the same items in the same order (the order decides which unit a point on a shared boundary goes to, so the
/// indicators stay identical with the grid). The reference is the tree itself.
/// </summary>
public sealed class PointQueryGridTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void RandomEnvelopesAndPoints_SameItemsInTheSameOrderAsTheTree(int seed)
    {
        var random = new Random(seed);
        var tree = new STRtree<int>();
        var envelopes = new List<Envelope>();
        for (var i = 0; i < 2_000; i++)
        {
            // Sizes over three orders of magnitude, as communes beside provinces; some share edges exactly.
            var x = Math.Round(random.NextDouble() * 100_000, random.Next(3) == 0 ? 0 : 3);
            var y = Math.Round(random.NextDouble() * 100_000, random.Next(3) == 0 ? 0 : 3);
            var w = Math.Pow(10, 1 + (random.NextDouble() * 3));
            var h = Math.Pow(10, 1 + (random.NextDouble() * 3));
            var e = new Envelope(x, x + w, y, y + h);
            envelopes.Add(e);
            tree.Insert(e, i);
        }

        tree.Build();
        var grid = new PointQueryGrid<int>(tree, i => envelopes[i]);
        var compared = 0;
        for (var p = 0; p < 20_000; p++)
        {
            // Points anywhere, outside the extent too, and exactly on envelope corners and edges.
            Coordinate c;
            if (p % 4 == 0)
            {
                var e = envelopes[random.Next(envelopes.Count)];
                c = new Coordinate(random.Next(2) == 0 ? e.MinX : e.MaxX, random.Next(2) == 0 ? e.MinY : e.MaxY);
            }
            else
            {
                c = new Coordinate((random.NextDouble() * 120_000) - 10_000, (random.NextDouble() * 120_000) - 10_000);
            }

            var expected = tree.Query(new Envelope(c)).ToList();
            var actual = new List<int>();
            grid.Any(c, i =>
            {
                actual.Add(i);
                return false;
            });
            Assert.That(actual, Is.EqualTo(expected), $"point ({c.X}, {c.Y})");
            compared += expected.Count;
        }

        Assert.That(compared, Is.GreaterThan(5_000), "too few hits to compare");
    }

    [TestCase(4)]
    [TestCase(5)]
    public void FromAList_TheItemsWhoseEnvelopeHoldsThePoint_InTheListsOrder(int seed)
    {
        // The reference is a scan of the list: the items whose envelope intersects the point, in list order.
        var random = new Random(seed);
        var envelopes = new List<Envelope>();
        for (var i = 0; i < 2_000; i++)
        {
            var x = Math.Round(random.NextDouble() * 100_000, random.Next(3) == 0 ? 0 : 3);
            var y = Math.Round(random.NextDouble() * 100_000, random.Next(3) == 0 ? 0 : 3);
            var r = Math.Pow(10, 1 + (random.NextDouble() * 3));
            envelopes.Add(new Envelope(x - r, x + r, y - r, y + r));
        }

        // Items in a shuffled order, a few left out, as the footprints with no range are.
        var items = Enumerable.Range(0, envelopes.Count).Where(i => i % 17 != 0).OrderBy(_ => random.Next()).ToList();
        var grid = new PointQueryGrid<int>(items, i => envelopes[i]);
        var compared = 0;
        for (var p = 0; p < 10_000; p++)
        {
            var c = p % 4 == 0
                ? new Coordinate(envelopes[random.Next(envelopes.Count)].MinX, envelopes[random.Next(envelopes.Count)].MaxY)
                : new Coordinate((random.NextDouble() * 120_000) - 10_000, (random.NextDouble() * 120_000) - 10_000);
            var expected = items.Where(i => envelopes[i].Intersects(c)).ToList();
            var actual = new List<int>();
            foreach (var i in grid.At(c))
            {
                actual.Add(i);
            }

            Assert.That(actual, Is.EqualTo(expected), $"point ({c.X}, {c.Y})");
            compared += expected.Count;
        }

        Assert.Multiple(() =>
        {
            Assert.That(compared, Is.GreaterThan(2_000), "too few hits to compare");
            Assert.That(new PointQueryGrid<int>([], i => envelopes[i]).Any(new Coordinate(0, 0), _ => true), Is.False);
        });
    }

    [TestCase(6)]
    [TestCase(7)]
    public void Meets_WhetherAnyEnvelopeMeetsTheBox_AsAScanOfTheEnvelopesSays(int seed)
    {
        // Reference: Envelope.Intersects over every item. Boxes of segments (some flat or a single point, as horizontal,
        // vertical and zero-length segments give), long ones across many cells, ones touching an envelope exactly on its
        // edge or corner, and ones outside the extent.
        var random = new Random(seed);
        var envelopes = new List<Envelope>();
        for (var i = 0; i < 60; i++)
        {
            var x = Math.Round(random.NextDouble() * 100_000);
            var y = Math.Round(random.NextDouble() * 100_000);
            envelopes.Add(new Envelope(x, x + Math.Round(500 + (random.NextDouble() * 4_000)), y, y + Math.Round(500 + (random.NextDouble() * 4_000))));
        }

        var grid = new PointQueryGrid<int>(Enumerable.Range(0, envelopes.Count).ToList(), i => envelopes[i]);
        var hits = 0;
        for (var q = 0; q < 20_000; q++)
        {
            var a = new Coordinate((random.NextDouble() * 120_000) - 10_000, (random.NextDouble() * 120_000) - 10_000);
            var e = envelopes[random.Next(envelopes.Count)];
            var b = (q % 6) switch
            {
                0 => new Coordinate(a.X + (random.NextDouble() * 30_000), a.Y),
                1 => new Coordinate(a.X, a.Y - (random.NextDouble() * 30_000)),
                2 => a.Copy(),
                3 => new Coordinate(e.MinX, e.MaxY),
                _ => new Coordinate(a.X + ((random.NextDouble() - 0.5) * 600), a.Y + ((random.NextDouble() - 0.5) * 600)),
            };
            if (q % 6 == 3)
            {
                // A box ending exactly on a corner of an envelope, from outside it.
                a = new Coordinate(e.MinX - 10 - (random.NextDouble() * 300), e.MaxY + 10 + (random.NextDouble() * 300));
            }

            var box = new Envelope(a, b);
            var expected = envelopes.Any(x => x.Intersects(box));
            Assert.That(grid.Meets(box), Is.EqualTo(expected), $"box {box}");
            hits += expected ? 1 : 0;
        }

        Assert.Multiple(() =>
        {
            Assert.That(hits, Is.GreaterThan(2_000), "too few boxes meet an envelope");
            Assert.That(new PointQueryGrid<int>([], i => envelopes[i]).Meets(new Envelope(0, 1, 0, 1)), Is.False);
            // An endless box (an Envelope refuses NaN itself).
            var endless = new Envelope(double.NegativeInfinity, double.PositiveInfinity, 0, 100_000);
            Assert.That(grid.Meets(endless), Is.EqualTo(envelopes.Any(x => x.Intersects(endless))), $"box {endless}");
        });
    }

    [Test]
    public void PointSquares_ThePointsWithinTheHalfSideOnBothAxes_InItemOrder()
    {
        // Reference: a scan of the items for |dx| ≤ r and |dy| ≤ r (what a query of the place's own square finds).
        var random = new Random(21);
        var points = Enumerable.Range(0, 3_000).Select(_ => new Coordinate(Math.Round(random.NextDouble() * 50_000), Math.Round(random.NextDouble() * 50_000))).ToList();
        var items = Enumerable.Range(0, points.Count).Where(i => i % 5 != 0).ToList();
        const double R = 400;
        var grid = PointSquares.Grid(items, i => points[i], R);
        var found = 0;
        for (var q = 0; q < 5_000; q++)
        {
            var c = q % 3 == 0 ? new Coordinate(points[random.Next(points.Count)].X + R, points[random.Next(points.Count)].Y) : new Coordinate(random.NextDouble() * 52_000 - 1_000, random.NextDouble() * 52_000 - 1_000);
            var expected = items.Where(i => Math.Abs(points[i].X - c.X) <= R && Math.Abs(points[i].Y - c.Y) <= R).ToList();
            var actual = new List<int>();
            foreach (var i in grid.At(c))
            {
                actual.Add(i);
            }

            Assert.That(actual, Is.EqualTo(expected), $"({c.X}, {c.Y})");
            found += expected.Count;
        }

        Assert.That(found, Is.GreaterThan(1_000), "too few hits to compare");
    }

    [Test]
    public void Any_StopsAtTheFirstItemTheVisitorAccepts()
    {
        var tree = new STRtree<int>();
        var envelopes = new[] { new Envelope(0, 10, 0, 10), new Envelope(5, 15, 5, 15), new Envelope(8, 9, 8, 9) };
        for (var i = 0; i < envelopes.Length; i++)
        {
            tree.Insert(envelopes[i], i);
        }

        tree.Build();
        var grid = new PointQueryGrid<int>(tree, i => envelopes[i]);
        var seen = new List<int>();
        var found = grid.Any(new Coordinate(8.5, 8.5), i =>
        {
            seen.Add(i);
            return seen.Count == 2;
        });
        Assert.That(found, Is.True);
        Assert.That(seen, Has.Count.EqualTo(2));
        Assert.That(grid.Any(new Coordinate(100, 100), _ => true), Is.False);
        Assert.That(new PointQueryGrid<int>(new STRtree<int>(), i => envelopes[i]).Any(new Coordinate(1, 1), _ => true), Is.False);
    }
}
