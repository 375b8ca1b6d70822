using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Union;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Sharing;

/// <summary>
/// Fibre sharing opportunities. Shared ducts: every stretch where a route runs within the duct corridor (rules.json
/// <c>shared_duct.corridor_m</c>, default 15 m) of another operator's routes for at least the minimum length
/// (<c>shared_duct.min_length_m</c>, default 200 m), computed exactly segment against segment
/// (<see cref="CorridorOverlap"/>) through a grid of all segments, and measured along the route of the operator that
/// sorts first. Undergrounding: the km of aerial routes inside urban areas (a segment counts whole when its midpoint lies
/// in an urban unit, as fibre km are split in the indicators) or inside <c>urban</c>, <c>a1_only</c> and
/// <c>no_new_bulky</c> zones (exact length inside their union). Pure: no I/O.
/// </summary>
public static class FibreSharingAnalysis
{
    private const double Touch = 1e-6;

    /// <summary>Zone kinds where aerial cable should go underground (urban areas and the appearance zones of DOMAIN.md).</summary>
    public static IReadOnlyList<string> UndergroundZoneKinds { get; } = [ZoneKinds.Urban, ZoneKinds.A1Only, ZoneKinds.NoNewBulky];

    public static FibreSharing Run(Dataset dataset)
    {
        return Run(dataset, DatasetIndexes.Urban(dataset));
    }

