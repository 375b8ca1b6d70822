using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// Groups BTS into tower positions: a BTS with <c>tower_id</c> stands on that tower; one without it stands
/// on the nearest tower within the co-location distance, else on a position shared with every other such
/// BTS within that distance (single-linkage clusters).
/// </summary>
public static class BtsPositionGrouping
{
    /// <summary>The dataset's tower positions, with its rules' co-location distance (what every analysis asks).</summary>
    public static IReadOnlyList<TowerPosition> Positions(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Positions(dataset.Bts, dataset.Towers, dataset.Rules.CoLocationM, GeometryFactories.For(dataset.Crs));
    }

    /// <summary>
    /// Every tower position: each tower of <paramref name="towers"/> (in input order, with or without BTS; a repeated
    /// id counts once), then each inferred position (ordered by id; BTS naming a tower missing from the list form one
    /// too), with the BTS standing there and their operators.
    /// </summary>
    public static IReadOnlyList<TowerPosition> Positions(IReadOnlyList<Bts> bts, IReadOnlyList<Tower> towers, double coLocationM, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(bts);
        ArgumentNullException.ThrowIfNull(towers);
        var keys = Group(bts, towers, coLocationM, out var towerOf);

        // The BTS of each tower (by the first row of its id) in input order, by a counting sort into one array: no list
        // per key. A BTS naming its tower has the id looked up in the towers' index, in parallel (the index is only
        // read). Keys that are no tower's id (a named tower missing from the list, a cluster) go by name, as before.
        var ids = TowerIds.Of(towers);
        InRanges(keys.Length, i =>
        {
            if (towerOf[i] < 0)
            {
                towerOf[i] = ids.FirstRow(keys[i]);
            }
        });
        var starts = new int[towers.Count + 1];
        Dictionary<string, List<int>>? others = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var t = towerOf[i];
            if (t >= 0)
            {
                starts[t + 1]++;
            }
            else
            {
                others ??= new Dictionary<string, List<int>>(StringComparer.Ordinal);
                if (!others.TryGetValue(keys[i], out var list))
                {
                    others[keys[i]] = list = [];
                }

                list.Add(i);
            }
        }

        for (var t = 0; t < towers.Count; t++)
        {
            starts[t + 1] += starts[t];
        }

        var order = new int[starts[towers.Count]];
        var next = (int[])starts.Clone();
        for (var i = 0; i < towerOf.Length; i++)
        {
            if (towerOf[i] >= 0)
            {
                order[next[towerOf[i]]++] = i;
            }
        }

        // Distinct, in ordinal order; a position carries a few BTS, so an insertion sort into a small array does it (a
        // sort of the set for the rare position with many).
        IReadOnlyList<string> OperatorsOf(IReadOnlyList<int> indices)
        {
            if (indices.Count == 0)
            {
                return [];
            }

            if (indices.Count > 16)
            {
                return [.. indices.Select(i => bts[i].Operator).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            }

            var found = new string[indices.Count];
            var n = 0;
            foreach (var i in indices)
            {
                var op = bts[i].Operator;
                var at = n;
                while (at > 0 && string.CompareOrdinal(found[at - 1], op) > 0)
                {
                    at--;
                }

                if (at > 0 && string.Equals(found[at - 1], op, StringComparison.Ordinal))
                {
                    continue;
                }

                Array.Copy(found, at, found, at + 1, n - at);
                found[at] = op;
                n++;
            }

            return n == found.Length ? found : found[..n];
        }

        // The towers' positions made on both cores (each from read-only state, into its own slot), kept in input order.
        var made = new TowerPosition?[towers.Count];
        InRanges(towers.Count, t =>
        {
            // A repeated id counts once, at its first row, with every BTS of that id.
            if (ids.IsFirst(t))
            {
                IReadOnlyList<int> at = starts[t + 1] > starts[t] ? new ArraySegment<int>(order, starts[t], starts[t + 1] - starts[t]) : [];
                made[t] = new TowerPosition(towers[t].Id, towers[t].Location, towers[t], at, OperatorsOf(at));
            }
        });

        var positions = new List<TowerPosition>(towers.Count + (others?.Count ?? 0));
        foreach (var position in made)
        {
            if (position is not null)
            {
                positions.Add(position);
            }
        }

        foreach (var (key, indices) in (others ?? []).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var x = indices.Average(i => bts[i].Location.X);
            var y = indices.Average(i => bts[i].Location.Y);
            positions.Add(new TowerPosition(key, factory.CreatePoint(new Coordinate(x, y)), null, indices, OperatorsOf(indices)));
        }

        return positions;
    }

