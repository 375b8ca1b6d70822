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
    /// <summary>
    /// Every tower position: each tower of <paramref name="towers"/> (in input order, with or without BTS; a repeated
    /// id counts once), then each inferred position (ordered by id; BTS naming a tower missing from the list form one
    /// too), with the BTS standing there and their operators.
    /// </summary>
    public static IReadOnlyList<TowerPosition> Positions(IReadOnlyList<Bts> bts, IReadOnlyList<Tower> towers, double coLocationM, GeometryFactory factory)
    {
        var keys = Group(bts, towers, coLocationM);
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            if (!members.TryGetValue(keys[i], out var list))
            {
                members[keys[i]] = list = [];
            }

            list.Add(i);
        }

        // Distinct, in ordinal order; a position carries a few BTS, so an insertion sort into a small array does it (a
        // sort of the set for the rare position with many).
        IReadOnlyList<string> OperatorsOf(List<int>? indices)
        {
            if (indices is null || indices.Count == 0)
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

        var positions = new List<TowerPosition>(towers.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tower in towers)
        {
            if (seen.Add(tower.Id))
            {
                var at = members.GetValueOrDefault(tower.Id);
                positions.Add(new TowerPosition(tower.Id, tower.Location, tower, at ?? [], OperatorsOf(at)));
            }
        }

        foreach (var (key, indices) in members.Where(kv => !seen.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var x = indices.Average(i => bts[i].Location.X);
            var y = indices.Average(i => bts[i].Location.Y);
            positions.Add(new TowerPosition(key, factory.CreatePoint(new Coordinate(x, y)), null, indices, OperatorsOf(indices)));
        }

        return positions;
    }

    /// <summary>The position key of each BTS, in input order: the tower id, or <c>~</c> + the smallest BTS id of its cluster.</summary>
    public static string[] Group(IReadOnlyList<Bts> bts, IReadOnlyList<Tower> towers, double coLocationM)
    {
        var keys = new string[bts.Count];

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

            towerGrid ??= PointSquares.Grid([.. Enumerable.Range(0, towers.Count)], t => towers[t].Location.Coordinate, coLocationM);
            var c = bts[i].Location.Coordinate;
            Tower? nearest = null;
            var best = double.MaxValue;
            foreach (var t in towerGrid.At(c))
            {
                var tower = towers[t];
                var d = tower.Location.Coordinate.Distance(c);
                if (d <= coLocationM && (d < best || (d == best && string.CompareOrdinal(tower.Id, nearest!.Id) < 0)))
                {
                    best = d;
                    nearest = tower;
                }
            }

            if (nearest is not null)
            {
                keys[i] = nearest.Id;
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
}
