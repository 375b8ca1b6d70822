using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Towers and BTS of the mountain profile, calibrated by data to the share of villages mobile service reaches
/// (<see cref="SynthOptions.CoveredVillagesPct"/>, Điện Biên 98.9 %), as <c>coverage</c> predicts it over the DEM with the
/// default link budget of rules.json — the link budget, thresholds and models are never touched, only the network.
/// <list type="number">
/// <item>A base network: towers in town centres (rooftop A1 in the <c>a1_only</c> zones, A2a elsewhere; three or four
/// operators, 2G/3G/4G); one ground tower (A2b, 36–51 m) near each rural commune centre on the valley floor (Viettel
/// 2G/3G/4G, VNPT and MobiFone at some; remote communes mostly without 4G); three to five hilltop sites per rural
/// district (A2b, 30–42 m, on the highest point found 2–6 km from a village: their height above the surrounding terrain
/// gives them the long reach the coverage engine computes); and sites every 6–9 km along the trunk valleys.</item>
/// <item>Calibration: the villages no BTS covers are taken in order of difficulty (height above their valley floor,
/// distance from a road, a random share), the easiest first, and each gets a small site on the highest ground within a
/// few hundred metres (Viettel 2G, often 4G, sometimes VNPT 2G) until no more villages are uncovered than the target
/// leaves (a site that would cover more than that is skipped, so the share lands on the target): those left are the
/// hardest — high on slopes behind ridges, far up valleys without a road.</item>
/// </list>
/// Bands, EIRP and heights are typical macro values (2G 900 MHz 56–60 dBm; 3G 2100 MHz, at rural sites often 900 MHz,
/// 55–59 dBm; 4G 1800 MHz, at rural sites often 900 MHz, 57–61 dBm total EIRP, the default 20 MHz channel); every BTS is
/// omni except half of those in towns (one sector each, as in the province profile).
/// </summary>
internal static class MountainNetworkPlacer
{
    private const string Viettel = "Viettel";
    private const string Vnpt = "VNPT";
    private const string MobiFone = "MobiFone";
    private const string Vietnamobile = "Vietnamobile";

    public static void Place(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Towers);
        var terrain = world.Terrain!;
        var sites = new List<Site>();
        var grid = new PointGrid(500);
        var a1Zones = world.Zones.Where(z => z.Kind == ZonePlacer.A1Only).ToList();

        Site AddSite(SynthCommune commune, Coordinate at, string type, double heightM, bool urban)
        {
            var maxTenants = type switch
            {
                "A1a" or "A1b" => 2,
                "A2a" => 3,
                _ => random.Chance(0.6) ? 3 : 4,
            };
            var site = new Site(commune, at, type, Math.Round(heightM, 1), maxTenants, urban, commune.Remote);
            sites.Add(site);
            grid.Add(at);
            return site;
        }

        // Town centres.
        foreach (var commune in world.Communes.Where(c => c.Urban))
        {
            var count = commune.Region!.Kind switch { RegionKind.City => 4, RegionKind.Town => 3, _ => 2 };
            for (var k = 0; k < count; k++)
            {
                var at = Spaced(grid, 250, () => commune.Near(random, commune.Centre, 0.3 * Math.Sqrt(commune.Cell.Area)));
                var inA1 = a1Zones.Exists(z => z.Area.Contains(world.Factory.CreatePoint(at)));
                var type = inA1 ? (random.Chance(0.5) ? "A1a" : "A1b") : random.Chance(0.75) ? "A2a" : "A1b";
                var site = AddSite(commune, at, type, type == "A2a" ? random.Uniform(18, 30) : random.Uniform(12, 24), urban: true);
                Radios(random, site, Viettel, Technology.G2, Technology.G3, Technology.G4);
                if (random.Chance(0.8) && site.Operators < site.MaxTenants)
                {
                    Radios(random, site, Vnpt, Technology.G2, Technology.G4);
                }

                if (random.Chance(0.65) && site.Operators < site.MaxTenants)
                {
                    Radios(random, site, MobiFone, Technology.G2, Technology.G3, Technology.G4);
                }

                if (commune.Region.Kind == RegionKind.City && random.Chance(0.4) && site.Operators < site.MaxTenants)
                {
                    Radios(random, site, Vietnamobile, Technology.G2, Technology.G3);
                }
            }
        }

