using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// The items of a built <see cref="STRtree{T}"/> whose envelope holds a point, in the order the tree's own point query
/// gives them, from a uniform grid instead of a walk down the tree: each cell lists the items whose envelope meets it,
/// in the tree's order (a tree query visits its items in one fixed order whatever the search envelope, so filtering a
/// cell's list by the point keeps that order), or in the order of a list given. Built for the admin units and zones that every point of a national
/// dataset is placed in (1.5 million fibre segment midpoints, 350,000 BTS). Immutable and thread-safe.
/// </summary>
/// <typeparam name="T">The tree's item.</typeparam>
public sealed class PointQueryGrid<T>
{
    /// <summary>At most this many cells (width × height); larger extents get larger cells.</summary>
    private const long MaxCells = 1 << 20;

    private readonly T[] items;
    private readonly Envelope[] envelopes;
    private readonly Envelope extent = new();
    private readonly double minX;
    private readonly double minY;
    private readonly double cell;
    private readonly int width;
    private readonly int height;
    private readonly int[] starts;
    private readonly int[] entries;

    /// <param name="tree">A built tree (it is queried, not changed).</param>
    /// <param name="envelopeOf">The envelope each item was inserted with.</param>
    public PointQueryGrid(STRtree<T> tree, Func<T, Envelope> envelopeOf)
        : this(InTreeOrder(tree), envelopeOf)
    {
    }

    /// <summary>
    /// The grid of <paramref name="items"/> in the order given (no tree: for callers to whom the candidates' order does
    /// not matter, or whose order is the items' own), each with the envelope <paramref name="envelopeOf"/> gives.
    /// </summary>
    public PointQueryGrid(IReadOnlyList<T> items, Func<T, Envelope> envelopeOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(envelopeOf);
        this.items = [.. items];
        envelopes = new Envelope[this.items.Length];
        for (var i = 0; i < envelopes.Length; i++)
        {
            envelopes[i] = envelopeOf(this.items[i]);
        }

        if (this.items.Length == 0)
        {
            starts = [0];
            entries = [];
            return;
        }

        foreach (var e in envelopes)
        {
            extent.ExpandToInclude(e);
        }

        // A cell about half the median item's side, so that a cell meets a few items, within MaxCells.
        var sides = envelopes.Select(e => Math.Max(e.Width, e.Height)).Order().ToArray();
        var size = Math.Max(sides[sides.Length / 2] / 2, 1e-9);
        size = Math.Max(size, Math.Sqrt(Math.Max(extent.Width, size) * Math.Max(extent.Height, size) / MaxCells));
        cell = size;
        minX = extent.MinX;
        minY = extent.MinY;
        width = (int)Math.Min(int.MaxValue / 2, Math.Floor(extent.Width / cell) + 1);
        height = (int)Math.Min(int.MaxValue / 2, Math.Floor(extent.Height / cell) + 1);
        // Count the items per cell, turn the counts into each cell's start, then place the items in tree order.
        starts = new int[(width * height) + 1];
        for (var i = 0; i < envelopes.Length; i++)
        {
            var (x0, y0, x1, y1) = Cells(envelopes[i]);
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    starts[(y * width) + x + 1]++;
                }
            }
        }

        for (var k = 1; k < starts.Length; k++)
        {
            starts[k] += starts[k - 1];
        }

        entries = new int[starts[^1]];
        var next = (int[])starts.Clone();
        for (var i = 0; i < envelopes.Length; i++)
        {
            var (x0, y0, x1, y1) = Cells(envelopes[i]);
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    entries[next[(y * width) + x]++] = i;
                }
            }
        }
    }

    /// <summary>The items whose envelope holds <paramref name="c"/>, in the tree's order (no allocation).</summary>
    public Candidates At(Coordinate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var fx = Math.Floor((c.X - minX) / cell);
        var fy = Math.Floor((c.Y - minY) / cell);
        if (items.Length == 0 || !(fx >= 0 && fx < width && fy >= 0 && fy < height))
        {
            return new Candidates(this, c, 0, 0);
        }

        var k = ((int)fy * width) + (int)fx;
        return new Candidates(this, c, starts[k], starts[k + 1]);
    }

    /// <summary>
    /// Whether any item's envelope meets <paramref name="box"/> (closed, as <see cref="Envelope.Intersects(Envelope)"/>),
    /// from the cells the box covers: a point both hold lies in a cell that lists the item, so none is missed.
    /// </summary>
    public bool Meets(Envelope box)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (items.Length == 0 || box.IsNull || !extent.Intersects(box))
        {
            return false;
        }

        var (x0, y0, x1, y1) = Cells(box);
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var k = (y * width) + x;
                for (var e = starts[k]; e < starts[k + 1]; e++)
                {
                    if (envelopes[entries[e]].Intersects(box))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Calls <paramref name="visit"/> for each item whose envelope holds <paramref name="c"/>, in the tree's order, until it returns true; whether one did.</summary>
    public bool Any(Coordinate c, Func<T, bool> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        foreach (var item in At(c))
        {
            if (visit(item))
            {
                return true;
            }
        }

        return false;
    }

    private static List<T> InTreeOrder(STRtree<T> tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var ordered = new List<T>();
        if (!tree.IsEmpty)
        {
            tree.Query(new Envelope(double.MinValue, double.MaxValue, double.MinValue, double.MaxValue), new Collect(ordered));
        }

        return ordered;
    }

    private (int X0, int Y0, int X1, int Y1) Cells(Envelope e) =>
        (Clamp((e.MinX - minX) / cell, width), Clamp((e.MinY - minY) / cell, height), Clamp((e.MaxX - minX) / cell, width), Clamp((e.MaxY - minY) / cell, height));

    private static int Clamp(double v, int n) => (int)Math.Clamp(Math.Floor(v), 0, n - 1);

    /// <summary>The candidates of one point: the entries of its cell whose envelope holds the point.</summary>
    public struct Candidates(PointQueryGrid<T> grid, Coordinate c, int from, int to)
    {
        private int at = from - 1;

        public readonly T Current => grid.items[grid.entries[at]];

        public readonly Candidates GetEnumerator() => this;

        public bool MoveNext()
        {
            while (++at < to)
            {
                if (grid.envelopes[grid.entries[at]].Intersects(c))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class Collect(List<T> into) : NetTopologySuite.Index.IItemVisitor<T>
    {
        public void VisitItem(T item) => into.Add(item);
    }
}
