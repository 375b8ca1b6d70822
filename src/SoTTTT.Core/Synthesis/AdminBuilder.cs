using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Triangulate;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Builds the outline, the regions (districts or provincial units) and the communes: commune polygons are Voronoi
/// cells of seed points noded with the outline, so they tile it exactly, and each region is the union of its
/// communes, so the hierarchy is consistent by construction.
/// </summary>
internal static class AdminBuilder
{
    /// <summary>
    /// 106.3°E 20.95°N (WGS84) in VN2000:105.5 metres, converted with PROJ 9.1.1:
    /// <c>echo 20.95 106.3 | cs2cs EPSG:4326 EPSG:9209</c> → 583 001.571, 2 317 625.739.
    /// </summary>
    private static readonly Coordinate ProvinceCentre = new(583_001.57, 2_317_625.74);

    /// <summary>
    /// 102.95°E 21.72°N (WGS84), the middle of Điện Biên, in VN2000:103 metres, converted with PROJ 9.1.1:
    /// <c>echo 21.72 102.95 | cs2cs EPSG:4326 EPSG:9205</c> → 494 631.19, 2 402 662.28.
    /// </summary>
    private static readonly Coordinate MountainCentre = new(494_631.19, 2_402_662.28);

    public static void Build(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Admin);
        world.Outline = world.IsNational ? VietnamOutline.Create(world.Factory) : ProvinceOutline(random, world);
        if (world.IsMountain)
        {
            world.Terrain = MountainTerrain.Build(world);
        }
        PlaceRegionSeats(random, world);
        var seeds = PlaceCommuneSeeds(random, world);
        var communes = seeds.Select(s => new SynthCommune(s)).ToList();
        AssignRegions(world, communes);
        BuildCells(world, communes);
        ClassifyAndName(random, world);
        AssignPopulation(random, world);
        foreach (var region in world.Regions)
        {
            var cells = region.Communes.SelectMany(Polygons).ToArray();
            var union = CoverageUnion.Union(world.Factory.CreateMultiPolygon(cells));
            union.Normalize();
            region.Boundary = union;
        }

        foreach (var region in world.Regions)
        {
            var radius = (world.IsNational, region.Kind) switch
            {
                (false, RegionKind.City) when world.IsMountain => 2_500.0,
                (false, RegionKind.Town) when world.IsMountain => 1_200.0,
                (false, RegionKind.City) => 3_000.0,
                (false, RegionKind.Town) => 1_800.0,
                (false, _) => 800.0,
                (true, RegionKind.City) => 10_000.0,
                (true, _) => 3_000.0,
            };
            world.Cores.Add(new UrbanCore(region.Seat, radius));
            if (world.IsNational || region.Kind == RegionKind.City)
            {
                // The provincial People's Committee stands in the seat commune, a little off its centre point.
                world.Committees.Add(new Coordinate(region.Seat.X + 150, region.Seat.Y + 100));
            }
        }

