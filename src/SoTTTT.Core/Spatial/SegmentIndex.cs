using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// An index of the segments of a set of lines (e.g. fibre routes), answering "is any line within d metres
/// of this point". A uniform grid: each segment is listed under every cell its bounding box touches, the (cell,
/// segment) pairs sorted by cell once (1.5 million national fibre segments index in a fraction of a second, where an
/// STRtree of as many envelopes took seconds). Distances are NTS's point-to-segment distance, so answers are those of
/// a tree of <see cref="LineSegment"/>s. Thread-safe after construction.
/// </summary>
public sealed class SegmentIndex
{
    /// <summary>Grid cell size, metres (of the order of the fibre reach the indicators ask about).</summary>
    public const double DefaultCellM = 1000;

    // Half the diagonal of a unit cell, a little over √2 / 2 so rounding never drops a cell a segment touches.
    private const double HalfDiagonal = 0.7072;

    private readonly double cell;
    private readonly Coordinate[] starts;
    private readonly Coordinate[] ends;
    private readonly long[] cellKeys;
    private readonly int[] cellSegments;

    public SegmentIndex(IEnumerable<Geometry> lines, double cellM = DefaultCellM)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellM);
        cell = cellM;
        var parts = lines.SelectMany(line => Enumerable.Range(0, line.NumGeometries).Select(line.GetGeometryN)).Select(part => part.Coordinates).ToList();
        var count = parts.Sum(coords => Math.Max(0, coords.Length - 1));
        starts = new Coordinate[count];
        ends = new Coordinate[count];
        var at = 0;
        foreach (var coords in parts)
        {
            for (var i = 1; i < coords.Length; i++, at++)
            {
                starts[at] = coords[i - 1];
                ends[at] = coords[i];
            }
        }

        var keys = new List<long>(count + (count / 4));
        var segments = new List<int>(count + (count / 4));
        for (var s = 0; s < starts.Length; s++)
        {
            var (x0, x1) = Cells(starts[s].X, ends[s].X);
            var (y0, y1) = Cells(starts[s].Y, ends[s].Y);
            // A long segment is listed only under the cells it passes through (their centre within half a diagonal).
            var few = (x1 - x0 + 1) * (y1 - y0 + 1) <= 4;
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    if (few || DistanceComputer.PointToSegment(new Coordinate((x + 0.5) * cell, (y + 0.5) * cell), starts[s], ends[s]) <= cell * HalfDiagonal)
                    {
                        keys.Add(Key(x, y));
                        segments.Add(s);
                    }
                }
            }
        }

        // Sorted by cell on the bare keys (a primitive sort, many times faster than sorting (key, segment) tuples
        // through their comparer); the order of a cell's segments is immaterial to "is any within".
        cellKeys = [.. keys];
        cellSegments = [.. segments];
        Array.Sort(cellKeys, cellSegments);
    }

    /// <summary>Number of segments indexed.</summary>
    public int Count => starts.Length;

    public bool IsWithin(Coordinate c, double distance)
    {
        ArgumentNullException.ThrowIfNull(c);
        var (x0, x1) = Cells(c.X - distance, c.X + distance);
        var (y0, y1) = Cells(c.Y - distance, c.Y + distance);
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                var key = Key(x, y);
                var i = LowerBound(key);
                for (; i < cellKeys.Length && cellKeys[i] == key; i++)
                {
                    var s = cellSegments[i];
                    if (DistanceComputer.PointToSegment(c, starts[s], ends[s]) <= distance)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private (long Low, long High) Cells(double u, double v) =>
        ((long)Math.Floor(Math.Min(u, v) / cell), (long)Math.Floor(Math.Max(u, v) / cell));

    // Cells within ±2^31 of the origin: any metric CRS of the Earth at a cell of a metre or more.
    private static long Key(long x, long y) => (x << 32) ^ (y & 0xFFFFFFFFL);

    private int LowerBound(long key)
    {
        int lo = 0, hi = cellKeys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cellKeys[mid] < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
