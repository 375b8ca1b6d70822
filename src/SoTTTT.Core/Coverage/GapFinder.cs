using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Gap clusters of a <see cref="CoverageRaster"/>: 4-connected cells inside admin units that no selected operator
/// covers with a technology, with the population of the settlements whose positions fall in them. Clusters with no
/// population and less than the minimum area are left out (stray cells between sector lobes).
/// </summary>
public static class GapFinder
{
    public static IReadOnlyList<GapCluster> Find(
        CoverageRaster raster,
        Technology tech,
        IReadOnlyList<Settlement> settlements,
        IReadOnlyList<AdminUnit> units,
        double minAreaKm2,
        GeometryFactory factory)
    {
        var cellKm2 = raster.CellM * raster.CellM / 1e6;
        var people = new Dictionary<long, (int Count, long Population)>();
        var idsInCell = new Dictionary<long, List<string>>();
        foreach (var s in settlements)
        {
            if (raster.CellOf(s.Location.X, s.Location.Y) is { } cell)
            {
                var key = Key(cell.I, cell.J);
                var (n, p) = people.GetValueOrDefault(key);
                people[key] = (n + 1, p + (s.Population ?? 0));
                (idsInCell.TryGetValue(key, out var ids) ? ids : idsInCell[key] = []).Add(s.Id);
            }
        }

        bool Gap(int i, int j) => raster.UnitAt(i, j) >= 0 && !raster.CoveredByAny(tech, i, j);

        var visitedTiles = new ulong[]?[raster.Tiles.Length];
        bool FirstVisit(int i, int j)
        {
            var bits = visitedTiles[((j >> CoverageRaster.TileShift) * raster.TilesX) + (i >> CoverageRaster.TileShift)] ??= new ulong[CoverageRaster.TileWords];
            var local = CoverageRaster.Local(i, j);
            if (CoverageRaster.Bit(bits, local))
            {
                return false;
            }

            CoverageRaster.Set(bits, local);
            return true;
        }

        var found = new List<(List<(int I, int J)> Cells, int Settlements, long Population)>();
        var queue = new Queue<(int I, int J)>();
        for (var ti = 0; ti < raster.Tiles.Length; ti++)
        {
            if (raster.Tiles[ti] is not { } tile)
            {
                continue;
            }

            for (var local = 0; local < CoverageRaster.TileCells; local++)
            {
                if (!CoverageRaster.Bit(tile.Mask, local) || (tile.Any[(int)tech] is { } any && CoverageRaster.Bit(any, local)))
                {
                    continue;
                }

                var i = (tile.Tx << CoverageRaster.TileShift) + (local & (CoverageRaster.TileSize - 1));
                var j = (tile.Ty << CoverageRaster.TileShift) + (local >> CoverageRaster.TileShift);
                if (!FirstVisit(i, j))
                {
                    continue;
                }

                var cells = new List<(int I, int J)>();
                var count = 0;
                long population = 0;
                queue.Enqueue((i, j));
                while (queue.Count > 0)
                {
                    var (ci, cj) = queue.Dequeue();
                    cells.Add((ci, cj));
                    if (people.TryGetValue(Key(ci, cj), out var here))
                    {
                        count += here.Count;
                        population += here.Population;
                    }

                    Visit(ci + 1, cj);
                    Visit(ci - 1, cj);
                    Visit(ci, cj + 1);
                    Visit(ci, cj - 1);
                }

                if (population > 0 || cells.Count * cellKm2 >= minAreaKm2)
                {
                    found.Add((cells, count, population));
                }
            }
        }

        void Visit(int i, int j)
        {
            if (Gap(i, j) && FirstVisit(i, j))
            {
                queue.Enqueue((i, j));
            }
        }

        var ordered = found.OrderByDescending(f => f.Population).ThenByDescending(f => f.Cells.Count).ThenBy(f => f.Cells.Min(c => Key(c.J, c.I))).ToList();
        var result = new List<GapCluster>(ordered.Count);
        for (var n = 0; n < ordered.Count; n++)
        {
            var (cells, count, population) = ordered[n];
            // A gap cell next to a cluster's cell is in the cluster (clusters are the 4-connected parts of the gaps).
            var area = CellPolygonTracer.Trace(cells, Gap, raster.OriginX, raster.OriginY, raster.CellM, factory);
            var majority = cells.GroupBy(c => raster.UnitAt(c.I, c.J)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var sx = cells.Average(c => c.I + 0.5);
            var sy = cells.Average(c => c.J + 0.5);
            var centroid = factory.CreatePoint(new Coordinate(raster.OriginX + (sx * raster.CellM), raster.OriginY + (sy * raster.CellM)));
            result.Add(new GapCluster(
                $"G{Codes.Label(tech)}-{n + 1}",
                tech,
                area,
                cells.Count,
                cells.Count * cellKm2,
                count,
                population,
                centroid,
                majority >= 0 ? units[majority].Code : null)
            {
                SettlementIds = [.. cells.SelectMany(c => idsInCell.GetValueOrDefault(Key(c.I, c.J)) ?? []).Order(StringComparer.Ordinal)],
            });
        }

        return result;
    }

    private static long Key(int i, int j) => ((long)i << 32) | (uint)j;
}
