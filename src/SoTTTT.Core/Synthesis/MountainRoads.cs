using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Roads of the mountain profile follow the valleys: the trunks and their first branches along their whole length,
/// other valleys up to the commune centre that stands on them (and the valleys below, down to a road). Valleys above
/// the last commune centre have no road, so the villages far up them are the hardest to serve. The valley points of a
/// commune are where its villages line up; communes are then ranked by remoteness.
/// </summary>
internal static class MountainRoads
{
    public static void Build(SynthWorld world)
    {
        var terrain = world.Terrain!;
        var valleys = terrain.Valleys;
        var need = valleys.Select(v => v.Level <= 1 ? v.LengthM : 0).ToArray();
        foreach (var commune in world.Communes)
        {
            var i = terrain.NearestValleyPoint(commune.Centre, 500);
            if (i >= 0 && terrain.ValleyPoints[i] is { Valley: >= 0 } p)
            {
                need[p.Valley] = Math.Max(need[p.Valley], Math.Min(valleys[p.Valley].LengthM, p.ArcM + 300));
            }
        }

        // A branch comes after its parent, so one backward pass carries every need down to a road.
        for (var v = valleys.Count - 1; v >= 0; v--)
        {
            if (need[v] > 0 && valleys[v].Parent >= 0)
            {
                need[valleys[v].Parent] = Math.Max(need[valleys[v].Parent], valleys[v].JunctionArcM);
            }
        }

        foreach (var valley in valleys.OrderBy(v => v.Level).ThenBy(v => v.Index))
        {
            var points = new List<Coordinate>();
            for (var k = 0; k < valley.Points.Count && valley.ArcM[k] <= need[valley.Index] + 1e-6; k++)
            {
                points.Add(valley.Points[k]);
            }

            if (points.Count >= 2)
            {
                RoadBuilder.AddClipped(world, world.Roads, [.. points]);
            }

            if (valley.Level == 0)
            {
                world.HighwayCount = world.Roads.Count;
            }
        }

        foreach (var p in terrain.ValleyPoints)
        {
            world.CommuneAt(p.At)?.Roadside.Add(p.At);
        }

        RoadBuilder.RankRemoteness(world);
    }
}