    /// <summary>Calls <paramref name="body"/> for 0 … <paramref name="count"/> − 1 on every core, in ranges of 16,384 (each index once; the body writes only its own slots).</summary>
    private static void InRanges(int count, Action<int> body)
    {
        if (count > 0)
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, 1 << 14), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    body(i);
                }
            });
        }
    }

    /// <summary>The position key of each BTS, in input order: the tower id, or <c>~</c> + the smallest BTS id of its cluster.</summary>
    public static string[] Group(IReadOnlyList<Bts> bts, IReadOnlyList<Tower> towers, double coLocationM) => Group(bts, towers, coLocationM, out _);

    /// <param name="towerOf">Per BTS, the row of the tower found within the co-location distance (-1: a named tower, or none).</param>
    private static string[] Group(IReadOnlyList<Bts> bts, IReadOnlyList<Tower> towers, double coLocationM, out int[] towerOf)
    {
        var keys = new string[bts.Count];
        towerOf = new int[bts.Count];
        Array.Fill(towerOf, -1);

        // Towers by the square of the co-location distance around them: a BTS's candidates are the towers whose square
        // holds it, the towers a query of its own square would find (a grid, no tree to build; the rule below does not
        // depend on their order). Made only when some BTS names no tower.
        PointQueryGrid<int>? towerGrid = null;
        var loose = new List<int>();
        for (var i = 0; i < bts.Count; i++)
        {
            if (bts[i].TowerId is { } towerId)
            {
                keys[i] = towerId;
                continue;
            }

            towerGrid ??= TowerIds.Grid(towers, coLocationM);
            var c = bts[i].Location.Coordinate;
            Tower? nearest = null;
            var nearestRow = -1;
            var best = double.MaxValue;
            foreach (var t in towerGrid.At(c))
            {
                var tower = towers[t];
                var d = tower.Location.Coordinate.Distance(c);
                if (d <= coLocationM && (d < best || (d == best && string.CompareOrdinal(tower.Id, nearest!.Id) < 0)))
                {
                    best = d;
                    nearest = tower;
                    nearestRow = t;
                }
            }

            if (nearest is not null)
            {
                keys[i] = nearest.Id;

                // The position is the first row of that id (a repeated id counts once).
                towerOf[i] = TowerIds.Of(towers).FirstRowOf(nearestRow);
            }
            else
            {
                loose.Add(i);
            }
        }

        ClusterLoose(bts, loose, coLocationM, keys);
        return keys;
    }

    private static void ClusterLoose(IReadOnlyList<Bts> bts, List<int> loose, double coLocationM, string[] keys)
    {
        var parent = Enumerable.Range(0, loose.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var grid = PointSquares.Grid([.. Enumerable.Range(0, loose.Count)], j => bts[loose[j]].Location.Coordinate, coLocationM);
        for (var j = 0; j < loose.Count; j++)
        {
            var c = bts[loose[j]].Location.Coordinate;
            foreach (var k in grid.At(c))
            {
                if (k != j && bts[loose[k]].Location.Coordinate.Distance(c) <= coLocationM)
                {
                    parent[Find(j)] = Find(k);
                }
            }
        }

        var label = new Dictionary<int, string>();
        for (var j = 0; j < loose.Count; j++)
        {
            var root = Find(j);
            var id = bts[loose[j]].Id;
            if (!label.TryGetValue(root, out var current) || string.CompareOrdinal(id, current) < 0)
            {
                label[root] = id;
            }
        }

        for (var j = 0; j < loose.Count; j++)
        {
            keys[loose[j]] = "~" + label[Find(j)];
        }
    }

    /// <summary>
    /// Per tower list (a dataset's, immutable), kept while it lives: the first row of each id and the towers' grid
    /// for the co-location search — indexes, as a database keeps one on a key, not answers.
    /// </summary>
    private sealed class TowerIds
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<Tower>, TowerIds> Kept = [];
        private readonly Dictionary<string, int> firstRow;
        private readonly int[] first;
        private readonly Dictionary<double, PointQueryGrid<int>> grids = [];

        private TowerIds(IReadOnlyList<Tower> towers)
        {
            firstRow = new Dictionary<string, int>(towers.Count, StringComparer.Ordinal);
            first = new int[towers.Count];
            for (var t = 0; t < towers.Count; t++)
            {
                first[t] = firstRow.TryAdd(towers[t].Id, t) ? t : firstRow[towers[t].Id];
            }
        }

        public static TowerIds Of(IReadOnlyList<Tower> towers) => Kept.GetValue(towers, static t => new TowerIds(t));

        public static PointQueryGrid<int> Grid(IReadOnlyList<Tower> towers, double coLocationM)
        {
            var ids = Of(towers);
            lock (ids.grids)
            {
                if (!ids.grids.TryGetValue(coLocationM, out var grid))
                {
                    ids.grids[coLocationM] = grid = PointSquares.Grid([.. Enumerable.Range(0, towers.Count)], t => towers[t].Location.Coordinate, coLocationM);
                }

                return grid;
            }
        }

        /// <summary>Whether row <paramref name="t"/> is the first of its id.</summary>
        public bool IsFirst(int t) => first[t] == t;

        /// <summary>The first row with the id, or -1 when no tower has it.</summary>
        public int FirstRow(string id) => firstRow.TryGetValue(id, out var t) ? t : -1;

        /// <summary>The first row with the id of row <paramref name="t"/>.</summary>
        public int FirstRowOf(int t) => first[t];
    }
}
