using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Fibre of the mountain profile, calibrated by data to Điện Biên's shares (the indicators' measures, within
/// rules.json <c>indicators.fibre_reach_m</c>, 500 m by default): VNPT and Viettel cables along every valley road; a
/// feeder to each commune centre the indicators take (the commune polygon's interior point) that lies beyond reach, so
/// every commune centre has fibre; then drops from the nearest cable to villages beyond reach — remote communes last,
/// nearest first — until <see cref="SynthOptions.VillagesWithinFibrePct"/> of villages lie within reach. Reach is judged
/// a little short (475 m against densified route points every 50 m), so the exact share is at least the target.
/// </summary>
internal static class MountainFibrePlacer
{
    private const double ReachM = 500;
    private const double JudgedM = 475;
    private const double StepM = 50;

    public static void Place(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Fibre);
        var routes = new List<(string Operator, Coordinate[] Path, int Cores)>();
        var network = new PointGrid(1_000);
        void Lay(string op, Coordinate[] path, int cores)
        {
            routes.Add((op, path, cores));
            for (var i = 1; i < path.Length; i++)
            {
                var a = path[i - 1];
                var b = path[i];
                var steps = Math.Max(1, (int)Math.Ceiling(a.Distance(b) / StepM));
                for (var k = i == 1 ? 0 : 1; k <= steps; k++)
                {
                    var t = k / (double)steps;
                    network.Add(new Coordinate(a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y))));
                }
            }
        }

        // Backbones along the roads, two operators side by side, vertices thinned to every third (≈ 300 m).
        for (var r = 0; r < world.Roads.Count; r++)
        {
            var road = world.Roads[r];
            var thinned = road.Where((_, i) => i % 3 == 0 || i == road.Length - 1).ToArray();
            foreach (var segment in FibrePlacer.Split(random, thinned, (4_000, 12_000)))
            {
                // A road may leave the province for a stretch; a cable there belongs to the neighbour's network.
                foreach (var inside in InsideRuns(world, segment))
                {
                    Lay("VNPT", FibrePlacer.Shift(inside, 2.5), r < world.HighwayCount ? 96 : 48);
                    Lay("Viettel", FibrePlacer.Shift(inside, 5), r < world.HighwayCount ? 96 : 48);
                }
            }
        }

        Coordinate Nearest(Coordinate c) => network[network.Nearest(c, 1e7)];

        // Every commune centre within reach.
        foreach (var commune in world.Communes)
        {
            var centre = commune.Cell.InteriorPoint.Coordinate;
            var from = Nearest(centre);
            if (from.Distance(centre) > JudgedM)
            {
                Lay(random.Chance(0.7) ? "VNPT" : "Viettel", WigglyPath.Build(random, from, centre, 0.05, 100, 300), 24);
            }
        }

        // Villages: the nearest first, remote communes last, until the share is met.
        var settlements = world.Settlements;
        var target = (int)Math.Ceiling(settlements.Count * world.Options.VillagesWithinFibrePct!.Value / 100);
        var within = settlements.Select(s => Nearest(s.Location).Distance(s.Location) <= JudgedM).ToArray();
        var count = within.Count(w => w);
        var index = new STRtree<int>();
        for (var s = 0; s < settlements.Count; s++)
        {
            index.Insert(new Envelope(settlements[s].Location), s);
        }

        index.Build();
        var queue = Enumerable.Range(0, settlements.Count)
            .Where(s => !within[s])
            .OrderBy(s => settlements[s].Commune.Remote)
            .ThenBy(s => Nearest(settlements[s].Location).Distance(settlements[s].Location))
            .ThenBy(s => s)
            .ToList();
        foreach (var s in queue)
        {
            if (count >= target)
            {
                break;
            }

            if (within[s])
            {
                continue;
            }

            var village = settlements[s].Location;
            var path = WigglyPath.Build(random, Nearest(village), village, 0.06, 100, 300);
            Lay(random.Chance(0.55) ? "Viettel" : "VNPT", path, 12);
            var line = world.Factory.CreateLineString(path);
            var env = line.EnvelopeInternal.Copy();
            env.ExpandBy(JudgedM);
            foreach (var other in index.Query(env))
            {
                if (!within[other] && line.IsWithinDistance(world.Factory.CreatePoint(settlements[other].Location), JudgedM))
                {
                    within[other] = true;
                    count++;
                }
            }
        }

        for (var i = 0; i < routes.Count; i++)
        {
            var (op, path, cores) = routes[i];
            var middle = path[path.Length / 2];
            var underground = world.InCore(middle) ? random.Chance(0.85) : random.Chance(0.02);
            var coords = path.Select(c => new Coordinate(SynthWorld.Round2(c.X), SynthWorld.Round2(c.Y))).ToArray();
            world.FibreRoutes.Add(new FibreRoute(
                SynthWorld.Id("F", i + 1, routes.Count),
                world.Factory.CreateLineString(coords),
                op,
                underground ? CablePlacement.Underground : CablePlacement.Aerial,
                cores));
        }
    }

    /// <summary>The runs of at least two consecutive vertices inside the province outline.</summary>
    private static IEnumerable<Coordinate[]> InsideRuns(SynthWorld world, Coordinate[] line)
    {
        var run = new List<Coordinate>();
        foreach (var c in line)
        {
            if (world.InOutline(c))
            {
                run.Add(c);
                continue;
            }

            if (run.Count >= 2)
            {
                yield return [.. run];
            }

            run.Clear();
        }

        if (run.Count >= 2)
        {
            yield return [.. run];
        }
    }
}