        // Rural commune centres.
        foreach (var commune in world.Communes.Where(c => !c.Urban))
        {
            var at = Spaced(grid, 300, () => commune.Near(random, commune.Centre, 250));
            var site = AddSite(commune, at, "A2b", random.Uniform(36, 51), urban: false);
            Radios(random, site, Viettel, commune.Remote && !random.Chance(0.5) ? [Technology.G2, Technology.G3] : [Technology.G2, Technology.G3, Technology.G4]);
            if (random.Chance(commune.Remote ? 0.3 : 0.6))
            {
                Radios(random, site, Vnpt, !commune.Remote && random.Chance(0.5) ? [Technology.G2, Technology.G4] : [Technology.G2]);
            }

            if (random.Chance(commune.Remote ? 0.15 : 0.4))
            {
                Radios(random, site, MobiFone, random.Chance(0.5) ? [Technology.G2, Technology.G3] : [Technology.G2]);
            }
        }

        // Hilltop sites: the highest ground 2–6 km from a village of the district.
        foreach (var region in world.Regions.Where(r => r.Kind == RegionKind.RuralDistrict))
        {
            var villages = region.Communes.SelectMany(c => c.Settlements).ToList();
            var count = 3 + random.Next(3);
            for (var k = 0; k < count && villages.Count > 0; k++)
            {
                var anchor = villages[random.PickWeighted([.. villages.Select(v => Math.Sqrt(v.Population + 1.0))])];
                Coordinate? best = null;
                var bestZ = double.NegativeInfinity;
                for (var attempt = 0; attempt < 40; attempt++)
                {
                    var theta = random.Uniform(0, 2 * Math.PI);
                    var d = random.Uniform(2_000, 6_000);
                    var c = new Coordinate(anchor.Location.X + (d * Math.Cos(theta)), anchor.Location.Y + (d * Math.Sin(theta)));
                    if (world.CommuneAt(c) is { Region: { } r } && r == region && terrain.ElevationM(c) is var z && z > bestZ)
                    {
                        best = c;
                        bestZ = z;
                    }
                }

                if (best is null || grid.NearestDistance(best, 1_500) < 1_500)
                {
                    continue;
                }

                var commune = world.CommuneAt(best)!;
                var site = AddSite(commune, best, "A2b", random.Uniform(30, 42), urban: false);
                Radios(random, site, Viettel, random.Chance(0.6) ? [Technology.G2, Technology.G3, Technology.G4] : [Technology.G2, Technology.G4]);
                if (random.Chance(0.5))
                {
                    Radios(random, site, Vnpt, Technology.G2);
                }

                if (random.Chance(0.4))
                {
                    Radios(random, site, MobiFone, Technology.G2);
                }
            }
        }

        // Along the trunk valleys, every 6–9 km where no tower stands within 3 km.
        for (var r = 0; r < world.HighwayCount; r++)
        {
            var road = world.Roads[r];
            var next = random.Uniform(3_000, 6_000);
            var arc = 0.0;
            for (var i = 1; i < road.Length; i++)
            {
                arc += road[i - 1].Distance(road[i]);
                if (arc < next)
                {
                    continue;
                }

                next = arc + random.Uniform(6_000, 9_000);
                if (grid.NearestDistance(road[i], 3_000) < 3_000 || world.CommuneAt(road[i]) is not { } commune)
                {
                    continue;
                }

                var at = commune.Near(random, road[i], 100);
                var site = AddSite(commune, at, "A2b", random.Uniform(42, 51), urban: false);
                Radios(random, site, Viettel, Technology.G2, Technology.G3, Technology.G4);
                if (random.Chance(0.5))
                {
                    Radios(random, site, Vnpt, Technology.G2, Technology.G4);
                }
            }
        }

