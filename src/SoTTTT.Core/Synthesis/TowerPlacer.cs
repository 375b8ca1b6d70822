using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Places tower positions, denser in towns, kept apart by the usual minimum spacing (DOMAIN.md: about 150 m urban,
/// 300 m and more rural): rooftop A1a/A1b and urban A2a in towns, ground A2b of 30–60 m in the countryside; a few
/// planned positions besides. Remote communes get few towers.
/// </summary>
internal static class TowerPlacer
{
    /// <summary>Tower owners: the four operators and two tower companies (synthetic names), with their shares.</summary>
    private static readonly (string Owner, double Share)[] Owners =
    [
        ("Viettel", 0.36), ("VNPT", 0.24), ("MobiFone", 0.2), ("Vietnamobile", 0.05),
        ("Hạ tầng Viễn thông Sao Mai", 0.09), ("Hạ tầng Đông Dương", 0.06),
    ];

    public static void Place(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Towers);
        var communes = world.Communes;
        var options = world.Options;
        var weights = communes.Select(c => Math.Pow(c.Population, 0.85) * (c.Urban ? 1.8 : 1.0) * (c.Remote ? 0.15 : 1.0)).ToArray();
        var counts = RandomExtensions.Apportion(weights, options.TowerCount);
        var plannedWeights = communes.Select(c => c.Remote ? 3.0 : c.Urban ? 0.3 : 1.0).ToArray();
        var plannedCounts = RandomExtensions.Apportion([.. plannedWeights.Select(w => w * random.Uniform(0, 1))], options.PlannedTowerCount);
        var a1Zones = world.Zones.Where(z => z.Kind == ZonePlacer.A1Only).ToList();
        var grid = new PointGrid(500);
        var towers = new List<(SynthCommune Commune, Coordinate At, string Type, double Height, TowerStatus Status, int MaxTenants, string Owner)>();
        var ownerWeights = Owners.Select(o => o.Share).ToArray();

        for (var ci = 0; ci < communes.Count; ci++)
        {
            var commune = communes[ci];
            for (var k = 0; k < counts[ci] + plannedCounts[ci]; k++)
            {
                var planned = k >= counts[ci];
                var spacing = commune.Urban ? 150.0 : 350.0;
                var at = Position(random, commune, grid, spacing);
                grid.Add(at);
                var inA1 = a1Zones.Exists(z => z.Area.EnvelopeInternal.Contains(at) && z.Area.Contains(world.Factory.CreatePoint(at)));
                var urban = commune.Urban || world.InCore(at);
                var type = inA1 ? (random.Chance(0.6) ? "A1a" : "A1b")
                    : urban ? random.NextDouble() switch { < 0.2 => "A1a", < 0.35 => "A1b", _ => "A2a" }
                    : random.Chance(0.12) ? "A2a" : "A2b";
                var height = type switch
                {
                    "A1a" => random.Uniform(12, 27),
                    "A1b" => random.Uniform(10, 25),
                    "A2a" => random.Uniform(15, 30),
                    _ => random.Uniform(30, 60),
                };
                var maxTenants = type switch
                {
                    "A1a" or "A1b" => 2,
                    "A2a" => 3,
                    _ => random.Chance(0.6) ? 3 : 4,
                };
                var owner = Owners[random.PickWeighted(ownerWeights)].Owner;
                towers.Add((commune, at, type, Math.Round(height, 1), planned ? TowerStatus.Planned : TowerStatus.Existing, maxTenants, owner));
            }
        }

        var total = towers.Count;
        for (var i = 0; i < towers.Count; i++)
        {
            var (commune, at, type, height, status, maxTenants, owner) = towers[i];
            world.Towers.Add(new Tower(SynthWorld.Id("T", i + 1, total), world.CreatePoint(at), owner, type, height, status, maxTenants));
            world.TowerSettings.Add((commune.Urban || world.InCore(at), commune.Remote));
        }
    }

    /// <summary>A position near people (a village or the centre), at least <paramref name="spacingM"/> from other towers if possible.</summary>
    private static Coordinate Position(Random random, SynthCommune commune, PointGrid grid, double spacingM)
    {
        Coordinate? best = null;
        var bestDistance = -1.0;
        for (var attempt = 0; attempt < 25 && bestDistance < spacingM; attempt++)
        {
            Coordinate candidate;
            if (commune.Urban)
            {
                candidate = commune.Near(random, commune.Centre, 0.35 * Math.Sqrt(commune.Cell.Area));
            }
            else if (random.Chance(0.7) && commune.Settlements.Count > 0)
            {
                var village = commune.Settlements[random.PickWeighted([.. commune.Settlements.Select(s => Math.Sqrt(s.Population + 1.0))])];
                candidate = commune.Near(random, village.Location, 450);
            }
            else
            {
                candidate = commune.RandomInside(random);
            }

            var d = Math.Min(grid.NearestDistance(candidate, spacingM), spacingM);
            if (d > bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best!;
    }
}
