using SoTTTT.Core.Approval;
using SoTTTT.Core.Diagnostics;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Sharing;

/// <summary>
/// How well towers and ducts are shared and where sharing is missed: tower positions (towers.csv, plus positions
/// inferred from BTS within the co-location distance, <see cref="BtsPositionGrouping"/>) with sharing figures per
/// admin unit and operator; single-operator positions of different operators within the must-share distance; spare
/// capacity; towers their zone no longer allows; spacing violations; shared-duct candidates and aerial cable to put
/// underground (<see cref="FibreSharingAnalysis"/>). Urban or not follows <see cref="UrbanArea"/>; a pair of positions
/// is urban only when both are, so mixed pairs use the non-urban distance. Pure: no I/O.
/// </summary>
public static class SharingAnalysis
{
    public static SharingResult Run(Dataset dataset, AdminLevel level)
    {
        var rules = dataset.Rules;

        // Three independent parts side by side on two cores: the tower positions (grouping is single-threaded) beside
        // the unit locator's index, then the fibre analysis (it needs only the urban area) beside the position facts.
        var grouping = Task.Run(() => BtsPositionGrouping.Positions(dataset));
        var locator = DatasetIndexes.Locator(dataset);
        var zones = DatasetIndexes.Zones(dataset);
        var urbanArea = DatasetIndexes.Urban(dataset);
        PhaseMarks.Mark("index");
        var fibreTask = Task.Run(() => FibreSharingAnalysis.Run(dataset, urbanArea));
        var positions = grouping.GetAwaiter().GetResult();
        var facts = positions
            .AsParallel()
            .AsOrdered()
            .Select(p => (Unit: locator.Locate(p.Location.Coordinate), Urban: urbanArea.IsUrban(p.Location.Coordinate)))
            .ToArray();

        var (rows, unassigned) = Rows(dataset, level, positions, facts);
        var fibre = fibreTask.GetAwaiter().GetResult();
        return new SharingResult(
            dataset.Name,
            dataset.Crs.Name,
            level,
            rules,
            rows,
            MissedSharing(positions, i => facts[i], rules),
            Capacity(positions, facts, rules),
            ToConvert(positions, facts, zones, rules),
            SpacingViolations(positions, facts, rules),
            fibre,
            unassigned)
        {
            Positions = positions,
        };
    }

    /// <summary>
    /// The unit table alone (<c>sharing --only units</c>): the tower positions and their rows, exactly as
    /// <see cref="Run"/> gives them, with nothing else computed (no missed sharing, capacity, conversion, spacing or
    /// fibre). Also the count of positions outside every unit of the level.
    /// </summary>
    public static (IReadOnlyList<SharingRow> Rows, int Unassigned) Units(Dataset dataset, AdminLevel level)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var grouping = Task.Run(() => BtsPositionGrouping.Positions(dataset));
        var locator = DatasetIndexes.Locator(dataset);
        PhaseMarks.Mark("index");
        var positions = grouping.GetAwaiter().GetResult();

