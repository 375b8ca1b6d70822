using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Places villages: a central one at each commune centre, the rest clustered around town centres or strung along
/// roads and rivers, spaced apart; the commune population is split among them exactly. In the mountain profile rural
/// villages (bản) line the valley floors, and about a third stand up on the slopes (100–700 m above the valley floor,
/// within 3 km of it), as highland hamlets do.
/// </summary>
internal static class SettlementPlacer
{
    public static void Place(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Settlements);
        var communes = world.Communes;
        var minimum = world.IsNational ? 3 : world.IsMountain ? 4 : 2;
        var meanArea = communes.Average(c => c.Cell.Area);
        var weights = communes.Select(c => (c.Urban ? 1.3 : Math.Sqrt(c.Cell.Area / meanArea)) * random.LogNormal(1, 0.4)).ToArray();
        var counts = RandomExtensions.Apportion(weights, world.Options.SettlementCount - ((long)minimum * communes.Count));

        var number = 0;
        for (var ci = 0; ci < communes.Count; ci++)
        {
            var commune = communes[ci];
            var count = counts[ci] + minimum;
            var names = new HashSet<string>(StringComparer.Ordinal);
            var spacing = commune.Urban ? 150.0 : world.IsMountain ? 400.0 : 350.0;
            var sigmaUrban = 0.3 * Math.Sqrt(commune.Cell.Area);
            var placed = new List<Coordinate> { commune.Near(random, commune.Centre, 60) };
            while (placed.Count < count)
            {
                Coordinate? best = null;
                var bestDistance = -1.0;
                for (var attempt = 0; attempt < 12 && bestDistance < spacing; attempt++)
                {
                    var candidate = commune.Urban
                        ? commune.Near(random, commune.Centre, sigmaUrban)
                        : world.Terrain is { } terrain
                            ? Highland(random, commune, terrain)
                            : commune.Roadside.Count > 0 && random.Chance(0.55)
                                ? commune.Near(random, random.Pick(commune.Roadside), 120)
                                : commune.RandomInside(random);
                    var d = placed.Min(p => p.Distance(candidate));
                    if (d > bestDistance)
                    {
                        best = candidate;
                        bestDistance = d;
                    }
                }

                placed.Add(best!);
            }

            var shares = placed.Select((_, i) => i == 0 ? random.LogNormal(2.2, 0.3) : random.LogNormal(1.0, 0.5)).ToArray();
            var populations = RandomExtensions.Apportion(shares, commune.Population);
            for (var i = 0; i < placed.Count; i++)
            {
                var name = world.IsMountain ? VietnameseNames.HighlandVillage(random, commune.Urban, i + 1, names) : VietnameseNames.Village(random, commune.Urban, i + 1, names);
                var settlement = new SynthSettlement(placed[i], commune, name)
                {
                    Population = populations[i],
                    Id = SynthWorld.Id("S", ++number, world.Options.SettlementCount),
                };
                commune.Settlements.Add(settlement);
                world.Settlements.Add(settlement);
            }
        }
    }

    /// <summary>A rural mountain village: on the valley floor (two in three), else up on a slope of the commune.</summary>
    private static Coordinate Highland(Random random, SynthCommune commune, MountainTerrain terrain)
    {
        if (commune.Roadside.Count > 0 && random.Chance(0.65))
        {
            return commune.Near(random, random.Pick(commune.Roadside), 120);
        }

        var c = commune.RandomInside(random);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var above = terrain.HeightAboveFloorM(c);
            if (above is >= 100 and <= 700 && terrain.DistanceToValleyM(c) <= 3_000)
            {
                return c;
            }

            c = commune.RandomInside(random);
        }

        return c;
    }
}