    internal static FibreSharing Run(Dataset dataset, UrbanArea urban)
    {
        var rules = dataset.Rules;
        var (stretches, withoutOperator) = SharedDucts(dataset.FibreRoutes, rules.DuctCorridorM, rules.DuctMinLengthM);
        var pairs = stretches
            .GroupBy(s => (s.Operator, s.OtherOperator))
            .Select(g => new SharedDuctPair(g.Key.Operator, g.Key.OtherOperator, g.Sum(s => s.LengthM) / 1000, g.Count()))
            .OrderBy(p => p.OperatorA, StringComparer.Ordinal)
            .ThenBy(p => p.OperatorB, StringComparer.Ordinal)
            .ToList();
        var (candidates, aerialKm) = Undergrounding(dataset, urban);
        var byOperator = candidates
            .GroupBy(c => c.Operator ?? "unspecified")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.ToUndergroundKm), StringComparer.Ordinal);
        return new FibreSharing(pairs, stretches, candidates, aerialKm, candidates.Sum(c => c.ToUndergroundKm), byOperator, withoutOperator);
    }

    /// <summary>
    /// The routes' segments and their grid for a corridor width, built once per list of routes (a dataset's list is
    /// immutable) and kept while it lives: an index, as <see cref="DatasetIndexes"/> keeps the others, which the
    /// resident process (<c>sotttt daemon</c>) reuses from one <c>sharing</c> to the next (0.4 s of a national run).
    /// </summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<FibreRoute>, DuctIndex> DuctIndexes = [];

    private sealed record DuctIndex(double CorridorM, List<Segment> Segments, (int Start, int End)[] Ranges, int WithoutOperator, SegmentGrid Grid);

    private static DuctIndex DuctIndexOf(IReadOnlyList<FibreRoute> routes, double corridorM)
    {
        lock (DuctIndexes)
        {
            if (DuctIndexes.TryGetValue(routes, out var kept) && kept.CorridorM.Equals(corridorM))
            {
                return kept;
            }
        }

        var segments = new List<Segment>(routes.Sum(r => r.Operator is null ? 0 : r.Path.NumPoints));
        var ranges = new (int Start, int End)[routes.Count];
        var withoutOperator = 0;
        for (var r = 0; r < routes.Count; r++)
        {
            var start = segments.Count;
            if (routes[r].Operator is null)
            {
                withoutOperator++;
            }
            else
            {
                for (var part = 0; part < routes[r].Path.NumGeometries; part++)
                {
                    var coords = routes[r].Path.GetGeometryN(part).Coordinates;
                    var chain = 0.0;
                    for (var k = 1; k < coords.Length; k++)
                    {
                        segments.Add(new Segment(r, part, chain, coords[k - 1], coords[k]));
                        chain += coords[k - 1].Distance(coords[k]);
                    }
                }
            }

            ranges[r] = (start, segments.Count);
        }

        var index = new DuctIndex(corridorM, segments, ranges, withoutOperator, new SegmentGrid(segments, Math.Max(250, 4 * corridorM)));
        lock (DuctIndexes)
        {
            DuctIndexes.AddOrUpdate(routes, index);
        }

        return index;
    }

    private static (List<SharedDuctStretch> Stretches, int WithoutOperator) SharedDucts(IReadOnlyList<FibreRoute> routes, double corridorM, double minLengthM)
    {
        var (_, segments, ranges, withoutOperator, grid) = DuctIndexOf(routes, corridorM);

        // Each route's operator by its rank in ordinal order (−1 without one): "op before other" is then an integer
        // comparison per candidate segment.
        var operators = routes.Select(r => r.Operator).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rankOf = operators.Select((op, i) => (op, i)).ToDictionary(x => x.op, x => x.i, StringComparer.Ordinal);
        var ranks = routes.Select(r => r.Operator is { } op ? rankOf[op] : -1).ToArray();
        using var scratch = new ThreadLocal<Scratch>(() => new Scratch(segments.Count));
        var stretches = Enumerable.Range(0, routes.Count)
            .AsParallel()
            .AsOrdered()
            .SelectMany(r => StretchesOf(r, routes, ranks, segments, ranges[r], grid, scratch.Value!, corridorM, minLengthM))
            .ToList();
        stretches.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.RouteId, b.RouteId);
            c = c != 0 ? c : a.Part.CompareTo(b.Part);
            c = c != 0 ? c : a.FromM.CompareTo(b.FromM);
            return c != 0 ? c : string.CompareOrdinal(a.OtherOperator, b.OtherOperator);
        });
        return (stretches, withoutOperator);
    }

    private static List<SharedDuctStretch> StretchesOf(
        int r,
        IReadOnlyList<FibreRoute> routes,
        int[] ranks,
        List<Segment> segments,
        (int Start, int End) range,
        SegmentGrid grid,
        Scratch scratch,
        double corridorM,
        double minLengthM)
    {
        var result = new List<SharedDuctStretch>();
        if (range.Start == range.End)
        {
            return result;
        }

        var op = routes[r].Operator!;
        var byOther = new Dictionary<string, List<(int Part, double From, double To)>>(StringComparer.Ordinal);
        var env = new Envelope();
        for (var s = range.Start; s < range.End; s++)
        {
            var seg = segments[s];
            env.Init(seg.P0, seg.P1);
            env.ExpandBy(corridorM);
            foreach (var t in grid.Query(env, scratch))
            {
                var otherRoute = segments[t].Route;
                if (ranks[r] >= ranks[otherRoute])
                {
                    continue;
                }

                var other = routes[otherRoute].Operator!;

                if (CorridorOverlap.Within(seg.P0, seg.P1, segments[t].P0, segments[t].P1, corridorM) is { } iv)
                {
                    if (!byOther.TryGetValue(other, out var list))
                    {
                        byOther[other] = list = [];
                    }

                    list.Add((seg.Part, seg.Start + iv.From, seg.Start + iv.To));
                }
            }
        }

        foreach (var (other, intervals) in byOther)
        {
            intervals.Sort();
            var (part, from, to) = intervals[0];
            foreach (var (p, f, t) in intervals.Skip(1))
            {
                if (p == part && f <= to + Touch)
                {
                    to = Math.Max(to, t);
                    continue;
                }

                Emit(part, from, to);
                (part, from, to) = (p, f, t);
            }

            Emit(part, from, to);

            void Emit(int onPart, double start, double end)
            {
                if (end - start >= minLengthM && end > start)
                {
                    result.Add(new SharedDuctStretch(routes[r].Id, op, other, onPart, start, end));
                }
            }
        }

        return result;
    }

    private static (List<UndergroundCandidate> Candidates, double AerialKm) Undergrounding(Dataset dataset, UrbanArea urban)
    {
        var zoneAreas = dataset.Zones.Where(z => UndergroundZoneKinds.Contains(z.Kind)).Select(z => z.Area).ToList();
        var union = zoneAreas.Count > 0 ? UnaryUnionOp.Union(zoneAreas) : null;

        // Zones are few and small beside a national network: their envelopes settle most segments at once, from a grid
        // (an R-tree query per segment was a tenth of the national sharing's CPU).
        var zoneEnvelopes = new PointQueryGrid<Geometry>(zoneAreas, a => a.EnvelopeInternal);

        // Prepared geometries index themselves lazily and are not thread-safe: one per thread.
        using var prepared = new ThreadLocal<IPreparedGeometry?>(() => union is null ? null : PreparedGeometryFactory.Prepare(union));
        var factory = GeometryFactories.For(dataset.Crs);
        var results = dataset.FibreRoutes
            .AsParallel()
            .AsOrdered()
            .Where(r => r.Placement == CablePlacement.Aerial)
            .Select(route =>
            {
                var total = 0.0;
                var inside = 0.0;

                // One probe point, box and zone test per route, moved along its segments.
                var midpoint = new Coordinate();
                var box = new Envelope();
                for (var g = 0; g < route.Path.NumGeometries; g++)
                {
                    var coords = route.Path.GetGeometryN(g).Coordinates;
                    for (var k = 1; k < coords.Length; k++)
                    {
                        var (a, b) = (coords[k - 1], coords[k]);
                        var length = a.Distance(b);
                        total += length;
                        midpoint.X = (a.X + b.X) / 2;
                        midpoint.Y = (a.Y + b.Y) / 2;
                        if (urban.IsUrbanUnit(midpoint))
                        {
                            inside += length;
                        }
                        else if (union is not null)
                        {
                            box.Init(a, b);
                            if (zoneEnvelopes.Meets(box))
                            {
                                var line = factory.CreateLineString([a, b]);
                                var p = prepared.Value!;
                                if (p.Contains(line))
                                {
                                    inside += length;
                                }
                                else if (p.Intersects(line))
                                {
                                    inside += union.Intersection(line).Length;
                                }
                            }
                        }
                    }
                }

                return (Route: route, TotalM: total, InsideM: inside);
            })
            .ToList();
        var candidates = results
            .Where(r => r.InsideM > 0)
            .Select(r => new UndergroundCandidate(r.Route.Id, r.Route.Operator, r.TotalM / 1000, r.InsideM / 1000))
            .OrderBy(c => c.RouteId, StringComparer.Ordinal)
            .ToList();
        return (candidates, results.Sum(r => r.TotalM) / 1000);
    }

    private readonly record struct Segment(int Route, int Part, double Start, Coordinate P0, Coordinate P1);

    /// <summary>Per-thread query state: which segments were already returned for the current query.</summary>
    private sealed class Scratch(int segments)
    {
        public int[] Seen { get; } = new int[segments];

        public int Mark { get; set; }

        public List<int> Found { get; } = [];
    }

    /// <summary>
    /// A uniform grid over the segments (each listed in every cell its envelope touches), built by sorting packed
    /// (cell, segment) keys: for 1.5 million segments several times faster to build and query than an R-tree.
    /// </summary>
    private sealed class SegmentGrid
    {
        private const int SegmentBits = 31;
        private readonly double cell;
        private readonly double originX;
        private readonly double originY;
        private readonly Dictionary<long, (int Start, int Count)> cells;
        private readonly int[] items;

        public SegmentGrid(List<Segment> segments, double cellM)
        {
            cell = cellM;
            originX = segments.Count == 0 ? 0 : segments.Min(s => Math.Min(s.P0.X, s.P1.X));
            originY = segments.Count == 0 ? 0 : segments.Min(s => Math.Min(s.P0.Y, s.P1.Y));
            var keys = new List<long>(segments.Count * 3);
            for (var s = 0; s < segments.Count; s++)
            {
                var (x0, x1) = Span(segments[s].P0.X, segments[s].P1.X, originX);
                var (y0, y1) = Span(segments[s].P0.Y, segments[s].P1.Y, originY);
                for (var ix = x0; ix <= x1; ix++)
                {
                    for (var iy = y0; iy <= y1; iy++)
                    {
                        keys.Add((CellKey(ix, iy) << SegmentBits) | (long)s);
                    }
                }
            }

            var packed = SortedByCell(keys);
            var distinct = 0;
            for (var i = 0; i < packed.Length; i++)
            {
                distinct += i == 0 || (packed[i] >> SegmentBits) != (packed[i - 1] >> SegmentBits) ? 1 : 0;
            }

            cells = new Dictionary<long, (int Start, int Count)>(distinct);
            items = new int[packed.Length];
            var start = 0;
            for (var i = 0; i < packed.Length; i++)
            {
                items[i] = (int)(packed[i] & ((1L << SegmentBits) - 1));
                if (i == packed.Length - 1 || (packed[i + 1] >> SegmentBits) != (packed[i] >> SegmentBits))
                {
                    cells[packed[i] >> SegmentBits] = (start, i - start + 1);
                    start = i + 1;
                }
            }
        }

        /// <summary>Segments whose cells meet the envelope, each once (not yet filtered by distance).</summary>
        public List<int> Query(Envelope env, Scratch scratch)
        {
            scratch.Found.Clear();
            scratch.Mark++;
            var (x0, x1) = Span(env.MinX, env.MaxX, originX);
            var (y0, y1) = Span(env.MinY, env.MaxY, originY);
            for (var ix = x0; ix <= x1; ix++)
            {
                for (var iy = y0; iy <= y1; iy++)
                {
                    if (!cells.TryGetValue(CellKey(ix, iy), out var range))
                    {
                        continue;
                    }

                    for (var k = range.Start; k < range.Start + range.Count; k++)
                    {
                        var s = items[k];
                        if (scratch.Seen[s] != scratch.Mark)
                        {
                            scratch.Seen[s] = scratch.Mark;
                            scratch.Found.Add(s);
                        }
                    }
                }
            }

            return scratch.Found;
        }

        private static long CellKey(long ix, long iy) => (ix << 16) | iy;

        /// <summary>
        /// The keys sorted: a stable radix sort on the 32-bit cell above the segment bits, 8 bits a pass. The keys come in
        /// segment order, so within a cell the segments stay ascending — the order a sort of the whole keys gives, at a
        /// few linear passes instead of a comparison sort (3.3 million national keys).
        /// </summary>
        private static long[] SortedByCell(List<long> keys)
        {
            var from = keys.ToArray();
            var to = new long[from.Length];
            var counts = new int[257];
            for (var shift = SegmentBits; shift < SegmentBits + 32; shift += 8)
            {
                Array.Clear(counts);
                foreach (var k in from)
                {
                    counts[((k >> shift) & 0xFF) + 1]++;
                }

                for (var b = 1; b < counts.Length; b++)
                {
                    counts[b] += counts[b - 1];
                }

                foreach (var k in from)
                {
                    to[counts[(k >> shift) & 0xFF]++] = k;
                }

                (from, to) = (to, from);
            }

            return from;
        }

        private (long, long) Span(double a, double b, double origin) =>
            (Math.Clamp((long)Math.Floor((Math.Min(a, b) - origin) / cell), 0, 65535), Math.Clamp((long)Math.Floor((Math.Max(a, b) - origin) / cell), 0, 65535));
    }
}
