using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// Exact geometry of "runs within r metres of": the part of a segment lying within a distance of another segment.
/// The points within r of a segment form a capsule (a rectangle with two half-discs), which is convex, so the part of
/// a straight segment inside it is one interval; it is the hull of the segment's intersections with the rectangle and
/// the two discs. Units are those of the coordinates (metres in the analysis CRS).
/// </summary>
public static class CorridorOverlap
{
    /// <summary>
    /// The interval of segment <paramref name="p0"/>→<paramref name="p1"/> within <paramref name="r"/> of segment
    /// <paramref name="q0"/>→<paramref name="q1"/>, as distances from <paramref name="p0"/>; null when none of it is
    /// (or the first segment has no length).
    /// </summary>
    public static (double From, double To)? Within(Coordinate p0, Coordinate p1, Coordinate q0, Coordinate q1, double r)
    {
        var sx = p1.X - p0.X;
        var sy = p1.Y - p0.Y;
        var length = Math.Sqrt((sx * sx) + (sy * sy));
        if (length == 0)
        {
            return null;
        }

        // Unit direction of s, and s's start relative to q0.
        var ux = sx / length;
        var uy = sy / length;
        var lo = double.PositiveInfinity;
        var hi = double.NegativeInfinity;

        void Take((double A, double B)? interval)
        {
            if (interval is { } iv)
            {
                lo = Math.Min(lo, iv.A);
                hi = Math.Max(hi, iv.B);
            }
        }

        Take(Disc(p0.X - q0.X, p0.Y - q0.Y, ux, uy, r, length));
        Take(Disc(p0.X - q1.X, p0.Y - q1.Y, ux, uy, r, length));
        var tx = q1.X - q0.X;
        var ty = q1.Y - q0.Y;
        var tl = Math.Sqrt((tx * tx) + (ty * ty));
        if (tl > 0)
        {
            // s in t's frame: x along t from q0, y across it.
            var ex = tx / tl;
            var ey = ty / tl;
            var x0 = ((p0.X - q0.X) * ex) + ((p0.Y - q0.Y) * ey);
            var y0 = (-(p0.X - q0.X) * ey) + ((p0.Y - q0.Y) * ex);
            var dx = (ux * ex) + (uy * ey);
            var dy = (-ux * ey) + (uy * ex);
            Take(Rectangle(x0, y0, dx, dy, tl, r, length));
        }

        return lo <= hi ? (lo, hi) : null;
    }

    /// <summary>Where the ray start + u·(ux, uy), u in [0, length], lies in the disc of radius r around the origin.</summary>
    private static (double, double)? Disc(double x0, double y0, double ux, double uy, double r, double length)
    {
        var b = (x0 * ux) + (y0 * uy);
        var c = (x0 * x0) + (y0 * y0) - (r * r);
        var disc = (b * b) - c;
        if (disc < 0)
        {
            return null;
        }

        var root = Math.Sqrt(disc);
        return Clip(-b - root, -b + root, length);
    }

    /// <summary>Liang–Barsky clip of the ray against 0 ≤ x ≤ tl, −r ≤ y ≤ r.</summary>
    private static (double, double)? Rectangle(double x0, double y0, double dx, double dy, double tl, double r, double length)
    {
        var a = 0.0;
        var b = length;
        bool Edge(double p, double q)
        {
            // The constraint is p·u ≤ q.
            if (Math.Abs(p) < 1e-12)
            {
                return q >= 0;
            }

            var u = q / p;
            if (p < 0)
            {
                a = Math.Max(a, u);
            }
            else
            {
                b = Math.Min(b, u);
            }

            return a <= b;
        }

        return Edge(-dx, x0) && Edge(dx, tl - x0) && Edge(-dy, y0 + r) && Edge(dy, r - y0) ? (a, b) : null;
    }

    private static (double, double)? Clip(double a, double b, double length)
    {
        a = Math.Max(a, 0);
        b = Math.Min(b, length);
        return a <= b ? (a, b) : null;
    }
}