        world.IndexCommunes();
    }

    /// <summary>
    /// An irregular, star-shaped outline scaled to the province area exactly: about 1.6 : 1 in any direction for the
    /// province profile, about 2.4 : 1 with its long axis north–south for the mountain profile (as Điện Biên stretches
    /// along the Lao border).
    /// </summary>
    private static Polygon ProvinceOutline(Random random, SynthWorld world)
    {
        const int vertexCount = 180;
        // Low harmonics give the overall shape, higher ones the bays and capes of a boundary that follows rivers.
        var harmonics = Enumerable.Range(2, 14)
            .Select(k => (K: k, A: random.Uniform(0.04, 0.11) / Math.Pow(k - 1, 0.8), Phase: random.Uniform(0, 2 * Math.PI)))
            .ToArray();
        var rotation = world.IsMountain ? (Math.PI / 2) + random.Uniform(-0.15, 0.15) : random.Uniform(0, Math.PI);
        var stretch = world.IsMountain ? 1.55 : 1.25;
        var centre = world.IsMountain ? MountainCentre : ProvinceCentre;
        var unit = new Coordinate[vertexCount];
        for (var i = 0; i < vertexCount; i++)
        {
            var theta = 2 * Math.PI * i / vertexCount;
            var r = 1 + harmonics.Sum(h => h.A * Math.Cos((h.K * theta) + h.Phase)) + random.Uniform(-0.01, 0.01);
            var x = r * Math.Cos(theta) * stretch;
            var y = r * Math.Sin(theta) / stretch;
            unit[i] = new Coordinate(
                (x * Math.Cos(rotation)) - (y * Math.Sin(rotation)),
                (x * Math.Sin(rotation)) + (y * Math.Cos(rotation)));
        }

        var area = 0.0;
        for (var i = 0; i < vertexCount; i++)
        {
            var a = unit[i];
            var b = unit[(i + 1) % vertexCount];
            area += (a.X * b.Y) - (b.X * a.Y);
        }

        var scale = Math.Sqrt(world.Options.AreaKm2 * 1e6 / Math.Abs(area / 2));
        var coords = unit
            .Select(c => new Coordinate(centre.X + (c.X * scale), centre.Y + (c.Y * scale)))
            .Append(new Coordinate(centre.X + (unit[0].X * scale), centre.Y + (unit[0].Y * scale)))
            .ToArray();
        return world.Factory.CreatePolygon(coords);
    }

    private static void PlaceRegionSeats(Random random, SynthWorld world)
    {
        var inner = world.Outline.Buffer(world.IsNational ? -8_000 : -4_000);
        var innerLocator = new IndexedPointInAreaLocator(inner);
        bool InInner(Coordinate c) => innerLocator.Locate(c) == Location.Interior;
        var seats = new List<(Coordinate Seat, RegionKind Kind)>();
        if (world.Terrain is { } terrain)
        {
            MountainSeats(random, world, terrain, InInner, seats);
        }
        else if (!world.IsNational)
        {
            // The provincial city near the centre, a town towards the north-east (as Hải Dương's Chí Linh).
            Coordinate city;
            do
            {
                city = new Coordinate(ProvinceCentre.X + random.Uniform(-3_000, 3_000), ProvinceCentre.Y + random.Uniform(-3_000, 3_000));
            }
            while (!InInner(city));

            var angle = random.Uniform(0.2, 0.45) * Math.PI;
            var reach = 0.0;
            while (InInner(new Coordinate(city.X + ((reach + 500) * Math.Cos(angle)), city.Y + ((reach + 500) * Math.Sin(angle)))))
            {
                reach += 500;
            }

            var town = new Coordinate(city.X + (0.7 * reach * Math.Cos(angle)), city.Y + (0.7 * reach * Math.Sin(angle)));
            seats.Add((city, RegionKind.City));
            seats.Add((town, RegionKind.Town));
        }

        var grid = new PointGrid(5_000);
        foreach (var (seat, _) in seats)
        {
            grid.Add(seat);
        }

        var ruralKind = world.IsNational ? RegionKind.Province : RegionKind.RuralDistrict;
        while (seats.Count < world.Options.RegionCount)
        {
            var best = BestCandidate(random, grid, 40, 200_000, world.Terrain is { } t
                ? () => RandomValleyPoint(random, t, c => InInner(c), maxLevel: 2)
                : () => SynthWorld.RandomPointIn(random, inner, InInner));
            grid.Add(best);
            seats.Add((best, ruralKind));
        }

        if (world.IsNational)
        {
            // Six centrally governed cities among the 34 units (post-2025 count, DOMAIN.md).
            var cities = random.SampleWithoutReplacement([.. seats.Select(_ => 1.0)], Math.Min(6, seats.Count));
            foreach (var i in cities)
            {
                seats[i] = (seats[i].Seat, RegionKind.City);
            }
        }

        for (var i = 0; i < seats.Count; i++)
        {
            world.Regions.Add(new SynthRegion(i, seats[i].Seat, seats[i].Kind));
        }
    }

    /// <summary>
    /// Mountain seats stand on valley floors: the provincial city in the basin, a town on the large river in the north
    /// (as Mường Lay on the Đà), the rural district seats on trunk and main-branch valleys (placed by the caller).
    /// </summary>
    private static void MountainSeats(Random random, SynthWorld world, MountainTerrain terrain, Func<Coordinate, bool> inInner, List<(Coordinate Seat, RegionKind Kind)> seats)
    {
        seats.Add((terrain.BasinCentre.Copy(), RegionKind.City));
        var riverPoints = terrain.ValleyPoints.Where(p => p.Valley == 0 && inInner(p.At)).OrderByDescending(p => p.At.Y).ToList();
        var town = riverPoints.Count > 0
            ? riverPoints[random.Next(Math.Max(1, riverPoints.Count / 4))].At
            : RandomValleyPoint(random, terrain, inInner, maxLevel: 1);
        seats.Add((town.Copy(), RegionKind.Town));
    }

    /// <summary>A random valley point (of a valley of at most <paramref name="maxLevel"/>) that <paramref name="accept"/> accepts.</summary>
    private static Coordinate RandomValleyPoint(Random random, MountainTerrain terrain, Func<Coordinate, bool> accept, int maxLevel = int.MaxValue)
    {
        var points = terrain.ValleyPoints;
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var p = points[random.Next(points.Count)];
            if (p.Level <= maxLevel && accept(p.At))
            {
                return p.At.Copy();
            }
        }

        return terrain.BasinCentre.Copy();
    }

    /// <summary>The valley point nearest to a Gaussian draw around <paramref name="anchor"/> (σ metres), inside the outline.</summary>
    private static Coordinate ValleyPointNear(Random random, SynthWorld world, MountainTerrain terrain, Coordinate anchor, double sigmaM)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var c = new Coordinate(anchor.X + (sigmaM * random.Gaussian()), anchor.Y + (sigmaM * random.Gaussian()));
            var i = terrain.NearestValleyPoint(c, 3_000);
            if (i >= 0 && world.InOutline(terrain.ValleyPoints[i].At))
            {
                return terrain.ValleyPoints[i].At.Copy();
            }
        }

        return anchor.Copy();
    }

    private static List<Coordinate> PlaceCommuneSeeds(Random random, SynthWorld world)
    {
        var options = world.Options;
        var spacing = Math.Sqrt(world.Outline.Area / options.CommuneCount);
        var grid = new PointGrid(spacing);
        var seeds = new List<Coordinate>();
        void Add(Coordinate c)
        {
            seeds.Add(c);
            grid.Add(c);
        }

        foreach (var region in world.Regions)
        {
            Add(region.Seat.Copy());
        }

        foreach (var region in world.Regions)
        {
            var (count, sigma) = (world.IsNational, region.Kind) switch
            {
                (false, RegionKind.City) when world.IsMountain => (10, 2_500.0),
                (false, RegionKind.Town) when world.IsMountain => (4, 2_000.0),
                (false, RegionKind.City) => (26, 2_200.0),
                (false, RegionKind.Town) => (14, 1_800.0),
                (true, RegionKind.City) => (40, 7_000.0),
                (true, _) => (10, 4_000.0),
                _ => (1, 0.0),
            };
            for (var i = 1; i < count && seeds.Count < options.CommuneCount; i++)
            {
                Add(BestCandidate(random, grid, 6, 4 * spacing, world.Terrain is { } t ? () => ValleyPointNear(random, world, t, region.Seat, sigma) : () =>
                {
                    Coordinate c;
                    do
                    {
                        c = new Coordinate(region.Seat.X + (sigma * random.Gaussian()), region.Seat.Y + (sigma * random.Gaussian()));
                    }
                    while (!world.InOutline(c));
                    return c;
                }));
            }
        }

        while (seeds.Count < options.CommuneCount)
        {
            Add(BestCandidate(random, grid, 8, 4 * spacing, world.Terrain is { } t
                ? () => RandomValleyPoint(random, t, world.InOutline)
                : () => SynthWorld.RandomPointIn(random, world.Outline, world.InOutline)));
        }

        return seeds;
    }

    /// <summary>Mitchell's best candidate: of <paramref name="tries"/> draws, the one farthest from the points so far.</summary>
    private static Coordinate BestCandidate(Random random, PointGrid grid, int tries, double horizonM, Func<Coordinate> draw)
    {
        Coordinate? best = null;
        var bestDistance = -1.0;
        for (var i = 0; i < tries; i++)
        {
            var c = draw();
            var d = Math.Min(grid.NearestDistance(c, horizonM), horizonM);
            if (d > bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }

        return best!;
    }

    /// <summary>Each commune goes to the nearest seat, a city's and a town's reach shortened so they stay compact.</summary>
    private static void AssignRegions(SynthWorld world, List<SynthCommune> communes)
    {
        foreach (var commune in communes)
        {
            var best = -1;
            var bestDistance = double.PositiveInfinity;
            foreach (var region in world.Regions)
            {
                var weight = (world.IsNational, region.Kind) switch
                {
                    (false, RegionKind.Town) when world.IsMountain => 0.45,
                    (false, RegionKind.City) => 0.6,
                    (false, RegionKind.Town) => 0.8,
                    _ => 1.0,
                };
                var d = region.Seat.Distance(commune.Centre) / weight;
                if (d < bestDistance)
                {
                    best = region.Index;
                    bestDistance = d;
                }
            }

            commune.RegionIndex = best;
        }

        world.Communes.AddRange(communes);
    }

    /// <summary>
    /// Voronoi cells of the seeds, noded together with the outline and polygonised, so neighbouring communes share
    /// their edges exactly; each face goes to the seed nearest its interior point (the Voronoi property).
    /// </summary>
    private static void BuildCells(SynthWorld world, List<SynthCommune> communes)
    {
        var factory = world.Factory;
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(communes.Select(c => c.Centre).ToList());
        var clip = world.Outline.EnvelopeInternal.Copy();
        clip.ExpandBy(50_000);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(factory);

        var lines = new List<Geometry>(diagram.NumGeometries + 1) { world.Outline.Boundary };
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            lines.Add(diagram.GetGeometryN(i).Boundary);
        }

        var noded = OverlayNGRobust.Union(factory.BuildGeometry(lines));
        var polygonizer = new Polygonizer();
        polygonizer.Add(noded);

        var seedGrid = new PointGrid(Math.Sqrt(world.Outline.Area / communes.Count));
        foreach (var commune in communes)
        {
            seedGrid.Add(commune.Centre);
        }

        var pieces = communes.Select(_ => new List<Polygon>()).ToArray();
        foreach (var face in polygonizer.GetPolygons().Cast<Polygon>())
        {
            var inside = face.InteriorPoint.Coordinate;
            if (!world.InOutline(inside))
            {
                continue;
            }

            var owner = seedGrid.Nearest(inside, 1e7);
            pieces[owner].Add(face);
        }

        for (var i = 0; i < communes.Count; i++)
        {
            var parts = pieces[i];

            // Faces come out in an order that depends on the planar graph's traversal; sorting and normalising makes
            // the result independent of it.
            foreach (var p in parts)
            {
                p.Normalize();
            }

            parts.Sort((a, b) => a.CompareTo(b));
            Geometry cell = parts.Count == 1 ? parts[0] : factory.CreateMultiPolygon([.. parts]);
            cell.Normalize();
            communes[i].Cell = cell;
        }
    }

    private static void ClassifyAndName(Random random, SynthWorld world)
    {
        var regionNames = new HashSet<string>(StringComparer.Ordinal);
        var orderedRegions = world.IsNational
            ? world.Regions.OrderByDescending(r => r.Seat.Y).ThenBy(r => r.Index).ToList()
            : [.. world.Regions.Take(2), .. world.Regions.Skip(2).OrderByDescending(r => r.Seat.Y).ThenBy(r => r.Index)];
        var ordered = new List<SynthCommune>();
        for (var ri = 0; ri < orderedRegions.Count; ri++)
        {
            var region = orderedRegions[ri];
            region.Code = world.IsNational ? (ri + 1).ToString("D2") : world.Options.ProvinceCode + (ri + 1).ToString("D2");
            region.Name = (world.IsNational, region.Kind) switch
            {
                (false, RegionKind.City) => world.Options.CityName,
                (false, RegionKind.Town) => "Thị xã " + UnitName(random, world, regionNames),
                (false, _) => "Huyện " + UnitName(random, world, regionNames),
                (true, RegionKind.City) => "Thành phố " + VietnameseNames.TwoSyllable(random, regionNames),
                (true, _) => "Tỉnh " + VietnameseNames.TwoSyllable(random, regionNames),
            };

            var members = world.Communes
                .Where(c => c.RegionIndex == region.Index)
                .OrderBy(c => c.Centre.Distance(region.Seat))
                .ToList();
            var urbanCount = (world.IsNational, region.Kind) switch
            {
                (false, RegionKind.City) => (int)Math.Round(0.72 * members.Count),
                (false, RegionKind.Town) => (int)Math.Round(0.5 * members.Count),
                (false, _) => 1,
                (true, RegionKind.City) => Math.Max(1, members.Count(c => c.Centre.Distance(region.Seat) < 12_000)),
                (true, _) => Math.Max(1, members.Count(c => c.Centre.Distance(region.Seat) < 4_000)),
            };
            for (var i = 0; i < members.Count; i++)
            {
                members[i].Kind = i >= urbanCount ? CommuneKind.Xa
                    : region.Kind == RegionKind.RuralDistrict ? CommuneKind.ThiTran
                    : CommuneKind.Phuong;
            }

            // Wards first (nearest the seat first), then the rest north to south, as unit lists usually run.
            var sorted = members.Where(c => c.Urban)
                .Concat(members.Where(c => !c.Urban).OrderByDescending(c => Math.Round(c.Centre.Y / 2_000)).ThenBy(c => c.Centre.X))
                .ToList();
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < sorted.Count; i++)
            {
                var commune = sorted[i];
                commune.Code = region.Code + (i + 1).ToString(world.IsNational ? "D5" : "D3");
                commune.Name = commune.Kind switch
                {
                    CommuneKind.Phuong => "Phường " + VietnameseNames.WardName(random, names),
                    CommuneKind.ThiTran => "Thị trấn " + UnitName(random, world, names),
                    _ => "Xã " + UnitName(random, world, names),
                };
                commune.Region = region;
                region.Communes.Add(commune);
            }

            ordered.AddRange(sorted);
        }

        world.Regions.Clear();
        world.Regions.AddRange(orderedRegions);
        world.Communes.Clear();
        world.Communes.AddRange(ordered);
    }

    /// <summary>A two-syllable unit name: highland (Thái, H'Mông-sounding) syllables in the mountain profile.</summary>
    private static string UnitName(Random random, SynthWorld world, HashSet<string> used) =>
        world.IsMountain ? VietnameseNames.Highland(random, used) : VietnameseNames.TwoSyllable(random, used);

    private static void AssignPopulation(Random random, SynthWorld world)
    {
        var meanArea = world.Communes.Average(c => c.Cell.Area);
        var weights = world.Communes.Select(c =>
        {
            var areaFactor = Math.Pow(c.Cell.Area / meanArea, 0.35);
            return (world.IsNational, c.Kind) switch
            {
                (false, CommuneKind.Phuong) when world.IsMountain => random.LogNormal(7_000, 0.3),
                (false, CommuneKind.ThiTran) when world.IsMountain => random.LogNormal(5_500, 0.25),
                (false, _) when world.IsMountain => random.LogNormal(4_000, 0.35) * areaFactor,
                (false, CommuneKind.Phuong) => random.LogNormal(11_000, 0.35),
                (false, CommuneKind.ThiTran) => random.LogNormal(9_000, 0.25),
                (false, _) => random.LogNormal(6_500, 0.3) * areaFactor,
                (true, CommuneKind.Phuong) => random.LogNormal(45_000, 0.4),
                (true, _) => random.LogNormal(24_000, 0.45) * areaFactor,
            };
        }).ToArray();
        var populations = RandomExtensions.Apportion(weights, world.Options.Population);
        for (var i = 0; i < world.Communes.Count; i++)
        {
            world.Communes[i].Population = populations[i];
        }
    }

    private static IEnumerable<Polygon> Polygons(SynthCommune commune) => commune.Cell switch
    {
        Polygon p => [p],
        MultiPolygon mp => mp.Geometries.Cast<Polygon>(),
        _ => [],
    };
}