        // The rows read only the unit of each position (urban or not is for the pairs).
        var facts = positions
            .AsParallel()
            .AsOrdered()
            .Select(p => (Unit: locator.Locate(p.Location.Coordinate), Urban: false))
            .ToArray();
        return Rows(dataset, level, positions, facts);
    }

    /// <summary>
    /// The missed sharing alone (<c>sharing --only pairs</c>): the pairs <see cref="Run"/> gives, with nothing else
    /// computed; a position's unit and urban flag are found only for the positions of candidate pairs.
    /// </summary>
    public static IReadOnlyList<MissedSharingPair> MissedPairs(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var grouping = Task.Run(() => BtsPositionGrouping.Positions(dataset));
        var locator = DatasetIndexes.Locator(dataset);
        var urbanArea = DatasetIndexes.Urban(dataset);
        PhaseMarks.Mark("index");
        var positions = grouping.GetAwaiter().GetResult();
        var facts = new (AdminUnit? Unit, bool Urban)?[positions.Count];
        (AdminUnit? Unit, bool Urban) Fact(int i)
        {
            var c = positions[i].Location.Coordinate;
            return facts[i] ??= (locator.Locate(c), urbanArea.IsUrban(c));
        }

        return MissedSharing(positions, Fact, dataset.Rules);
    }

    private static bool ExistingTower(TowerPosition p) => p.Tower is { Status: TowerStatus.Existing };

    private static (List<SharingRow> Rows, int Unassigned) Rows(Dataset dataset, AdminLevel level, IReadOnlyList<TowerPosition> positions, (AdminUnit? Unit, bool Urban)[] facts)
    {
        var units = dataset.AdminUnits.Where(u => u.Level == level).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var wholeDataset = dataset.AdminUnits.Count == 0;
        if (wholeDataset)
        {
            units = [new AdminUnit(string.Empty, dataset.Name, level, null, null, null, null, null)];
        }

        var tallies = units.ToDictionary(u => u.Code, _ => new Tally(), StringComparer.Ordinal);
        var targetOf = new Dictionary<string, Tally?>(StringComparer.Ordinal);
        Tally? TallyFor(AdminUnit? unit)
        {
            if (wholeDataset)
            {
                return tallies[string.Empty];
            }

            if (unit is null)
            {
                return null;
            }

            if (!targetOf.TryGetValue(unit.Code, out var tally))
            {
                var target = dataset.Hierarchy.SelfAndAncestors(unit.Code).FirstOrDefault(a => a.Level == level);
                targetOf[unit.Code] = tally = target is null ? null : tallies[target.Code];
            }

            return tally;
        }

        var unassigned = 0;
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            var unit = facts[i].Unit;
            // A position counts when BTS stand on it or it is an existing tower of towers.csv, BTS or not (issue 11).
            var counts = p.BtsIndices.Count > 0 || ExistingTower(p);
            if (unit is null && counts && !wholeDataset)
            {
                unassigned++;
            }

            if (TallyFor(unit) is not { } tally)
            {
                continue;
            }

            if (ExistingTower(p) && dataset.Rules.MaxTenants(p.Tower!) is { } max && max > p.Operators.Count)
            {
                tally.SpareSlots += max - p.Operators.Count;
            }

            if (!counts)
            {
                continue;
            }

            tally.All.Add(p.BtsIndices.Count, p.Shared);
            foreach (var op in p.Operators)
            {
                var btsOfOperator = p.BtsIndices.Count(b => dataset.Bts[b].Operator == op);
                if (!tally.ByOperator.TryGetValue(op, out var t))
                {
                    tally.ByOperator[op] = t = new Counts();
                }

                t.Add(btsOfOperator, p.Shared);
            }
        }

        var rows = new List<SharingRow>();
        foreach (var unit in units)
        {
            var tally = tallies[unit.Code];
            rows.Add(tally.All.Row(unit, null, tally.SpareSlots));
            foreach (var (op, counts) in tally.ByOperator.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                rows.Add(counts.Row(unit, op, null));
            }
        }

        return (rows, unassigned);
    }

    /// <param name="fact">Each position's unit and urban flag, asked only for the positions of candidate pairs.</param>
    private static List<MissedSharingPair> MissedSharing(IReadOnlyList<TowerPosition> positions, Func<int, (AdminUnit? Unit, bool Urban)> fact, ProvinceRules rules)
    {
        var single = Enumerable.Range(0, positions.Count).Where(i => positions[i].Operators.Count == 1).ToList();
        var pairs = new List<MissedSharingPair>();
        foreach (var (i, j, d) in PairsWithin(positions, single, rules.MustShareM.MaxM))
        {
            var (a, b) = (positions[i], positions[j]);
            if (a.Operators[0] == b.Operators[0])
            {
                continue;
            }

            var urban = fact(i).Urban && fact(j).Urban;
            var limit = rules.MustShareM.For(urban);
            if (d < limit)
            {
                var first = i;
                if (string.CompareOrdinal(a.Id, b.Id) > 0)
                {
                    (a, b, first) = (b, a, j);
                }

                pairs.Add(new MissedSharingPair(a.Id, a.Operators[0], b.Id, b.Operators[0], d, limit, urban, fact(first).Unit?.Code));
            }
        }

        return [.. pairs.OrderBy(p => p.PositionA, StringComparer.Ordinal).ThenBy(p => p.PositionB, StringComparer.Ordinal)];
    }

    private static List<TowerCapacity> Capacity(IReadOnlyList<TowerPosition> positions, (AdminUnit? Unit, bool Urban)[] facts, ProvinceRules rules)
    {
        var list = new List<TowerCapacity>();
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            if (ExistingTower(p) && rules.MaxTenants(p.Tower!) is { } max)
            {
                list.Add(new TowerCapacity(p.Id, p.Tower!.Type, p.Operators.Count, max, max - p.Operators.Count, p.Operators, facts[i].Unit?.Code));
            }
        }

        return [.. list.OrderBy(c => c.TowerId, StringComparer.Ordinal)];
    }

    private static List<TowerToConvert> ToConvert(IReadOnlyList<TowerPosition> positions, (AdminUnit? Unit, bool Urban)[] facts, ZoneIndex zones, ProvinceRules rules)
    {
        var list = new List<TowerToConvert>();
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            if (!ExistingTower(p))
            {
                continue;
            }

            var tower = p.Tower!;
            var bulky = rules.Class(tower.Type)?.Bulky;
            foreach (var zone in zones.At(p.Location.Coordinate))
            {
                string? code = null;
                double? maxHeight = null;
                switch (zone.Kind)
                {
                    case ZoneKinds.A1Only or ZoneKinds.NoNewBulky when bulky == true:
                        code = ApprovalCodes.ZoneClassNotAllowed;
                        break;
                    case ZoneKinds.NoTower:
                        code = ApprovalCodes.NoTowerZone;
                        break;
                    case ZoneKinds.HeightLimit when ZoneKinds.MaxHeightM(zone) is { } limit && tower.HeightM > limit:
                        code = ApprovalCodes.HeightLimit;
                        maxHeight = limit;
                        break;
                }

                if (code is not null)
                {
                    list.Add(new TowerToConvert(tower.Id, tower.Type, tower.HeightM, zone.Id, zone.Kind, zone.Name, code, maxHeight, facts[i].Unit?.Code));
                }
            }
        }

        return [.. list.OrderBy(t => t.TowerId, StringComparer.Ordinal).ThenBy(t => t.ZoneId, StringComparer.Ordinal)];
    }

    private static List<SpacingViolation> SpacingViolations(IReadOnlyList<TowerPosition> positions, (AdminUnit? Unit, bool Urban)[] facts, ProvinceRules rules)
    {
        var ruled = Enumerable.Range(0, positions.Count)
            .Where(i => ExistingTower(positions[i]) && rules.MinSpacingM(positions[i].Tower!.Type, positions[i].Tower!.HeightM, urban: false) is not null)
            .ToList();
        var list = new List<SpacingViolation>();
        foreach (var (i, j, d) in PairsWithin(positions, ruled, rules.MaxSpacingM))
        {
            var (a, b) = (positions[i].Tower!, positions[j].Tower!);
            var urban = facts[i].Urban && facts[j].Urban;
            if (rules.RequiredSpacingM(a.Type, a.HeightM, b.Type, b.HeightM, urban) is { } limit && d < limit)
            {
                if (string.CompareOrdinal(a.Id, b.Id) > 0)
                {
                    (a, b) = (b, a);
                }

                list.Add(new SpacingViolation(a.Id, a.Type, a.HeightM, b.Id, b.Type, b.HeightM, d, limit, urban));
            }
        }

        return [.. list.OrderBy(v => v.TowerA, StringComparer.Ordinal).ThenBy(v => v.TowerB, StringComparer.Ordinal)];
    }

    /// <summary>Every unordered pair of the chosen positions within <paramref name="radiusM"/> of each other, once, with the distance.</summary>
    private static IEnumerable<(int I, int J, double DistanceM)> PairsWithin(IReadOnlyList<TowerPosition> positions, List<int> chosen, double radiusM)
    {
        if (chosen.Count < 2 || radiusM <= 0)
        {
            yield break;
        }

        // The callers sort what they keep by id, so the order pairs come in does not matter.
        var grid = PointSquares.Grid(chosen, i => positions[i].Location.Coordinate, radiusM);
        foreach (var i in chosen)
        {
            var c = positions[i].Location.Coordinate;
            foreach (var j in grid.At(c))
            {
                if (j > i && positions[j].Location.Coordinate.Distance(c) is var d && d <= radiusM)
                {
                    yield return (i, j, d);
                }
            }
        }
    }

    private sealed class Counts
    {
        private int positions;
        private int bts;
        private int shared;

        public void Add(int btsHere, bool isShared)
        {
            positions++;
            bts += btsHere;
            shared += isShared ? 1 : 0;
        }

        public SharingRow Row(AdminUnit unit, string? op, int? spare) => new(
            unit.Code,
            unit.Name,
            unit.Level,
            op,
            positions,
            bts,
            positions > 0 ? (double)bts / positions : null,
            shared,
            positions > 0 ? 100.0 * shared / positions : null,
            spare);
    }

    private sealed class Tally
    {
        public Counts All { get; } = new();

        public Dictionary<string, Counts> ByOperator { get; } = new(StringComparer.Ordinal);

        public int SpareSlots { get; set; }
    }
}
