using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Tests.Spatial;

public class CorridorOverlapTests
{
    private static (double From, double To)? Within(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy, double r) =>
        CorridorOverlap.Within(new Coordinate(ax, ay), new Coordinate(bx, by), new Coordinate(cx, cy), new Coordinate(dx, dy), r);

    [Test]
    public void Within_Parallel10mApart_WholeOverlap()
    {
        // s runs 0..100 along x; t runs 20..60, 10 m above: within 15 m from x = 20 − √(15² − 10²) to 60 + √(15² − 10²).
        var iv = Within(0, 0, 100, 0, 20, 10, 60, 10, 15);
        var cap = Math.Sqrt((15 * 15) - (10 * 10));
        Assert.That(iv!.Value.From, Is.EqualTo(20 - cap).Within(1e-9));
        Assert.That(iv.Value.To, Is.EqualTo(60 + cap).Within(1e-9));
    }

    [Test]
    public void Within_Parallel20mApart_Nothing() => Assert.That(Within(0, 0, 100, 0, 0, 20, 100, 20, 15), Is.Null);

    [Test]
    public void Within_CrossingAt90Degrees_TwoRadii()
    {
        var iv = Within(0, 0, 100, 0, 50, -50, 50, 50, 15);
        Assert.That((iv!.Value.From, iv.Value.To), Is.EqualTo((35.0, 65.0)));
    }

    [Test]
    public void Within_DegenerateTarget_DiscOnly()
    {
        var iv = Within(0, 0, 100, 0, 50, 9, 50, 9, 15);
        Assert.That(iv!.Value.To - iv.Value.From, Is.EqualTo(2 * 12).Within(1e-9));
    }

    [Test]
    public void Within_RandomSegments_AgreesWithDenseSampling()
    {
        // Independent check: sample s every 1 cm and measure the distance to t with NTS.
        var random = new Random(7);
        for (var k = 0; k < 300; k++)
        {
            double R() => random.NextDouble() * 100;
            var (a, b, c, d) = (new Coordinate(R(), R()), new Coordinate(R(), R()), new Coordinate(R(), R()), new Coordinate(R(), R()));
            var r = 2 + (random.NextDouble() * 20);
            var t = new LineSegment(c, d);
            var length = a.Distance(b);
            int steps = (int)Math.Ceiling(length / 0.01);
            double? lo = null, hi = null;
            for (var i = 0; i <= steps; i++)
            {
                var u = length * i / steps;
                var p = new Coordinate(a.X + ((b.X - a.X) * u / length), a.Y + ((b.Y - a.Y) * u / length));
                if (t.Distance(p) <= r)
                {
                    lo ??= u;
                    hi = u;
                }
            }

            var iv = CorridorOverlap.Within(a, b, c, d, r);
            if (lo is null)
            {
                Assert.That(iv is null || iv.Value.To - iv.Value.From < 0.02, Is.True, $"case {k}: expected nothing, got {iv}");
            }
            else
            {
                Assert.That(iv, Is.Not.Null, $"case {k}");
                Assert.That(iv!.Value.From, Is.EqualTo(lo!.Value).Within(0.011), $"case {k} start");
                Assert.That(iv.Value.To, Is.EqualTo(hi!.Value).Within(0.011), $"case {k} end");
            }
        }
    }
}
