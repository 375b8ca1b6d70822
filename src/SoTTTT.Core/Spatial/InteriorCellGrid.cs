using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// Answers "which of these polygons holds the point" for most points with one array read. Every cell of a uniform grid
/// that an edge of any polygon may touch is marked (column by column along the edge, with a margin of 1/1024 cell, far
/// above the rounding of the edge's ends in cell units). A cell no edge touches lies wholly inside or
/// wholly outside each polygon: a point of it and the cell's centre are joined by a segment that crosses no edge, so
/// every point-in-polygon test (exact predicates, boundary included) answers both alike, and whatever a search of the
/// polygons in a fixed order finds at the centre it finds at every point of the cell. Every free cell's answer is found
/// when the grid is built (<see cref="Fill"/>). Immutable and thread-safe after construction.
/// </summary>
internal sealed class InteriorCellGrid
{
    /// <summary>At most this many cells (16 MiB of answers); larger extents get larger cells.</summary>
    private const long MaxCells = 1 << 22;

    /// <summary>Cells per polygon, about 32 × 32 over an average polygon's share of the extent.</summary>
    private const long CellsPerPolygon = 1 << 10;

    private const int Unknown = 0;
    private const int Crossed = -1;
    private const int InNone = -2;

    private readonly double minX;
    private readonly double minY;
    private readonly double cell;
    private readonly int width;
    private readonly int height;

    // Per cell: Unknown, Crossed (an edge may touch it), InNone (no polygon holds it) or 1 + the polygon's index.
    private readonly int[] answers;

    /// <param name="polygons">The polygons (their rings' edges are marked).</param>
    /// <param name="search">The exact search: the index of the polygon holding a point, or -1; called once per region of free cells.</param>
    public InteriorCellGrid(IReadOnlyList<Geometry> polygons, Func<Coordinate, int> search)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(search);
        var extent = new Envelope();
        foreach (var p in polygons)
        {
            extent.ExpandToInclude(p.EnvelopeInternal);
        }

        // No polygon, or coordinates that are no place (the loaders refuse them; a dataset made in code may not): no grid,
        // every point goes to the exact search.
        if (extent.IsNull || !(double.IsFinite(extent.MinX) && double.IsFinite(extent.MaxX) && double.IsFinite(extent.MinY) && double.IsFinite(extent.MaxY)))
        {
            answers = [];
            return;
        }

        var most = Math.Min(MaxCells, polygons.Count * CellsPerPolygon);
        cell = Math.Max(Math.Sqrt(Math.Max(extent.Width, 1e-9) * Math.Max(extent.Height, 1e-9) / most), 1e-9);
        minX = extent.MinX;
        minY = extent.MinY;
        width = (int)Math.Min(most, Math.Floor(extent.Width / cell) + 1);
        height = (int)Math.Max(1, Math.Min(most / width, Math.Floor(extent.Height / cell) + 1));
        answers = new int[(long)width * height];

        // In cells: far above the rounding of the edges' ends in cell units, far below a cell.
        const double margin = 1.0 / 1024;
        foreach (var p in polygons)
        {
            foreach (var ring in LinearComponentExtracter.GetLines(p))
            {
                var seq = ((LineString)ring).CoordinateSequence;
                for (var i = 1; i < seq.Count; i++)
                {
                    MarkEdge(seq.GetX(i - 1), seq.GetY(i - 1), seq.GetX(i), seq.GetY(i), margin);
                }
            }
        }

