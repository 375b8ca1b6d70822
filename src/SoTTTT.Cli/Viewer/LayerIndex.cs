using System.Buffers;
using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Simplify;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// One layer ready to serve: its features converted once to WGS84 lon/lat, an STR-tree over their envelopes for bbox
/// queries, and per-zoom simplified geometries (topology-preserving, tolerance one screen pixel at that zoom) built on
/// demand and kept. Points are thinned to one per screen pixel below <see cref="FullDetailZoom"/> (markers on the same
/// pixel hide each other anyway), and to one per three pixels in dense queries, where lines and polygons under three
/// pixels across are left out too, so national data is never sent raw. Every answer is bounded whatever is asked: a
/// bbox wider than <see cref="MaxPixelsAcross"/> pixels at the zoom is served at a lower zoom, and above a feature cap
/// (<see cref="DefaultMaxFeatures"/>) points are thinned on a coarser grid and the smallest lines and polygons left out,
/// at every zoom — the answer says so (<see cref="LayerQuery.Limited"/>). Answers for the whole layer (no bbox, or one
/// holding the extent) are kept per zoom and cap: they depend on nothing else.
/// </summary>
internal sealed class LayerIndex
{
    /// <summary>Zoom from which geometries are sent as they are.</summary>
    public const int FullDetailZoom = 15;

    /// <summary>Above this many features in a query, points are thinned and sub-pixel lines and polygons dropped.</summary>
    public const int DenseThreshold = 4000;

    /// <summary>Most features one answer carries unless the server is told otherwise.</summary>
    public const int DefaultMaxFeatures = 5000;

    /// <summary>Widest bbox, in screen pixels at the zoom asked, served at that zoom (two 4K screens side by side).</summary>
    public const int MaxPixelsAcross = 8192;

    private readonly Geometry?[] geometries;
    private readonly STRtree<int> tree = new();
    private readonly ConcurrentDictionary<int, Geometry?[]> simplified = new();
    private readonly ConcurrentDictionary<(int Zoom, int MaxFeatures), LayerQuery> whole = new();

    // Per feature, so a query walks arrays instead of geometries: whether it is a point, its lon/lat when it is one, and
    // its envelope's larger side; the features with a geometry, ascending; and each line's or polygon's rank by size
    // (largest first, ties in feature order) with its inverse.
    private readonly bool[] isPoint;
    private readonly double[] xs;
    private readonly double[] ys;
    private readonly double[] sizes;
    private readonly int[] present;
    private readonly int[] rank;
    private readonly int[] byRank;

    public LayerIndex(FeatureTable table)
    {
        Table = table;
        var transformer = CoordinateTransformer.Create(table.Crs!, CrsRegistry.Wgs84);
        var factory = GeometryFactories.For(CrsRegistry.Wgs84);
        geometries = GeometryReprojector.ReprojectAll(
            [.. table.Rows.Select(r => r.Geometry is { IsEmpty: false } g ? g : null)], transformer, factory);
        for (var i = 0; i < geometries.Length; i++)
        {
            if (geometries[i] is { } g)
            {
                tree.Insert(g.EnvelopeInternal, i);
            }
        }

        tree.Build();
        var n = geometries.Length;
        (isPoint, xs, ys, sizes, rank) = (new bool[n], new double[n], new double[n], new double[n], new int[n]);
        for (var i = 0; i < n; i++)
        {
            if (geometries[i] is Point p)
            {
                (isPoint[i], xs[i], ys[i]) = (true, p.X, p.Y);
            }
            else if (geometries[i] is { } g)
            {
                sizes[i] = Size(g);
            }
        }

        present = [.. Enumerable.Range(0, n).Where(i => geometries[i] is not null)];
        byRank = [.. present.Where(i => !isPoint[i]).OrderByDescending(i => sizes[i]).ThenBy(i => i)];
        for (var r = 0; r < byRank.Length; r++)
        {
            rank[byRank[r]] = r;
        }

        Extent = new Envelope();
        foreach (var g in geometries)
        {
            if (g is not null)
            {
                Extent.ExpandToInclude(g.EnvelopeInternal);
            }
        }
    }

    public FeatureTable Table { get; }

    /// <summary>Envelope of every feature, WGS84.</summary>
    public Envelope Extent { get; }

    public int Count => geometries.Length;

    /// <summary>Size of one screen pixel at <paramref name="zoom"/> in degrees of longitude (256-pixel web tiles).</summary>
    public static double PixelDegrees(int zoom) => 360.0 / (256 * Math.Pow(2, zoom));

    /// <summary>
    /// Features meeting <paramref name="bbox"/> (WGS84) at <paramref name="zoom"/>, in feature order, with the
    /// geometry to send; <paramref name="total"/> is the count before thinning. Capped at <see cref="DefaultMaxFeatures"/>.
    /// </summary>
    public IReadOnlyList<(int Index, Geometry Geometry)> Query(Envelope? bbox, int zoom, out int total)
    {
        var answer = Query(bbox, zoom, DefaultMaxFeatures);
        total = answer.Total;
        return answer.Features;
    }

