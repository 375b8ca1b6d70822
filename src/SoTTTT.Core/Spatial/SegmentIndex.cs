using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// An index of the segments of a set of lines (e.g. fibre routes), answering "is any line within d metres
/// of this point". A uniform grid: each segment is listed under every cell its bounding box touches, the (cell,
/// segment) pairs bucketed by cell once (1.5 million national fibre segments index in a fraction of a second, where an
/// STRtree of as many envelopes took seconds). Distances are NTS's point-to-segment distance, so answers are those of
/// a tree of <see cref="LineSegment"/>s. Thread-safe after construction.
/// </summary>
public sealed class SegmentIndex
{
    /// <summary>Grid cell size asked for, metres (of the order of the fibre reach the indicators ask about).</summary>
    public const double DefaultCellM = 1000;

    // About this many cells at most in the segments' extent (64 MiB of run starts).
    private const double MaxCells = 1 << 24;

    // Half the diagonal of a unit cell, a little over √2 / 2 so rounding never drops a cell a segment touches.
    private const double HalfDiagonal = 0.7072;

    private readonly double cell;
    private readonly Coordinate[] starts;
    private readonly Coordinate[] ends;
    private readonly long originX;
    private readonly long originY;
    private readonly long width;
    private readonly long height;

    // The segments of cell (x, y) are cellSegments[cellStarts[k] .. cellStarts[k + 1]), k = CellIndex(x, y).
    private readonly int[] cellStarts;
    private readonly int[] cellSegments;

    public SegmentIndex(IEnumerable<Geometry> lines, double cellM = DefaultCellM)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellM);
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

        // The cell asked for, larger where the lines' extent would need more than MaxCells of them (a national dataset
        // at 1 km needs about 2.8 million); the size changes only how many segments a query looks at, never the answer.
        var extent = new Envelope();
        foreach (var coords in parts)
        {
            foreach (var c in coords)
            {
                extent.ExpandToInclude(c);
            }
        }

        cell = extent.IsNull ? cellM : Math.Max(cellM, Math.Sqrt((extent.Width + cellM) * (extent.Height + cellM) / (MaxCells / 4)));

        // Each (cell, segment) pair once, then the pairs bucketed by cell with a counting sort over the cells of the
        // segments' extent: no comparison sort, and a query reads its cell's run directly.
        var pairCells = new List<(long X, long Y)>(count + (count / 4));
        var pairSegments = new List<int>(count + (count / 4));
        long minX = long.MaxValue, minY = long.MaxValue, maxX = long.MinValue, maxY = long.MinValue;
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
                        pairCells.Add((x, y));
                        pairSegments.Add(s);
                        (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                    }
                }
            }
        }

        if (pairCells.Count == 0)
        {
            (originX, originY, width, height, cellStarts, cellSegments) = (0, 0, 0, 0, [0], []);
            return;
        }

        (originX, originY) = (minX, minY);
        (width, height) = (maxX - minX + 1, maxY - minY + 1);
        cellStarts = new int[(width * height) + 1];
        foreach (var (x, y) in pairCells)
        {
            cellStarts[CellIndex(x, y) + 1]++;
        }

        for (var k = 1; k < cellStarts.Length; k++)
        {
            cellStarts[k] += cellStarts[k - 1];
        }

        cellSegments = new int[pairCells.Count];
        var next = (int[])cellStarts.Clone();
        for (var i = 0; i < pairCells.Count; i++)
        {
            cellSegments[next[CellIndex(pairCells[i].X, pairCells[i].Y)]++] = pairSegments[i];
        }
    }

    /// <summary>Number of segments indexed.</summary>
    public int Count => starts.Length;

    public bool IsWithin(Coordinate c, double distance)
    {
        ArgumentNullException.ThrowIfNull(c);
        var (x0, x1) = Cells(c.X - distance, c.X + distance);
        var (y0, y1) = Cells(c.Y - distance, c.Y + distance);
        // Only the cells of the segments' extent can hold any.
        (x0, x1) = (Math.Max(x0, originX), Math.Min(x1, originX + width - 1));
        (y0, y1) = (Math.Max(y0, originY), Math.Min(y1, originY + height - 1));
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                var k = CellIndex(x, y);
                for (var i = cellStarts[k]; i < cellStarts[k + 1]; i++)
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

    /// <summary>
    /// Where the segment from <paramref name="a"/> to <paramref name="b"/> meets an indexed segment, as the fraction t of
    /// the way from a to b, strictly between 0 and 1, added to <paramref name="into"/> unsorted and possibly repeated (a
    /// segment listed under several cells is met once per cell); where the two run along each other, the ends of their
    /// overlap. Every indexed segment that meets it is found: the point where they meet lies in a cell that both the
    /// query's box and the indexed segment's listing cover.
    /// </summary>
    public void Crossings(Coordinate a, Coordinate b, List<double> into)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(into);
        var (x0, x1) = Cells(a.X, b.X);
        var (y0, y1) = Cells(a.Y, b.Y);
        // A long segment visits only the cells it passes through (their centre within half a diagonal, as the indexed
        // segments were listed), so a segment across a province does not read every cell of its box.
        var few = (x1 - x0 + 1) * (y1 - y0 + 1) <= 4;
        (x0, x1) = (Math.Max(x0, originX), Math.Min(x1, originX + width - 1));
        (y0, y1) = (Math.Max(y0, originY), Math.Min(y1, originY + height - 1));
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                if (!few && DistanceComputer.PointToSegment(new Coordinate((x + 0.5) * cell, (y + 0.5) * cell), a, b) > cell * HalfDiagonal)
                {
                    continue;
                }

                var k = CellIndex(x, y);
                for (var i = cellStarts[k]; i < cellStarts[k + 1]; i++)
                {
                    var s = cellSegments[i];
                    Crossing(a, b, starts[s], ends[s], into);
                }
            }
        }
    }

    /// <summary>Where a→b meets c→d (fractions of a→b strictly inside it), by the cross products of the two directions.</summary>
    private static void Crossing(Coordinate a, Coordinate b, Coordinate c, Coordinate d, List<double> into)
    {
        var (rx, ry) = (b.X - a.X, b.Y - a.Y);
        var (sx, sy) = (d.X - c.X, d.Y - c.Y);
        var (qx, qy) = (c.X - a.X, c.Y - a.Y);
        var denominator = (rx * sy) - (ry * sx);
        if (denominator != 0)
        {
            var t = ((qx * sy) - (qy * sx)) / denominator;
            var u = ((qx * ry) - (qy * rx)) / denominator;
            if (t > 0 && t < 1 && u >= 0 && u <= 1)
            {
                into.Add(t);
            }

            return;
        }

        // Parallel: only a segment on the same line meets it, along the overlap, whose ends are c and d as seen from a.
        if ((qx * ry) - (qy * rx) == 0)
        {
            var rr = (rx * rx) + (ry * ry);
            foreach (var t in new[] { ((qx * rx) + (qy * ry)) / rr, (((d.X - a.X) * rx) + ((d.Y - a.Y) * ry)) / rr })
            {
                if (t > 0 && t < 1)
                {
                    into.Add(t);
                }
            }
        }
    }

    private (long Low, long High) Cells(double u, double v) =>
        ((long)Math.Floor(Math.Min(u, v) / cell), (long)Math.Floor(Math.Max(u, v) / cell));

    private long CellIndex(long x, long y) => ((y - originY) * width) + (x - originX);
}
