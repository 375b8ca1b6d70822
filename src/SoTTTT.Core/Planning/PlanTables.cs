using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Planning;

/// <summary>The plan's tables by commune and by district: existing positions by class, to keep / convert / remove, new by phase and class, sharing.</summary>
internal static class PlanTables
{
    public static (List<PlanUnitRow> Communes, List<PlanUnitRow> Districts) Build(Dataset dataset, IReadOnlyList<TowerPosition> before, IReadOnlyList<PlanPosition> plan)
    {
        var original = before.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var communes = dataset.AdminUnits.Where(u => u.Level == AdminLevel.Commune).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var byCommune = plan.Where(p => p.CommuneCode is not null).GroupBy(p => p.CommuneCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var communeRows = communes.Select(u => Row(u, byCommune.GetValueOrDefault(u.Code) ?? [], original)).ToList();
        var districts = dataset.AdminUnits.Where(u => u.Level == AdminLevel.District).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var districtRows = districts.Select(d =>
        {
            var inside = communes.Where(c => dataset.Hierarchy.SelfAndAncestors(c.Code).Any(a => a.Code == d.Code)).SelectMany(c => byCommune.GetValueOrDefault(c.Code) ?? []).ToList();
            return Row(d, inside, original);
        }).ToList();
        return (communeRows, districtRows);
    }

    private static PlanUnitRow Row(AdminUnit unit, List<PlanPosition> positions, Dictionary<string, TowerPosition> original)
    {
        var existing = positions.Where(p => p.Status != PlanPositionStatus.New).ToList();
        var byClass = existing
            .GroupBy(p => (original.TryGetValue(p.Id, out var o) ? o.Tower?.Type : p.Type) ?? "-", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var newOnes = positions.Where(p => p.Status == PlanPositionStatus.New).ToList();
        var beforeOps = existing.Select(p => original.TryGetValue(p.Id, out var o) ? o.Operators.Count : 0).Where(n => n > 0).ToList();
        var after = positions.Where(p => p.Status != PlanPositionStatus.Remove && p.Operators.Count > 0).ToList();
        return new PlanUnitRow(
            unit.Code,
            unit.Name,
            unit.Level,
            unit.ParentCode,
            existing.Count,
            byClass,
            existing.Count(p => p.Status == PlanPositionStatus.Keep),
            existing.Count(p => p.Status == PlanPositionStatus.Convert),
            existing.Count(p => p.Status == PlanPositionStatus.Remove),
            newOnes.GroupBy(p => p.Phase ?? 0).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            newOnes.GroupBy(p => p.Type ?? "-", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            existing.Count(p => p.Status == PlanPositionStatus.Share),
            positions.Sum(p => p.VillagesGained),
            positions.Sum(p => p.PopulationGained),
            beforeOps.Count == 0 ? null : 100.0 * beforeOps.Count(n => n >= 2) / beforeOps.Count,
            after.Count == 0 ? null : 100.0 * after.Count(p => p.Operators.Count >= 2) / after.Count);
    }
}
