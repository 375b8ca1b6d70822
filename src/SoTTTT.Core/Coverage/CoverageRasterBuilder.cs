using System.Numerics;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Builds a <see cref="CoverageRaster"/>: admin polygons are scan-converted (province, then district, then commune,
/// so the deepest unit wins); then, tile by tile in parallel, every footprint reaching the tile marks the cells whose
/// centre it covers — exactly within the range for omni BTS, and for sectors within the range towards the cell's
/// direction (the pattern attenuation looked up in 512 steps of the cosine of the angle off boresight, ranges from
/// <see cref="BtsFootprint.RangeTableM"/> in 0.5 dB steps).
/// </summary>
public static class CoverageRasterBuilder
{
    private const int CosineBins = 512;
    private const double TableStepDb = 0.5;

    private static readonly double[] AngleOfBinDeg = BuildAngles();

    /// <summary>The raster, or null when no admin unit has a polygon.</summary>
    /// <param name="layerOf">Per footprint (same order as <paramref name="footprints"/>), its index in <paramref name="layers"/>.</param>
    public static CoverageRaster? Build(Dataset dataset, IReadOnlyList<BtsFootprint> footprints, IReadOnlyList<CoverageLayer> layers, int[] layerOf, IReadOnlyList<Technology> techs, double cellM)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellM);
        var envelope = new Envelope();
        foreach (var unit in dataset.AdminUnits)
        {
            if (unit.Boundary is { IsEmpty: false } b)
            {
                envelope.ExpandToInclude(b.EnvelopeInternal);
            }
        }

        if (envelope.IsNull)
        {
            return null;
        }

        var originX = Math.Floor(envelope.MinX / cellM) * cellM;
        var originY = Math.Floor(envelope.MinY / cellM) * cellM;
        var width = Math.Max(1, (int)Math.Ceiling((envelope.MaxX - originX) / cellM));
        var height = Math.Max(1, (int)Math.Ceiling((envelope.MaxY - originY) / cellM));
        var raster = new CoverageRaster(originX, originY, cellM, width, height, layers, techs);
        ScanUnits(dataset, raster);
        MarkFootprints(raster, footprints, layerOf);
        return raster;
    }

    /// <summary>
    /// Cell counts per unit index (deepest unit of each cell): all cells, and per column the cells covered by at least
    /// one of the column's layers (a column is a set of indexes into <see cref="CoverageRaster.Layers"/>: one layer, the
    /// layers of a technology, of an operator, or all).
    /// </summary>
    public static (long[] Total, long[][] ByColumn) CountColumns(CoverageRaster raster, int unitCount, IReadOnlyList<int[]> columns)
    {
        var total = new long[unitCount];
        var byColumn = columns.Select(_ => new long[unitCount]).ToArray();
        var gate = new object();
        Parallel.ForEach(
            raster.Tiles.Where(t => t is not null),
            () => (Total: new long[unitCount], Column: columns.Select(_ => new long[unitCount]).ToArray()),
            (tile, _, local) =>
            {
                CountTile(tile!, columns, local.Total, local.Column);
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    Add(total, local.Total);
                    for (var c = 0; c < byColumn.Length; c++)
                    {
                        Add(byColumn[c], local.Column[c]);
                    }
                }
            });
        return (total, byColumn);
    }

    private static void Add(long[] into, long[] from)
    {
        for (var k = 0; k < into.Length; k++)
        {
            into[k] += from[k];
        }
    }

    private static void CountTile(CoverageRaster.Tile tile, IReadOnlyList<int[]> columns, long[] total, long[][] byColumn)
    {
        var words = new ulong[columns.Count];
        for (var w = 0; w < CoverageRaster.TileWords; w++)
        {
            var mask = tile.Mask[w];
            if (mask == 0)
            {
                continue;
            }

            for (var c = 0; c < columns.Count; c++)
            {
                var bits = 0UL;
                foreach (var l in columns[c])
                {
                    if (tile.Layers[l] is { } layer)
                    {
                        bits |= layer[w];
                    }
                }

                words[c] = bits & mask;
            }

            var first = tile.Units[w * 64];
            var uniform = mask == ulong.MaxValue;
            for (var k = 1; uniform && k < 64; k++)
            {
                uniform = tile.Units[(w * 64) + k] == first;
            }

            if (uniform)
            {
                total[first] += 64;
                for (var c = 0; c < columns.Count; c++)
                {
                    byColumn[c][first] += BitOperations.PopCount(words[c]);
                }

                continue;
            }

            for (var k = 0; k < 64; k++)
            {
                if ((mask & (1UL << k)) == 0)
                {
                    continue;
                }

                var unit = tile.Units[(w * 64) + k];
                total[unit]++;
                for (var c = 0; c < columns.Count; c++)
                {
                    if ((words[c] & (1UL << k)) != 0)
                    {
                        byColumn[c][unit]++;
                    }
                }
            }
        }
    }

    private static void ScanUnits(Dataset dataset, CoverageRaster raster)
    {
        foreach (var level in new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune })
        {
            var units = new List<int>();
            for (var u = 0; u < dataset.AdminUnits.Count; u++)
            {
                if (dataset.AdminUnits[u].Level == level && dataset.AdminUnits[u].Boundary is { IsEmpty: false })
                {
                    units.Add(u);
                    var env = dataset.AdminUnits[u].Boundary!.EnvelopeInternal;
                    var (i0, j0, i1, j1) = CellRange(raster, env.MinX, env.MinY, env.MaxX, env.MaxY);
                    for (var ty = j0 >> CoverageRaster.TileShift; ty <= j1 >> CoverageRaster.TileShift; ty++)
                    {
                        for (var tx = i0 >> CoverageRaster.TileShift; tx <= i1 >> CoverageRaster.TileShift; tx++)
                        {
                            raster.Tiles[(ty * raster.TilesX) + tx] ??= new CoverageRaster.Tile(tx, ty, raster.Layers.Count);
                        }
                    }
                }
            }

            Parallel.ForEach(units, u => ScanPolygon(raster, dataset.AdminUnits[u].Boundary!, u));
        }

        for (var k = 0; k < raster.Tiles.Length; k++)
        {
            if (raster.Tiles[k] is not { } tile)
            {
                continue;
            }

            var any = false;
            for (var local = 0; local < CoverageRaster.TileCells; local++)
            {
                if (tile.Units[local] >= 0)
                {
                    CoverageRaster.Set(tile.Mask, local);
                    any = true;
                }
            }

            if (!any)
            {
                raster.Tiles[k] = null;
            }
        }
    }

    private static (int I0, int J0, int I1, int J1) CellRange(CoverageRaster raster, double minX, double minY, double maxX, double maxY) =>
        (Math.Clamp((int)Math.Floor((minX - raster.OriginX) / raster.CellM), 0, raster.Width - 1),
         Math.Clamp((int)Math.Floor((minY - raster.OriginY) / raster.CellM), 0, raster.Height - 1),
         Math.Clamp((int)Math.Floor((maxX - raster.OriginX) / raster.CellM), 0, raster.Width - 1),
         Math.Clamp((int)Math.Floor((maxY - raster.OriginY) / raster.CellM), 0, raster.Height - 1));

    /// <summary>Even-odd scan conversion at cell centres: a cell belongs to the polygon when its centre does (x in [left, right)).</summary>
    private static void ScanPolygon(CoverageRaster raster, Geometry boundary, int unit)
    {
        var edges = new List<(double X1, double Y1, double X2, double Y2)>();
        for (var g = 0; g < boundary.NumGeometries; g++)
        {
            if (boundary.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            AddRing(edges, polygon.Shell);
            foreach (var hole in polygon.Holes)
            {
                AddRing(edges, hole);
            }
        }

        edges.Sort((a, b) => Math.Min(a.Y1, a.Y2).CompareTo(Math.Min(b.Y1, b.Y2)));
        var env = boundary.EnvelopeInternal;
        var c = raster.CellM;
        var j0 = Math.Max(0, (int)Math.Ceiling(((env.MinY - raster.OriginY) / c) - 0.5));
        var j1 = Math.Min(raster.Height - 1, (int)Math.Floor(((env.MaxY - raster.OriginY) / c) - 0.5));
        var xs = new List<double>();
        var active = new List<(double X1, double Y1, double X2, double Y2)>();
        var next = 0;
        for (var j = j0; j <= j1; j++)
        {
            var y = raster.OriginY + ((j + 0.5) * c);
            while (next < edges.Count && Math.Min(edges[next].Y1, edges[next].Y2) <= y)
            {
                active.Add(edges[next++]);
            }

            active.RemoveAll(e => Math.Max(e.Y1, e.Y2) < y);
            xs.Clear();
            foreach (var (x1, y1, x2, y2) in active)
            {
                if ((y1 <= y && y < y2) || (y2 <= y && y < y1))
                {
                    xs.Add(x1 + ((y - y1) * (x2 - x1) / (y2 - y1)));
                }
            }

            xs.Sort();
            for (var k = 0; k + 1 < xs.Count; k += 2)
            {
                var i0 = Math.Max(0, (int)Math.Ceiling(((xs[k] - raster.OriginX) / c) - 0.5));
                var i1 = Math.Min(raster.Width - 1, (int)Math.Ceiling(((xs[k + 1] - raster.OriginX) / c) - 0.5) - 1);
                for (var i = i0; i <= i1; i++)
                {
                    raster.TileAt(i, j)!.Units[CoverageRaster.Local(i, j)] = unit;
                }
            }
        }
    }

    private static void AddRing(List<(double, double, double, double)> edges, LineString ring)
    {
        var seq = ring.CoordinateSequence;
        for (var k = 0; k + 1 < seq.Count; k++)
        {
            if (seq.GetY(k) != seq.GetY(k + 1))
            {
                edges.Add((seq.GetX(k), seq.GetY(k), seq.GetX(k + 1), seq.GetY(k + 1)));
            }
        }
    }

    private static void MarkFootprints(CoverageRaster raster, IReadOnlyList<BtsFootprint> footprints, int[] layerOf)
    {
        var tree = new STRtree<int>();
        var tables = new float[]?[footprints.Count];
        var boxes = new Envelope?[footprints.Count];

        // The pattern's attenuation at each cosine bin depends on the beamwidth and the front-to-back ratio only: a few
        // kinds of antenna among 350,000 sectors; each sector's lobe box is found once, not once per tile it reaches.
        var patterns = new System.Collections.Concurrent.ConcurrentDictionary<(double Beamwidth, double MaxAttenuation), double[]>();
        Parallel.For(
            0,
            footprints.Count,
            () => new double[CosineBins],
            (f, _, r2) =>
            {
                var fp = footprints[f];
                if (!fp.IsOmni && fp.MaxRangeKm > 0)
                {
                    var table = fp.RangeTableM(TableStepDb);
                    tables[f] = table;
                    if (fp.Terrain is null)
                    {
                        SectorRanges(table, Pattern(patterns, fp), r2);
                        boxes[f] = LobeBox(fp, r2);
                    }
                }

                return r2;
            },
            _ => { });
        for (var f = 0; f < footprints.Count; f++)
        {
            var fp = footprints[f];
            if (fp.MaxRangeKm > 0)
            {
                var r = fp.MaxRangeKm * 1000;
                tree.Insert(new Envelope(fp.X - r, fp.X + r, fp.Y - r, fp.Y + r), f);
            }
        }

        tree.Build();
        Parallel.ForEach(raster.Tiles.Where(t => t is not null), tile =>
        {
            var t = tile!;
            var c = raster.CellM;
            var minX = raster.OriginX + (t.Tx * CoverageRaster.TileSize * c);
            var minY = raster.OriginY + (t.Ty * CoverageRaster.TileSize * c);
            var span = CoverageRaster.TileSize * c;
            List<int> hits = [.. tree.Query(new Envelope(minX, minX + span, minY, minY + span))];
            hits.Sort();
            var r2 = new double[CosineBins];
            foreach (var f in hits)
            {
                var fp = footprints[f];
                var bits = t.Layers[layerOf[f]] ??= new ulong[CoverageRaster.TileWords];
                if (fp.Terrain is not null)
                {
                    MarkExact(raster, t, bits, fp);
                }
                else if (tables[f] is { } table)
                {
                    SectorRanges(table, Pattern(patterns, fp), r2);
                    MarkSector(raster, t, bits, fp, boxes[f]!, r2);
                }
                else
                {
                    MarkOmni(raster, t, bits, fp);
                }
            }

            for (var l = 0; l < raster.Layers.Count; l++)
            {
                if (t.Layers[l] is not { } bits)
                {
                    continue;
                }

                var any = t.Any[(int)raster.Layers[l].Tech] ??= new ulong[CoverageRaster.TileWords];
                for (var w = 0; w < any.Length; w++)
                {
                    any[w] |= bits[w];
                }
            }
        });
    }

    /// <summary>The tile's cell rows/columns whose centres lie in [lo, hi] along one axis.</summary>
    private static (int From, int To) Centres(double lo, double hi, double origin, double cellM, int tileStart)
    {
        var from = Math.Max(tileStart, (int)Math.Ceiling(((lo - origin) / cellM) - 0.5));
        var to = Math.Min(tileStart + CoverageRaster.TileSize - 1, (int)Math.Floor(((hi - origin) / cellM) - 0.5));
        return (from, to);
    }

    /// <summary>
    /// Over terrain every cell centre inside a unit and within the boresight range is judged on its own profile
    /// (<see cref="BtsFootprint.LevelDbm"/>): ridges leave holes no range table can hold.
    /// </summary>
    private static void MarkExact(CoverageRaster raster, CoverageRaster.Tile t, ulong[] bits, BtsFootprint fp)
    {
        var c = raster.CellM;
        var r = fp.MaxRangeKm * 1000;
        var (j0, j1) = Centres(fp.Y - r, fp.Y + r, raster.OriginY, c, t.Ty * CoverageRaster.TileSize);
        j1 = Math.Min(j1, raster.Height - 1);
        for (var j = j0; j <= j1; j++)
        {
            var y = raster.OriginY + ((j + 0.5) * c);
            var dy = y - fp.Y;
            var half = Math.Sqrt(Math.Max(0, (r * r) - (dy * dy)));
            var (i0, i1) = Centres(fp.X - half, fp.X + half, raster.OriginX, c, t.Tx * CoverageRaster.TileSize);
            i1 = Math.Min(i1, raster.Width - 1);
            for (var i = i0; i <= i1; i++)
            {
                var local = CoverageRaster.Local(i, j);
                if (CoverageRaster.Bit(t.Mask, local) && !CoverageRaster.Bit(bits, local) && fp.Covers(raster.OriginX + ((i + 0.5) * c), y))
                {
                    CoverageRaster.Set(bits, local);
                }
            }
        }
    }

    private static void MarkOmni(CoverageRaster raster, CoverageRaster.Tile t, ulong[] bits, BtsFootprint fp)
    {
        var c = raster.CellM;
        var r = fp.MaxRangeKm * 1000;
        var (j0, j1) = Centres(fp.Y - r, fp.Y + r, raster.OriginY, c, t.Ty * CoverageRaster.TileSize);
        j1 = Math.Min(j1, raster.Height - 1);
        for (var j = j0; j <= j1; j++)
        {
            var dy = raster.OriginY + ((j + 0.5) * c) - fp.Y;
            var half = Math.Sqrt(Math.Max(0, (r * r) - (dy * dy)));
            var (i0, i1) = Centres(fp.X - half, fp.X + half, raster.OriginX, c, t.Tx * CoverageRaster.TileSize);
            i1 = Math.Min(i1, raster.Width - 1);
            if (i0 > i1)
            {
                continue;
            }

            var row = (j & (CoverageRaster.TileSize - 1)) << CoverageRaster.TileShift;
            CoverageRaster.SetRange(bits, row + (i0 & (CoverageRaster.TileSize - 1)), row + (i1 & (CoverageRaster.TileSize - 1)));
        }
    }

    /// <summary>The attenuation (dB, positive) of the horizontal pattern at each cosine bin, shared by every sector of one antenna kind.</summary>
    private static double[] Pattern(System.Collections.Concurrent.ConcurrentDictionary<(double Beamwidth, double MaxAttenuation), double[]> patterns, BtsFootprint fp) =>
        patterns.GetOrAdd((fp.BeamwidthDeg, fp.MaxAttenuationDb), key =>
        {
            var attenuation = new double[CosineBins];
            for (var k = 0; k < CosineBins; k++)
            {
                attenuation[k] = -AntennaPattern.HorizontalDb(AngleOfBinDeg[k], key.Beamwidth, key.MaxAttenuation);
            }

            return attenuation;
        });

    /// <summary>The squared range (m²) towards each cosine bin, from the range table in 0.5 dB steps.</summary>
    private static void SectorRanges(float[] table, double[] attenuation, double[] r2)
    {
        for (var k = 0; k < CosineBins; k++)
        {
            var pos = attenuation[k] / TableStepDb;
            var lo = Math.Min((int)pos, table.Length - 1);
            var hi = Math.Min(lo + 1, table.Length - 1);
            var r = table[lo] + ((table[hi] - table[lo]) * (pos - lo));
            r2[k] = r * r;
        }
    }

    /// <summary>Bounding box of the lobe from its outline every 2°, widened by 2 % for the parts between the samples.</summary>
    private static Envelope LobeBox(BtsFootprint fp, double[] r2)
    {
        var azimuth = fp.AzimuthDeg!.Value * Math.PI / 180;
        double minX = fp.X, maxX = fp.X, minY = fp.Y, maxY = fp.Y;
        for (var deg = 0; deg < 360; deg += 2)
        {
            var a = deg * Math.PI / 180;
            var cos = Math.Cos(a);
            var r = Math.Sqrt(r2[Bin(cos)]) * 1.02;
            var bx = fp.X + (r * Math.Sin(azimuth + a));
            var by = fp.Y + (r * Math.Cos(azimuth + a));
            minX = Math.Min(minX, bx);
            maxX = Math.Max(maxX, bx);
            minY = Math.Min(minY, by);
            maxY = Math.Max(maxY, by);
        }

        return new Envelope(minX, maxX, minY, maxY);
    }

    private static void MarkSector(CoverageRaster raster, CoverageRaster.Tile t, ulong[] bits, BtsFootprint fp, Envelope box, double[] r2)
    {
        var c = raster.CellM;
        var azimuth = fp.AzimuthDeg!.Value * Math.PI / 180;
        var ux = Math.Sin(azimuth);
        var uy = Math.Cos(azimuth);
        var (minX, maxX, minY, maxY) = (box.MinX, box.MaxX, box.MinY, box.MaxY);
        var (j0, j1) = Centres(minY - c, maxY + c, raster.OriginY, c, t.Ty * CoverageRaster.TileSize);
        var (i0, i1) = Centres(minX - c, maxX + c, raster.OriginX, c, t.Tx * CoverageRaster.TileSize);
        j1 = Math.Min(j1, raster.Height - 1);
        i1 = Math.Min(i1, raster.Width - 1);
        var rMax2 = r2[CosineBins - 1];
        for (var j = j0; j <= j1; j++)
        {
            var dy = raster.OriginY + ((j + 0.5) * c) - fp.Y;
            var row = (j & (CoverageRaster.TileSize - 1)) << CoverageRaster.TileShift;
            for (var i = i0; i <= i1; i++)
            {
                var dx = raster.OriginX + ((i + 0.5) * c) - fp.X;
                var d2 = (dx * dx) + (dy * dy);
                if (d2 > rMax2)
                {
                    continue;
                }

                var covered = d2 == 0 || d2 <= r2[Bin(((dx * ux) + (dy * uy)) / Math.Sqrt(d2))];
                if (covered)
                {
                    CoverageRaster.Set(bits, row + (i & (CoverageRaster.TileSize - 1)));
                }
            }
        }
    }

    private static int Bin(double cosine) => Math.Clamp((int)Math.Round((cosine + 1) * 0.5 * (CosineBins - 1)), 0, CosineBins - 1);

    private static double[] BuildAngles()
    {
        var angles = new double[CosineBins];
        for (var k = 0; k < CosineBins; k++)
        {
            angles[k] = Math.Acos(Math.Clamp((2.0 * k / (CosineBins - 1)) - 1, -1, 1)) * 180 / Math.PI;
        }

        return angles;
    }
}
