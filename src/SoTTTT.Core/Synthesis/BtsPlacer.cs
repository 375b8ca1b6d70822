using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Puts BTS on the existing towers: every tower carries its owner's (or, for a tower company, a tenant's) BTS, and
/// the rest are shared out, up to each tower's tenant limit, until the target count (Hải Dương: 2,952 BTS on 1,300
/// positions, 2.27 per position). A few percent of BTS do not name their tower but stand within 10 m of it, as
/// in operators' lists, so positions must be inferred by clustering.
/// </summary>
internal static class BtsPlacer
{
    private static readonly string[] Operators = ["Viettel", "VNPT", "MobiFone", "Vietnamobile"];
    private static readonly double[] OperatorShares = [0.36, 0.27, 0.27, 0.10];
    private static readonly Technology[] Techs = [Technology.G2, Technology.G3, Technology.G4];

    public static void Place(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Bts);
        var towers = world.Towers;
        var existing = Enumerable.Range(0, towers.Count).Where(i => towers[i].Status == TowerStatus.Existing).ToList();
        var tenants = towers.Select(_ => new List<(int Operator, Technology Tech)>()).ToArray();

        foreach (var t in existing)
        {
            var op = Array.IndexOf(Operators, towers[t].Owner);
            if (op < 0)
            {
                op = random.PickWeighted(OperatorShares);
            }

            tenants[t].Add((op, PickTech(random, world.TowerSettings[t].Remote)));
        }

        var towerWeights = RandomExtensions.Cumulative([.. existing.Select(t => world.TowerSettings[t] switch
        {
            { Remote: true } => 0.6,
            { Urban: true } => 1.4,
            _ => 1.0,
        })]);
        var remaining = world.Options.BtsCount - existing.Count;
        var failures = 0;
        while (remaining > 0 && failures < 1_000_000)
        {
            var t = existing[random.PickCumulative(towerWeights)];
            var list = tenants[t];
            var op = random.PickWeighted(OperatorShares);
            var operatorsOnTower = list.Select(x => x.Operator).Distinct().Count();
            if (!list.Exists(x => x.Operator == op) && operatorsOnTower >= towers[t].MaxTenants)
            {
                op = list[random.Next(list.Count)].Operator;
            }

            var tech = PickTech(random, world.TowerSettings[t].Remote);
            if (list.Contains((op, tech)))
            {
                failures++;
                continue;
            }

            list.Add((op, tech));
            remaining--;
        }

        var total = world.Options.BtsCount;
        var number = 0;
        foreach (var t in existing)
        {
            var tower = towers[t];
            var (urban, _) = world.TowerSettings[t];
            foreach (var (op, tech) in tenants[t].OrderBy(x => x.Operator).ThenBy(x => x.Tech))
            {
                // Most BTS name their tower and sit on it (survey offsets under 3 m); 3 % name none and stand 3–9 m off.
                var declared = !random.Chance(0.03);
                var offset = declared ? random.Uniform(0, 3) : random.Uniform(3, 9);
                var theta = random.Uniform(0, 2 * Math.PI);
                var at = new Coordinate(tower.Location.X + (offset * Math.Cos(theta)), tower.Location.Y + (offset * Math.Sin(theta)));
                var sectored = random.Chance(urban ? 0.65 : 0.35);
                var antennaHeight = Math.Max(3, tower.HeightM!.Value - random.Uniform(0, Math.Min(4, 0.15 * tower.HeightM.Value)));
                world.Bts.Add(new Bts(
                    SynthWorld.Id("B", ++number, total),
                    Operators[op],
                    tech,
                    world.CreatePoint(at),
                    declared ? tower.Id : null,
                    Band(random, tech),
                    Math.Round(antennaHeight, 1),
                    Math.Round(tech switch
                    {
                        Technology.G2 => random.Uniform(56, 61),
                        Technology.G3 => random.Uniform(55, 60),
                        _ => random.Uniform(57, 62),
                    }, 1),
                    sectored ? 120 * random.Next(3) : null,
                    sectored ? 65 : null,
                    sectored ? random.Next(2, 9) : null,
                    "existing"));
            }
        }
    }

    /// <summary>2G, 3G or 4G; remote sites lag behind on 4G, so 4G gaps show there.</summary>
    private static Technology PickTech(Random random, bool remote) =>
        Techs[random.PickWeighted(remote ? [0.45, 0.35, 0.2] : [0.28, 0.3, 0.42])];

    /// <summary>Bands as Vietnamese operators use them: GSM 900/1800, UMTS 2100 (some 900), LTE mostly 1800.</summary>
    private static double Band(Random random, Technology tech) => tech switch
    {
        Technology.G2 => random.Chance(0.75) ? 900 : 1800,
        Technology.G3 => random.Chance(0.85) ? 2100 : 900,
        _ => random.NextDouble() switch { < 0.7 => 1800, < 0.85 => 2600, < 0.95 => 900, _ => 2100 },
    };
}
