using System.Globalization;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;
using SoTTTT.Core.Sharing;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Planning;

/// <summary>
/// The plan's fibre works. Extensions: each new position (by its phase), each commune centre beyond fibre reach
/// (<see cref="CommuneCentres"/>, as the indicators and coverage take it) and the villages of the village target are
/// connected to the existing routes or to a node connected before, whichever is nearer — Prim's minimum spanning tree
/// over the nodes of a phase with the network (and the earlier phases' nodes) as its root, so a chain of nearby
/// positions shares one cable where that is shorter. A link is drawn straight and counted as its length × the detour
/// factor (no road layer in the dataset contract). A node already within <c>fibre_reach_m</c> of a route needs no link.
/// Undergrounding: the sharing analysis' urban aerial routes, largest first, until each phase's cumulative share is met;
/// km in another operator's corridor count as shared duct.
/// </summary>
internal static class PlanFibre
{
    public const string Extension = "extension";
    public const string Undergrounding = "undergrounding";

    public sealed record Facts(int CommuneCentres, int CommuneCentresWithoutFibre, int VillagesBefore, int VillagesAfter);

    public static List<PlanFibreLink> Build(Dataset dataset, PlanTargets targets, SharingResult sharing, IReadOnlyList<PlanPosition> positions, bool[] remote, GeometryFactory factory, out Facts facts)
    {
        var network = new FibreNetwork(dataset.FibreRoutes.Select(r => r.Path));
        var reach = dataset.Rules.FibreReachM;
        bool Reached(Coordinate c) => network.Nearest(c) is { } n && n.DistanceM <= reach;

        var nodes = new List<(string Id, string Purpose, Coordinate At, int Phase)>();
        foreach (var p in positions.Where(p => p.Status == PlanPositionStatus.New && p.Phase is not null).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            nodes.Add((p.Id, "position", p.Location.Coordinate, p.Phase!.Value));
        }

        var centres = CommuneCentres.Of(dataset, DatasetIndexes.Locator(dataset))
            .Select(c => (c.Commune.Code, c.At))
            .ToList();
        var centresWithout = centres.Where(c => !Reached(c.At)).ToList();
        if (targets.Fibre.CommuneCentres)
        {
            var phase = targets.Phase(targets.Fibre.CommuneCentresPhase).Number;
            nodes.AddRange(centresWithout.Select(c => (c.Code, "commune_centre", c.At, phase)));
        }

        var settlements = dataset.Settlements;
        var withFibre = settlements.Select(s => Reached(s.Location.Coordinate)).ToArray();
        var before = withFibre.Count(f => f);
        var villagesAdded = 0;
        if (targets.Fibre.VillageSharePct is { } pct)
        {
            var need = (int)Math.Ceiling((pct / 100 * settlements.Count) - before - 1e-9);
            var phase = targets.Phase(targets.Fibre.VillagesPhase).Number;
            var chosen = Enumerable.Range(0, settlements.Count)
                .Where(s => !withFibre[s])
                .OrderByDescending(s => remote[s]).ThenByDescending(s => settlements[s].Population ?? 0).ThenBy(s => settlements[s].Id, StringComparer.Ordinal)
                .Take(Math.Max(need, 0))
                .ToList();
            villagesAdded = chosen.Count;
            nodes.AddRange(chosen.Select(s => (settlements[s].Id, "village", settlements[s].Location.Coordinate, phase)));
        }

        facts = new Facts(centres.Count, centresWithout.Count, before, before + villagesAdded);
        var links = new List<PlanFibreLink>();
        var connected = new List<(string Id, Coordinate At)>();
        var sequence = 0;
        foreach (var phase in nodes.Select(n => n.Phase).Distinct().Order())
        {
            var open = nodes.Where(n => n.Phase == phase).ToList();
            var best = open.Select(n => network.Nearest(n.At) is { } near
                ? (DistanceM: near.DistanceM, To: "network", Point: near.Point)
                : (DistanceM: double.PositiveInfinity, To: "network", Point: n.At)).ToList();
            for (var i = 0; i < open.Count; i++)
            {
                foreach (var (id, at) in connected)
                {
                    var d = open[i].At.Distance(at);
                    if (d < best[i].DistanceM)
                    {
                        best[i] = (d, id, at);
                    }
                }
            }

            while (open.Count > 0)
            {
                var k = 0;
                for (var i = 1; i < open.Count; i++)
                {
                    if (best[i].DistanceM < best[k].DistanceM)
                    {
                        k = i;
                    }
                }

                var node = open[k];
                var link = best[k];
                open.RemoveAt(k);
                best.RemoveAt(k);
                if (double.IsFinite(link.DistanceM) && link.DistanceM > reach)
                {
                    links.Add(new PlanFibreLink(
                        string.Create(CultureInfo.InvariantCulture, $"F-{++sequence:D4}"),
                        Extension,
                        node.Purpose,
                        factory.CreateLineString([node.At.Copy(), link.Point.Copy()]),
                        phase,
                        null,
                        link.DistanceM * targets.Fibre.DetourFactor / 1000,
                        node.Id,
                        link.To));
                }

                if (double.IsFinite(link.DistanceM))
                {
                    connected.Add((node.Id, node.At));
                    for (var i = 0; i < open.Count; i++)
                    {
                        var d = open[i].At.Distance(node.At);
                        if (d < best[i].DistanceM)
                        {
                            best[i] = (d, node.Id, node.At);
                        }
                    }
                }
            }
        }

        links.AddRange(Underground(dataset, targets, sharing));
        return links;
    }

    private static IEnumerable<PlanFibreLink> Underground(Dataset dataset, PlanTargets targets, SharingResult sharing)
    {
        var routes = dataset.FibreRoutes.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var ductKm = sharing.Fibre.Stretches.GroupBy(s => s.RouteId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.LengthM) / 1000, StringComparer.Ordinal);
        var list = sharing.Fibre.Undergrounding.Where(u => u.ToUndergroundKm > 0)
            .OrderByDescending(u => u.ToUndergroundKm).ThenBy(u => u.RouteId, StringComparer.Ordinal)
            .ToList();
        var total = list.Sum(u => u.ToUndergroundKm);
        var done = 0.0;
        foreach (var u in list)
        {
            int? phase = null;
            for (var i = 0; i < targets.Phases.Count; i++)
            {
                var pct = targets.UndergroundPctByPhase.Count == 0 ? 0 : targets.UndergroundPctByPhase[Math.Min(i, targets.UndergroundPctByPhase.Count - 1)];
                if (done < (pct / 100 * total) - 1e-9)
                {
                    phase = targets.Phases[i].Number;
                    break;
                }
            }

            if (phase is null)
            {
                yield break;
            }

            done += u.ToUndergroundKm;
            yield return new PlanFibreLink("U-" + u.RouteId, Undergrounding, "urban_aerial", routes[u.RouteId].Path, phase, u.Operator, u.ToUndergroundKm, u.RouteId, null, Math.Min(ductKm.GetValueOrDefault(u.RouteId), u.ToUndergroundKm));
        }
    }
}