    /// <summary>
    /// Features meeting <paramref name="bbox"/> (WGS84, null = everything) at <paramref name="zoom"/>, at most
    /// <paramref name="maxFeatures"/>, in feature order, with the geometry to send.
    /// </summary>
    public LayerQuery Query(Envelope? bbox, int zoom, int maxFeatures)
    {
        zoom = Math.Clamp(zoom, 0, FullDetailZoom);
        var span = bbox ?? Extent;
        if (!span.IsNull)
        {
            // A bbox far wider than any screen at this zoom gets the detail of the zoom that shows it on one.
            while (zoom > 0 && Math.Max(span.Width, span.Height) / PixelDegrees(zoom) > MaxPixelsAcross)
            {
                zoom--;
            }
        }

        if (bbox is null || bbox.Contains(Extent))
        {
            // Every feature: the answer depends on the zoom and the cap only, and overview maps ask it again and again.
            return whole.GetOrAdd((zoom, maxFeatures), k => Select(present, k.Zoom, k.MaxFeatures));
        }

        var hits = new HitCollector();
        try
        {
            tree.Query(bbox, hits);
            var found = hits.Items.AsSpan(0, hits.Count);
            found.Sort();
            return Select(found, zoom, maxFeatures);
        }
        finally
        {
            hits.Return();
        }
    }

    /// <summary>The answer at <paramref name="zoom"/> from the features meeting the bbox (<paramref name="hits"/>, ascending).</summary>
    private LayerQuery Select(ReadOnlySpan<int> hits, int zoom, int maxFeatures)
    {
        var total = hits.Length;
        var pixel = PixelDegrees(zoom);
        var level = zoom >= FullDetailZoom ? null : simplified.GetOrAdd(zoom, _ => new Geometry?[geometries.Length]);
        var dense = hits.Length > DenseThreshold;
        var cellPixels = level is null ? 0.0 : dense ? 3.0 : 1.0;
        var points = new List<int>();
        var others = new List<int>();
        foreach (var i in hits)
        {
            if (isPoint[i])
            {
                points.Add(i);
            }
            else if (!dense || sizes[i] >= 3 * pixel)
            {
                // In a dense query, lines and polygons under three pixels across are left out: they would draw as specks.
                others.Add(i);
            }
        }

        var keptPoints = cellPixels > 0 ? Thin(points, cellPixels * pixel) : points;
        var limited = false;
        if (keptPoints.Count + others.Count > maxFeatures)
        {
            // Over the cap at any zoom: the largest lines and polygons first (at most half the cap when there are points),
            // then points on a grid coarse enough to fit what is left.
            limited = true;
            var otherBudget = keptPoints.Count == 0 ? maxFeatures : Math.Max(maxFeatures / 2, maxFeatures - keptPoints.Count);
            if (others.Count > otherBudget)
            {
                others = Largest(others, otherBudget);
            }

            var pointBudget = maxFeatures - others.Count;
            var cell = Math.Max(cellPixels, 1.0);
            while (keptPoints.Count > pointBudget)
            {
                // The first point of a cell twice as wide is the first of the points kept on the finer grid (the cells nest).
                cell *= 2;
                keptPoints = pointBudget <= 0 ? [] : Thin(keptPoints, cell * pixel);
            }

            cellPixels = cell;
        }

        var kept = keptPoints.Concat(others).ToArray();
        Array.Sort(kept);
        if (level is null)
        {
            return new LayerQuery(Array.ConvertAll(kept, i => (i, geometries[i]!)), total, zoom, limited, cellPixels);
        }

        var missing = kept.Where(i => level[i] is null && !isPoint[i]).ToArray();
        Parallel.For(0, missing.Length, k => level[missing[k]] = Simplify(geometries[missing[k]]!, pixel));
        return new LayerQuery(Array.ConvertAll(kept, i => (i, isPoint[i] ? geometries[i]! : level[i]!)), total, zoom, limited, cellPixels);
    }

    /// <summary>The first point (in feature order) of each grid cell of <paramref name="cell"/> degrees.</summary>
    private List<int> Thin(List<int> points, double cell)
    {
        var taken = new HashSet<(long, long)>();
        var kept = new List<int>(Math.Min(points.Count, 50_000));
        foreach (var i in points)
        {
            if (taken.Add(((long)Math.Floor(xs[i] / cell), (long)Math.Floor(ys[i] / cell))))
            {
                kept.Add(i);
            }
        }

        return kept;
    }

    /// <summary>The <paramref name="count"/> largest of <paramref name="others"/> (ties: feature order), ascending.</summary>
    private List<int> Largest(List<int> others, int count)
    {
        var ranks = new int[others.Count];
        for (var k = 0; k < ranks.Length; k++)
        {
            ranks[k] = rank[others[k]];
        }

        Array.Sort(ranks);
        var largest = new List<int>(count);
        for (var k = 0; k < count; k++)
        {
            largest.Add(byRank[ranks[k]]);
        }

        largest.Sort();
        return largest;
    }

    private static double Size(Geometry g) => Math.Max(g.EnvelopeInternal.Width, g.EnvelopeInternal.Height);

    /// <summary>Feature indices met by an STR-tree query, in a pooled array.</summary>
    private sealed class HitCollector : IItemVisitor<int>
    {
        public int[] Items { get; private set; } = ArrayPool<int>.Shared.Rent(1024);

        public int Count { get; private set; }

        public void VisitItem(int item)
        {
            if (Count == Items.Length)
            {
                var larger = ArrayPool<int>.Shared.Rent(Items.Length * 2);
                Items.AsSpan().CopyTo(larger);
                ArrayPool<int>.Shared.Return(Items);
                Items = larger;
            }

            Items[Count++] = item;
        }

        public void Return() => ArrayPool<int>.Shared.Return(Items);
    }

    private static Geometry Simplify(Geometry g, double tolerance)
    {
        if (g is Point or MultiPoint)
        {
            return g;
        }

        // Polygons (admin units, zones) keep their topology; separate lines need not, and Douglas-Peucker is faster.
        var s = g is LineString or MultiLineString ? DouglasPeuckerSimplifier.Simplify(g, tolerance) : TopologyPreservingSimplifier.Simplify(g, tolerance);
        return s.IsEmpty ? g : s;
    }
}