        Fill(search);
    }

    /// <summary>
    /// Whether the point's cell has one answer for all its points; if so, <paramref name="index"/> is the polygon the
    /// search finds there (-1: none).
    /// </summary>
    public bool TryFind(Coordinate c, out int index)
    {
        var k = CellOf(c.X, c.Y);
        var answer = k < 0 ? Crossed : answers[k];
        index = answer > 0 ? answer - 1 : -1;
        return answer != Crossed;
    }

    /// <summary>
    /// Whether every point of <paramref name="box"/> lies in a free cell answering one and the same polygon (the cells
    /// are found as <see cref="TryFind"/> finds a point's, monotone in x and y, so a point of the box is in one of the
    /// cells from its lower-left corner's to its upper-right corner's); if so, <paramref name="index"/> is that
    /// polygon. False, with -1, when the box reaches a crossed cell, a cell of no polygon, two polygons, leaves the grid or
    /// spans more than <paramref name="maxCells"/> cells.
    /// </summary>
    public bool TryFindAll(Envelope box, out int index, int maxCells = 4096)
    {
        ArgumentNullException.ThrowIfNull(box);
        index = -1;
        return !box.IsNull && TryFindAll(box.MinX, box.MinY, box.MaxX, box.MaxY, out index, maxCells);
    }

    /// <summary><see cref="TryFindAll(Envelope, out int, int)"/> for the box from (<paramref name="minX"/>, <paramref name="minY"/>) to (<paramref name="maxX"/>, <paramref name="maxY"/>).</summary>
    public bool TryFindAll(double minX, double minY, double maxX, double maxY, out int index, int maxCells = 4096)
    {
        index = -1;
        var low = CellOf(minX, minY);
        var high = CellOf(maxX, maxY);
        if (low < 0 || high < 0 || answers[low] <= 0)
        {
            return false;
        }

        var answer = answers[low];
        if (low == high)
        {
            // One cell (most segments of a route): its own answer.
            index = answer - 1;
            return true;
        }

        int x0 = low % width, y0 = low / width, x1 = high % width, y1 = high / width;
        if ((long)(x1 - x0 + 1) * (y1 - y0 + 1) > maxCells)
        {
            return false;
        }

        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                if (answers[(y * width) + x] != answer)
                {
                    return false;
                }
            }
        }

        index = answer - 1;
        return true;
    }

    /// <summary>
    /// Gives every free cell its answer: one search per connected region of free cells (two free cells side by side are
    /// joined by a segment between their centres that crosses no edge, so they have the same answer), spread by a
    /// flood fill. About one search per polygon, however many cells.
    /// </summary>
    private void Fill(Func<Coordinate, int> search)
    {
        var stack = new Stack<int>();
        for (var seed = 0; seed < answers.Length; seed++)
        {
            if (answers[seed] != Unknown)
            {
                continue;
            }

            var ix = seed % width;
            var iy = seed / width;
            var centre = new Coordinate(minX + ((ix + 0.5) * cell), minY + ((iy + 0.5) * cell));
            if (CellOf(centre.X, centre.Y) != seed)
            {
                // A centre that rounds into another cell cannot stand for this one (cells near the coordinates' ulp).
                answers[seed] = Crossed;
                continue;
            }

            var answer = search(centre) is var found and >= 0 ? found + 1 : InNone;
            answers[seed] = answer;
            stack.Push(seed);
            while (stack.TryPop(out var k))
            {
                var x = k % width;
                if (x > 0)
                {
                    Spread(k - 1, answer, stack);
                }

                if (x < width - 1)
                {
                    Spread(k + 1, answer, stack);
                }

                if (k >= width)
                {
                    Spread(k - width, answer, stack);
                }

                if (k + width < answers.Length)
                {
                    Spread(k + width, answer, stack);
                }
            }
        }
    }

    private void Spread(int k, int answer, Stack<int> stack)
    {
        if (answers[k] == Unknown)
        {
            answers[k] = answer;
            stack.Push(k);
        }
    }

    /// <summary>Every free cell, as its rectangle, with its answer (tests check them against the polygons).</summary>
    internal IEnumerable<(Envelope Cell, int Index)> FreeCells()
    {
        for (var k = 0; k < answers.Length; k++)
        {
            if (answers[k] != Crossed)
            {
                var x = minX + (k % width * cell);
                var y = minY + (k / width * cell);
                yield return (new Envelope(x, x + cell, y, y + cell), answers[k] > 0 ? answers[k] - 1 : -1);
            }
        }
    }

    private int CellOf(double x, double y)
    {
        var fx = Math.Floor((x - minX) / cell);
        var fy = Math.Floor((y - minY) / cell);
        return fx >= 0 && fx < width && fy >= 0 && fy < height ? ((int)fy * width) + (int)fx : -1;
    }

    private void MarkEdge(double ax, double ay, double bx, double by, double margin)
    {
        // Column by column (in cell units, as CellOf maps a point), the rows the edge passes through within the column,
        // both ranges widened by the margin: every cell the edge touches and a few it passes within the margin of.
        var au = (ax - minX) / cell;
        var av = (ay - minY) / cell;
        var bu = (bx - minX) / cell;
        var bv = (by - minY) / cell;
        if (au > bu)
        {
            (au, bu, av, bv) = (bu, au, bv, av);
        }

        if (!(double.IsFinite(au) && double.IsFinite(av) && double.IsFinite(bu) && double.IsFinite(bv)))
        {
            // Not a place on the grid: no cell can be told free of it.
            Array.Fill(answers, Crossed);
            return;
        }

        var c0 = Clamp(au - margin, width);
        var c1 = Clamp(bu + margin, width);

        // Nearly vertical (the slope's rounding could outgrow the margin): the edge's whole height in every column.
        var steep = (bu - au) * 1e6 <= Math.Abs(bv - av);
        var slope = steep ? 0 : (bv - av) / (bu - au);
        for (var c = c0; c <= c1; c++)
        {
            // The part of the edge over this column (widened), clipped to the edge's own ends.
            var u0 = Math.Max(au, c - margin);
            var u1 = Math.Min(bu, c + 1 + margin);
            double v0, v1;
            if (!steep)
            {
                v0 = av + ((u0 - au) * slope);
                v1 = av + ((u1 - au) * slope);
            }
            else
            {
                (v0, v1) = (av, bv);
            }

            var r0 = Clamp(Math.Min(v0, v1) - margin, height);
            var r1 = Clamp(Math.Max(v0, v1) + margin, height);
            for (var r = r0; r <= r1; r++)
            {
                answers[(r * width) + c] = Crossed;
            }
        }
    }

    private static int Clamp(double v, int n) => (int)Math.Clamp(Math.Floor(v), 0, n - 1);
}
