using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Lays out roads (highways between seats, local roads out to hub communes) and rivers, then ranks communes by
/// remoteness: distance from the commune centre to the nearest road, plus a share of the distance to its seat.
/// </summary>
internal static class RoadBuilder
{
    public static void Build(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Roads);
        var (minSpacing, maxSpacing) = world.IsNational ? (180.0, 320.0) : (120.0, 280.0);

        var seats = world.Regions.Select(r => r.Seat).ToList();
        foreach (var (a, b) in MinimumSpanningTree(seats))
        {
            AddClipped(world, world.Roads, WigglyPath.Build(random, seats[a], seats[b], 0.04, minSpacing, maxSpacing));
        }

        if (!world.IsNational)
        {
            // Two national highways cross the province through the city (as QL5 and QL37/38 cross Hải Dương).
            var city = world.Regions[0].Seat;
            var angle = random.Uniform(-0.2, 0.2);
            foreach (var theta in new[] { angle, angle + (Math.PI / 2) + random.Uniform(-0.3, 0.3) })
            {
                var far1 = new Coordinate(city.X - (80_000 * Math.Cos(theta)), city.Y - (80_000 * Math.Sin(theta)));
                var far2 = new Coordinate(city.X + (80_000 * Math.Cos(theta)), city.Y + (80_000 * Math.Sin(theta)));
                AddClipped(world, world.Roads, WigglyPath.Build(random, far1, city, 0.02, minSpacing, maxSpacing));
                AddClipped(world, world.Roads, WigglyPath.Build(random, city, far2, 0.02, minSpacing, maxSpacing));
            }
        }

