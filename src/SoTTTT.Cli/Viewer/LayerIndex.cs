using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
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
/// pixels across are left out too, so national data is never sent raw.
/// </summary>
internal sealed class LayerIndex
{
    /// <summary>Zoom from which geometries are sent as they are.</summary>
    public const int FullDetailZoom = 15;

    /// <summary>Above this many features in a query, points are thinned and sub-pixel lines and polygons dropped.</summary>
    public const int DenseThreshold = 4000;

    private readonly Geometry?[] geometries;
    private readonly STRtree<int> tree = new();
    private readonly ConcurrentDictionary<int, Geometry?[]> simplified = new();

    public LayerIndex(FeatureTable table)
    {
        Table = table;
        var transformer = CoordinateTransformer.Create(table.Crs!, CrsRegistry.Wgs84);
        var factory = GeometryFactories.For(CrsRegistry.Wgs84);
        geometries = table.Rows
            .AsParallel()
            .AsOrdered()
            .Select(r => r.Geometry is { IsEmpty: false } g ? GeometryReprojector.Reproject(g, transformer, factory) : null)
            .ToArray();
        for (var i = 0; i < geometries.Length; i++)
        {
            if (geometries[i] is { } g)
            {
                tree.Insert(g.EnvelopeInternal, i);
            }
        }

        tree.Build();
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
    /// geometry to send; <paramref name="total"/> is the count before thinning.
    /// </summary>
    public IReadOnlyList<(int Index, Geometry Geometry)> Query(Envelope? bbox, int zoom, out int total)
    {
        zoom = Math.Clamp(zoom, 0, FullDetailZoom);
        var hits = bbox is null ? Enumerable.Range(0, geometries.Length).Where(i => geometries[i] is not null).ToList() : tree.Query(bbox).ToList();
        hits.Sort();
        total = hits.Count;
        var pixel = PixelDegrees(zoom);
        var level = zoom >= FullDetailZoom ? null : simplified.GetOrAdd(zoom, _ => new Geometry?[geometries.Length]);
        var dense = hits.Count > DenseThreshold;
        var taken = new HashSet<(long, long)>();
        var kept = new List<int>(Math.Min(hits.Count, 50_000));
        foreach (var i in hits)
        {
            var g = geometries[i]!;
            if (g is Point p)
            {
                var cell = dense ? 3 * pixel : pixel;
                if (level is null || taken.Add(((long)Math.Floor(p.X / cell), (long)Math.Floor(p.Y / cell))))
                {
                    kept.Add(i);
                }
            }
            else if (!dense || Math.Max(g.EnvelopeInternal.Width, g.EnvelopeInternal.Height) >= 3 * pixel)
            {
                // In a dense query, lines and polygons under three pixels across are left out: they would draw as specks.
                kept.Add(i);
            }
        }

        if (level is null)
        {
            return kept.Select(i => (i, geometries[i]!)).ToList();
        }

        var missing = kept.Where(i => level[i] is null && geometries[i] is not Point).ToArray();
        Parallel.For(0, missing.Length, k => level[missing[k]] = Simplify(geometries[missing[k]]!, pixel));
        return kept.Select(i => (i, geometries[i] is Point ? geometries[i]! : level[i]!)).ToList();
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
