using SoTTTT.Core.Approval;
using SoTTTT.Core.Model;
using SoTTTT.Core.Sharing;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Planning;

/// <summary>
/// What the plan does with the existing positions: convert the towers their zone no longer allows (the sharing
/// analysis' towers to convert: a non-bulky class in <c>a1_only</c>/<c>no_new_bulky</c> zones, no taller than a height
/// limit; removed in a <c>no_tower</c> zone), consolidate pairs of single-operator positions of different operators
/// within the must-share distance (the sharing analysis' missed sharing) onto the one with spare capacity, the other
/// removed; keep the rest.
/// </summary>
internal static class PlanExisting
{
    public static List<PlanPosition> Positions(
        Dataset dataset,
        SharingResult sharing,
        IReadOnlyList<TowerPosition> positions,
        IReadOnlyList<PlanPosition> plan,
        PlanTargets targets,
        UnitLocator locator)
    {
        var rules = dataset.Rules;
        var planned = plan.Where(p => p.Status == PlanPositionStatus.Share).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var byId = positions.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var convert = sharing.ToConvert.GroupBy(t => t.TowerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // Consolidation of missed sharing: the host takes the other's operators.
        var involved = new HashSet<string>(planned, StringComparer.Ordinal);
        involved.UnionWith(convert.Keys);
        var removedTo = new Dictionary<string, string>(StringComparer.Ordinal);
        var moved = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int Spare(TowerPosition p) => p.Tower is { Status: TowerStatus.Existing } t && rules.MaxTenants(t) is { } max
            ? max - p.Operators.Count - (moved.TryGetValue(p.Id, out var m) ? m.Count : 0)
            : 0;
        foreach (var pair in sharing.MissedSharing)
        {
            if (involved.Contains(pair.PositionA) || involved.Contains(pair.PositionB) || !byId.TryGetValue(pair.PositionA, out var a) || !byId.TryGetValue(pair.PositionB, out var b))
            {
                continue;
            }

            var (host, other) = Spare(a) >= Spare(b) ? (a, b) : (b, a);
            if (Spare(host) < other.Operators.Count)
            {
                continue;
            }

            removedTo[other.Id] = host.Id;
            if (!moved.TryGetValue(host.Id, out var list))
            {
                moved[host.Id] = list = [];
            }

            list.AddRange(other.Operators.Where(op => !host.Operators.Contains(op)));
            involved.Add(other.Id);
            involved.Add(host.Id);
        }

        var result = new List<PlanPosition>();
        foreach (var p in positions)
        {
            if (planned.Contains(p.Id) || (p.BtsIndices.Count == 0 && p.Tower is not { Status: TowerStatus.Existing }))
            {
                continue;
            }

            var commune = PlanAnalysis.CommuneCode(dataset, locator.Locate(p.Location.Coordinate));
            var type = p.Tower?.Type;
            var height = p.Tower?.HeightM;
            if (convert.TryGetValue(p.Id, out var rows))
            {
                var codes = rows.Select(r => r.Code).Distinct().Order(StringComparer.Ordinal).ToList();
                if (codes.Contains(ApprovalCodes.NoTowerZone))
                {
                    result.Add(new PlanPosition(p.Id, p.Location, type, height, PlanPositionStatus.Remove, targets.ConvertPhase, commune, p.Operators, [], ApprovalCodes.NoTowerZone, "existing", 0, 0));
                    continue;
                }

                if (codes.Contains(ApprovalCodes.ZoneClassNotAllowed))
                {
                    type = targets.NonBulky.Class;
                    height = Math.Min(height ?? targets.NonBulky.HeightM, targets.NonBulky.HeightM);
                }

                foreach (var limit in rows.Where(r => r.MaxHeightM is not null).Select(r => r.MaxHeightM!.Value))
                {
                    height = Math.Min(height ?? limit, limit);
                }

                result.Add(new PlanPosition(p.Id, p.Location, type, height, PlanPositionStatus.Convert, targets.ConvertPhase, commune, p.Operators, [], string.Join(';', codes), "existing", 0, 0));
                continue;
            }

            if (removedTo.TryGetValue(p.Id, out var hostId))
            {
                result.Add(new PlanPosition(p.Id, p.Location, type, height, PlanPositionStatus.Remove, targets.ConsolidatePhase, commune, p.Operators, [], ApprovalCodes.MustShare, "existing", 0, 0, hostId));
                continue;
            }

            if (moved.TryGetValue(p.Id, out var incoming) && incoming.Count > 0)
            {
                var added = incoming.Distinct().Order(StringComparer.Ordinal).ToList();
                result.Add(new PlanPosition(p.Id, p.Location, type, height, PlanPositionStatus.Share, targets.ConsolidatePhase, commune, [.. p.Operators.Concat(added).Distinct().Order(StringComparer.Ordinal)], added, ApprovalCodes.MustShare, "existing", 0, 0));
                continue;
            }

            result.Add(new PlanPosition(p.Id, p.Location, type, height, PlanPositionStatus.Keep, null, commune, p.Operators, [], "EXISTING", "existing", 0, 0));
        }

        return result;
    }
}