        world.HighwayCount = world.Roads.Count;
        AddLocalRoads(random, world, minSpacing, maxSpacing);
        AddRivers(random, world);
        SampleRoadside(world);
        RankRemoteness(world);
    }

    private static void AddLocalRoads(Random random, SynthWorld world, double minSpacing, double maxSpacing)
    {
        var grid = new PointGrid(world.IsNational ? 10_000 : 2_000);
        foreach (var c in world.Roads.SelectMany(r => r))
        {
            grid.Add(c);
        }

        var communes = world.Communes;
        var weights = communes.Select(c => (c.Urban ? 2.0 : 1.0) * Math.Sqrt(c.Population)).ToArray();
        var hubs = random.SampleWithoutReplacement(weights, communes.Count / 4)
            .Select(i => communes[i])
            .OrderBy(c => c.Centre.Distance(c.Seat))
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        foreach (var hub in hubs)
        {
            var nearest = grid.Nearest(hub.Centre, 500_000);
            if (nearest < 0 || grid[nearest].Distance(hub.Centre) < 1_200)
            {
                continue;
            }

            var before = world.Roads.Count;
            AddClipped(world, world.Roads, WigglyPath.Build(random, hub.Centre, grid[nearest], 0.06, minSpacing, maxSpacing));
            for (var i = before; i < world.Roads.Count; i++)
            {
                foreach (var c in world.Roads[i])
                {
                    grid.Add(c);
                }
            }
        }
    }

    private static void AddRivers(Random random, SynthWorld world)
    {
        if (!world.IsNational)
        {
            // Delta rivers run north-west to south-east across the province.
            var centre = world.Outline.Centroid.Coordinate;
            var radius = Math.Sqrt(world.Outline.Area / Math.PI);
            for (var k = 0; k < 3; k++)
            {
                var theta = (-0.2 * Math.PI) + random.Uniform(-0.3, 0.3);
                var shift = random.Uniform(-0.7, 0.7) * radius;
                var (dx, dy) = (Math.Cos(theta), Math.Sin(theta));
                var a = new Coordinate(centre.X - (1.6 * radius * dx) - (shift * dy), centre.Y - (1.6 * radius * dy) + (shift * dx));
                var b = new Coordinate(centre.X + (1.6 * radius * dx) - (shift * dy), centre.Y + (1.6 * radius * dy) + (shift * dx));
                AddClipped(world, world.Rivers, WigglyPath.Build(random, a, b, 0.06, 200, 400));
            }

            return;
        }

        for (var k = 0; k < 16; k++)
        {
            var a = SynthWorld.RandomPointIn(random, world.Outline, world.InOutline);
            var theta = random.Uniform(0, 2 * Math.PI);
            var length = random.Uniform(80_000, 200_000);
            var b = new Coordinate(a.X + (length * Math.Cos(theta)), a.Y + (length * Math.Sin(theta)));
            AddClipped(world, world.Rivers, WigglyPath.Build(random, a, b, 0.06, 400, 800));
        }
    }

    /// <summary>Points every few hundred metres along roads and rivers, filed under the commune they fall in.</summary>
    private static void SampleRoadside(SynthWorld world)
    {
        var step = world.IsNational ? 1_500.0 : 250.0;
        foreach (var line in world.Roads.Concat(world.Rivers))
        {
            var carried = 0.0;
            for (var i = 1; i < line.Length; i++)
            {
                var a = line[i - 1];
                var b = line[i];
                var length = a.Distance(b);
                var at = step - carried;
                while (at <= length)
                {
                    var t = at / length;
                    var p = new Coordinate(a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y)));
                    world.CommuneAt(p)?.Roadside.Add(p);
                    at += step;
                }

                carried = length - (at - step);
            }
        }
    }

    /// <summary>
    /// Ranks communes by remoteness (distance from the centre to the nearest road plus 0.3 × the distance to the seat; in
    /// the mountain profile also 0.15 × the distance to the provincial city and 3 m per metre of valley-floor elevation)
    /// and flags the most remote rural share (<see cref="SynthOptions.RemoteCommuneShare"/>) remote.
    /// </summary>
    internal static void RankRemoteness(SynthWorld world)
    {
        var grid = new PointGrid(world.IsNational ? 10_000 : 2_000);
        foreach (var c in world.Roads.SelectMany(r => r))
        {
            grid.Add(c);
        }

        var raw = new List<(double Score, int Index)>();
        for (var i = 0; i < world.Communes.Count; i++)
        {
            var commune = world.Communes[i];
            commune.RoadDistanceM = Math.Min(grid.NearestDistance(commune.Centre, 300_000), 300_000);
            var score = commune.RoadDistanceM + (0.3 * commune.Centre.Distance(commune.Seat));
            if (world.Terrain is { } terrain)
            {
                score += (0.15 * commune.Centre.Distance(world.Regions[0].Seat)) + (3 * (terrain.ElevationM(commune.Centre) - terrain.HeightAboveFloorM(commune.Centre)));
            }

            raw.Add((score, i));
        }

        raw.Sort((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.Index.CompareTo(b.Index));
        for (var rank = 0; rank < raw.Count; rank++)
        {
            var commune = world.Communes[raw[rank].Index];
            commune.Remoteness = raw.Count > 1 ? rank / (double)(raw.Count - 1) : 0;
            commune.Remote = !commune.Urban && commune.Remoteness >= 1 - world.Options.RemoteCommuneShare;
        }
    }

    /// <summary>Prim's minimum spanning tree over points; edges as index pairs in the order they join.</summary>
    private static List<(int A, int B)> MinimumSpanningTree(IReadOnlyList<Coordinate> points)
    {
        var edges = new List<(int, int)>();
        if (points.Count == 0)
        {
            return edges;
        }

        var inTree = new bool[points.Count];
        var bestDistance = Enumerable.Repeat(double.PositiveInfinity, points.Count).ToArray();
        var bestFrom = new int[points.Count];
        inTree[0] = true;
        for (var i = 1; i < points.Count; i++)
        {
            bestDistance[i] = points[0].Distance(points[i]);
        }

        for (var added = 1; added < points.Count; added++)
        {
            var next = -1;
            for (var i = 0; i < points.Count; i++)
            {
                if (!inTree[i] && (next < 0 || bestDistance[i] < bestDistance[next]))
                {
                    next = i;
                }
            }

            inTree[next] = true;
            edges.Add((bestFrom[next], next));
            for (var i = 0; i < points.Count; i++)
            {
                var d = points[next].Distance(points[i]);
                if (!inTree[i] && d < bestDistance[i])
                {
                    bestDistance[i] = d;
                    bestFrom[i] = next;
                }
            }
        }

        return edges;
    }

    /// <summary>Adds the parts of a polyline inside the outline that are longer than 500 m.</summary>
    internal static void AddClipped(SynthWorld world, List<Coordinate[]> target, Coordinate[] line)
    {
        if (line.All(world.InOutline))
        {
            target.Add(line);
            return;
        }

        var clipped = OverlayNGRobust.Overlay(world.Factory.CreateLineString(line), world.Outline, SpatialFunction.Intersection);
        for (var i = 0; i < clipped.NumGeometries; i++)
        {
            if (clipped.GetGeometryN(i) is LineString part && part.Length > 500)
            {
                target.Add(part.Coordinates);
            }
        }
    }
}
