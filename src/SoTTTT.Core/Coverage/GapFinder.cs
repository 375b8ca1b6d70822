using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Gap clusters of a <see cref="CoverageRaster"/>: 4-connected cells of one admin unit (the deepest unit of the cells,
/// normally a commune) that no selected operator covers with a technology, with the population of the settlements
/// whose positions fall in them. A gap that crosses a unit boundary is split there, so every cluster lies in one
/// commune and one district (inspectors are sent by commune). Clusters with no population and less than the minimum
/// area are left out (stray cells between sector lobes).
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

        var found = new List<(List<(int I, int J)> Cells, int Settlements, long Population, int Unit)>();
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
                var unit = raster.UnitAt(i, j);
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

                    Visit(ci + 1, cj, unit);
                    Visit(ci - 1, cj, unit);
                    Visit(ci, cj + 1, unit);
                    Visit(ci, cj - 1, unit);
                }

                if (population > 0 || cells.Count * cellKm2 >= minAreaKm2)
                {
                    found.Add((cells, count, population, unit));
                }
            }
        }

        void Visit(int i, int j, int unit)
        {
            if (Gap(i, j) && raster.UnitAt(i, j) == unit && FirstVisit(i, j))
            {
                queue.Enqueue((i, j));
            }
        }

        var ordered = found.OrderByDescending(f => f.Population).ThenByDescending(f => f.Cells.Count).ThenBy(f => f.Cells.Min(c => Key(c.J, c.I))).ToList();
        var result = new List<GapCluster>(ordered.Count);
        for (var n = 0; n < ordered.Count; n++)
        {
            var (cells, count, population, majority) = ordered[n];
            // A gap cell of the same unit next to a cluster's cell is in the cluster (clusters are the 4-connected parts
            // of the gaps within one unit).
            var area = CoverageAnalysis.Valid(CellPolygonTracer.Trace(cells, (i, j) => Gap(i, j) && raster.UnitAt(i, j) == majority, raster.OriginX, raster.OriginY, raster.CellM, factory));
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
