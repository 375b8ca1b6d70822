using System.Globalization;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Planning;

/// <summary>
/// The dataset as it would be once the plan is built (<c>plan --apply DIR</c>), so that <c>coverage</c>,
/// <c>indicators</c>, <c>sharing</c> and every other command can evaluate the plan:
/// <list type="bullet">
/// <item>new positions (with a phase) become existing towers of their class and height;</item>
/// <item>every operator the plan adds to a position gets one omni BTS per target technology, antenna at the tower
/// height, band and EIRP from the technology defaults (status <c>planned</c>);</item>
/// <item>converted towers take their new class and height; a position removed onto a host moves its BTS there; a tower
/// in a <c>no_tower</c> zone is removed with its BTS (the plan does not relocate it);</item>
/// <item>fibre extensions become routes (aerial, no operator: shared), routes to put underground become underground.</item>
/// </list>
/// New positions beyond every phase budget are left out. Pure.
/// </summary>
public static class PlanAppliedDataset
{
    public static Dataset Build(Dataset dataset, PlanResult plan)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(plan);
        var byId = plan.Positions.Where(p => p.Status is PlanPositionStatus.Convert or PlanPositionStatus.Remove).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var hostOf = plan.Positions.Where(p => p.Status == PlanPositionStatus.Remove && p.HostId is not null).ToDictionary(p => p.Id, p => p.HostId!, StringComparer.Ordinal);
        var positionById = plan.Positions.ToDictionary(p => p.Id, StringComparer.Ordinal);

        var towers = new List<Tower>();
        foreach (var t in dataset.Towers)
        {
            if (byId.TryGetValue(t.Id, out var p))
            {
                if (p.Status == PlanPositionStatus.Remove)
                {
                    continue;
                }

                towers.Add(t with { Type = p.Type, HeightM = p.HeightM });
            }
            else
            {
                towers.Add(t);
            }
        }

        var built = plan.Positions.Where(p => p.Status == PlanPositionStatus.New && p.Phase is not null).ToList();
        towers.AddRange(built.Select(p => new Tower(p.Id, p.Location, "quy_hoach", p.Type, p.HeightM, TowerStatus.Existing, null)));

        // BTS of removed positions: moved onto the host (its tower), or removed with a tower in a no-tower zone.
        var removedTowerIds = byId.Values.Where(p => p.Status == PlanPositionStatus.Remove).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var bts = new List<Bts>();
        var inferredRemoved = removedTowerIds.Where(id => id.StartsWith('~')).ToHashSet(StringComparer.Ordinal);
        foreach (var b in dataset.Bts)
        {
            var positionId = b.TowerId ?? (inferredRemoved.Contains("~" + b.Id) ? "~" + b.Id : null);
            if (positionId is null)
            {
                positionId = inferredRemoved.FirstOrDefault(id => positionById[id].Location.Distance(b.Location) <= dataset.Rules.CoLocationM);
            }

            if (positionId is not null && removedTowerIds.Contains(positionId))
            {
                if (hostOf.TryGetValue(positionId, out var host))
                {
                    var to = positionById[host];
                    bts.Add(b with { Location = to.Location, TowerId = host.StartsWith('~') ? null : host });
                }

                continue;
            }

            bts.Add(b);
        }

        var techs = plan.Targets.Coverage.Select(c => c.Tech).Distinct().Order().ToList();
        foreach (var p in plan.Positions.Where(p => (p.Status == PlanPositionStatus.New && p.Phase is not null) || (p.Status == PlanPositionStatus.Share && p.Reason == "COVERAGE")))
        {
            var towerId = p.Id.StartsWith('~') ? null : p.Id;
            foreach (var op in p.NewOperators)
            {
                foreach (var tech in techs)
                {
                    bts.Add(new Bts(
                        string.Create(CultureInfo.InvariantCulture, $"{p.Id}-{op}-{Codes.Label(tech)}"),
                        op,
                        tech,
                        p.Location,
                        towerId,
                        null,
                        p.HeightM,
                        null,
                        null,
                        null,
                        null,
                        "planned"));
                }
            }
        }

        var underground = plan.Fibre.Where(f => f.Kind == "undergrounding" && f.Phase is not null).Select(f => f.FromId).ToHashSet(StringComparer.Ordinal);
        var routes = dataset.FibreRoutes.Select(r => underground.Contains(r.Id) ? r with { Placement = CablePlacement.Underground } : r).ToList();
        routes.AddRange(plan.Fibre.Where(f => f.Kind == "extension").Select(f => new FibreRoute(f.Id, f.Path, null, CablePlacement.Aerial, null)));

        var layers = new HashSet<string>(dataset.Layers, StringComparer.Ordinal);
        if (towers.Count > 0)
        {
            layers.Add(Dataset.LayerNames.Towers);
        }

        if (bts.Count > 0)
        {
            layers.Add(Dataset.LayerNames.Bts);
        }

        if (routes.Count > 0)
        {
            layers.Add(Dataset.LayerNames.FibreRoutes);
        }

        return dataset with { Towers = towers, Bts = bts, FibreRoutes = routes, Layers = layers };
    }
}