        Calibrate(world, random, sites, grid);
        Materialise(world, sites);
    }

    /// <summary>Adds fill-in sites for the easiest uncovered villages until at most the target share is left uncovered.</summary>
    private static void Calibrate(SynthWorld world, Random random, List<Site> sites, PointGrid grid)
    {
        var settlements = world.Settlements;
        var allowed = (int)Math.Round(settlements.Count * (100 - world.Options.CoveredVillagesPct!.Value) / 100);
        Materialise(world, sites);
        var dataset = SyntheticDatasetGenerator.ToDataset(world);
        var flags = CoverageAnalysis.CoveredSettlements(dataset);
        var covered = flags.Select(f => f.Any(c => c)).ToArray();
        var engine = new CoverageEngine(dataset);
        var index = new STRtree<int>();
        for (var s = 0; s < settlements.Count; s++)
        {
            index.Insert(new Envelope(settlements[s].Location), s);
        }

        index.Build();
        var roads = new PointGrid(2_000);
        foreach (var c in world.Roads.SelectMany(r => r))
        {
            roads.Add(c);
        }

        var terrain = world.Terrain!;
        var order = Enumerable.Range(0, settlements.Count)
            .Where(s => !covered[s])
            .Select(s => (S: s, Score: terrain.HeightAboveFloorM(settlements[s].Location)
                + (0.3 * Math.Min(roads.NearestDistance(settlements[s].Location, 30_000), 30_000))
                + random.Uniform(0, 200)))
            .OrderBy(x => x.Score).ThenBy(x => x.S)
            .Select(x => x.S)
            .ToList();
        var uncovered = order.Count;

        // What a site's BTS would newly cover (settlement indices), judged by the coverage engine itself.
        List<int> Gain(Site site)
        {
            var gained = new SortedSet<int>();
            foreach (var radio in site.Radios)
            {
                var footprint = engine.Footprint(-1, radio.ToBts(world, "~calibration", null));
                var r = footprint.MaxRangeKm * 1000;
                foreach (var s in index.Query(new Envelope(footprint.X - r, footprint.X + r, footprint.Y - r, footprint.Y + r)))
                {
                    var p = settlements[s].Location;
                    if (!covered[s] && !gained.Contains(s) && footprint.Covers(p.X, p.Y))
                    {
                        gained.Add(s);
                    }
                }
            }

            return [.. gained];
        }

        foreach (var s in order)
        {
            if (uncovered <= allowed)
            {
                break;
            }

            if (covered[s])
            {
                continue;
            }

            var village = settlements[s];
            var commune = village.Commune;
            var spots = new List<Coordinate>();
            for (var attempt = 0; attempt < 16; attempt++)
            {
                spots.Add(commune.Near(random, village.Location, 300));
            }

            var ordered = spots
                .Select((c, i) => (C: c, I: i, Z: terrain.ElevationM(c), Far: grid.NearestDistance(c, 400) >= 400))
                .OrderByDescending(x => x.Far).ThenByDescending(x => x.Z).ThenBy(x => x.I)
                .Select(x => x.C)
                .Append(commune.Near(random, village.Location, 40))
                .ToList();
            var height = Math.Round(random.Uniform(30, 40), 1);
            var maxTenants = random.Chance(0.6) ? 3 : 4;
            var fourG = random.Chance(0.8);
            var vnpt = random.Chance(0.2);
            Site? site = null;
            List<int> gain = [];
            foreach (var at in ordered)
            {
                site = new Site(commune, at, "A2b", height, maxTenants, false, commune.Remote);
                Radios(random, site, Viettel, fourG ? [Technology.G2, Technology.G4] : [Technology.G2]);
                if (vnpt)
                {
                    Radios(random, site, Vnpt, Technology.G2);
                }

                gain = Gain(site);
                if (gain.Contains(s))
                {
                    break;
                }
            }

            // A site that would cover more than the target leaves uncovered is left out: an easier village further on
            // may need a smaller one, so the share lands on the target instead of overshooting it.
            if (uncovered - gain.Count < allowed)
            {
                continue;
            }

            sites.Add(site!);
            grid.Add(site!.At);
            foreach (var g in gain)
            {
                covered[g] = true;
                uncovered--;
            }
        }
    }

    /// <summary>A point drawn by <paramref name="draw"/>, the farthest of a few from other towers when they come closer than <paramref name="spacingM"/>.</summary>
    private static Coordinate Spaced(PointGrid grid, double spacingM, Func<Coordinate> draw)
    {
        Coordinate? best = null;
        var bestDistance = -1.0;
        for (var attempt = 0; attempt < 12 && bestDistance < spacingM; attempt++)
        {
            var c = draw();
            var d = Math.Min(grid.NearestDistance(c, spacingM), spacingM);
            if (d > bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }

        return best!;
    }

    /// <summary>Adds one BTS per technology of <paramref name="op"/> to the site.</summary>
    private static void Radios(Random random, Site site, string op, params Technology[] techs)
    {
        foreach (var tech in techs)
        {
            // Rural sites use the 900 MHz band for 3G and 4G too (refarmed for coverage); towns 2100 and 1800.
            var band = (tech, site.Urban) switch
            {
                (Technology.G2, _) => random.Chance(0.9) ? 900.0 : 1800,
                (Technology.G3, true) => random.Chance(0.9) ? 2100.0 : 900,
                (Technology.G3, false) => random.Chance(0.55) ? 2100.0 : 900,
                (_, true) => random.NextDouble() switch { < 0.8 => 1800.0, < 0.95 => 2600, _ => 900 },
                _ => random.NextDouble() switch { < 0.55 => 1800.0, < 0.95 => 900, _ => 2600 },
            };
            var eirp = tech switch
            {
                Technology.G2 => random.Uniform(56, 60),
                Technology.G3 => random.Uniform(55, 59),
                _ => random.Uniform(57, 61),
            };
            double? azimuth = site.Urban && random.Chance(0.5) ? 120 * random.Next(3) : null;
            var offset = random.Uniform(0, 3);
            var theta = random.Uniform(0, 2 * Math.PI);
            var at = new Coordinate(site.At.X + (offset * Math.Cos(theta)), site.At.Y + (offset * Math.Sin(theta)));
            if (!site.Commune.Contains(at))
            {
                // A tower a metre or two inside the commune's border: its BTS stays in the commune too.
                at = site.At.Copy();
            }

            var antenna = Math.Max(3, site.HeightM - random.Uniform(0, Math.Min(3, 0.15 * site.HeightM)));
            site.Radios.Add(new Radio(op, tech, at, band, Math.Round(antenna, 1), Math.Round(eirp, 1), azimuth));
        }
    }

    /// <summary>Writes the sites as the world's towers and BTS (ids in site order).</summary>
    private static void Materialise(SynthWorld world, List<Site> sites)
    {
        world.Towers.Clear();
        world.TowerSettings.Clear();
        world.Bts.Clear();
        var total = sites.Sum(s => s.Radios.Count);
        var number = 0;
        for (var i = 0; i < sites.Count; i++)
        {
            var site = sites[i];
            var id = SynthWorld.Id("T", i + 1, sites.Count);
            var owner = site.Radios.Count > 0 ? site.Radios[0].Operator : Viettel;
            world.Towers.Add(new Tower(id, world.CreatePoint(site.At), owner, site.Type, site.HeightM, TowerStatus.Existing, Math.Max(site.MaxTenants, site.Operators)));
            world.TowerSettings.Add((site.Urban, site.Remote));
            foreach (var radio in site.Radios.OrderBy(r => r.Operator, StringComparer.Ordinal).ThenBy(r => r.Tech))
            {
                world.Bts.Add(radio.ToBts(world, SynthWorld.Id("B", ++number, total), id));
            }
        }
    }

    /// <summary>A tower position while the network is built.</summary>
    private sealed record Site(SynthCommune Commune, Coordinate At, string Type, double HeightM, int MaxTenants, bool Urban, bool Remote)
    {
        public List<Radio> Radios { get; } = [];

        public int Operators => Radios.Select(r => r.Operator).Distinct().Count();
    }

    /// <summary>One BTS of a site (its position a few metres off the tower, as surveyed).</summary>
    private sealed record Radio(string Operator, Technology Tech, Coordinate At, double BandMHz, double AntennaHeightM, double EirpDbm, double? AzimuthDeg)
    {
        public Bts ToBts(SynthWorld world, string id, string? towerId) => new(
            id, Operator, Tech, world.CreatePoint(At), towerId, BandMHz, AntennaHeightM, EirpDbm, AzimuthDeg, AzimuthDeg is null ? null : 65, AzimuthDeg is null ? null : 4, "existing");
    }
}
