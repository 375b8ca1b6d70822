using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Lays fibre routes: backbones along roads (several operators side by side), feeders from switching points to
/// commune centres, and drops from commune centres to villages, taken in order of priority (best-connected
/// first) until the target length is reached; the most remote communes get none, so fibre gaps exist. Routes in
/// town cores are mostly underground, elsewhere mostly aerial.
/// </summary>
internal static class FibrePlacer
{
    private const string Vnpt = "VNPT";
    private const string Viettel = "Viettel";
    private const string MobiFone = "MobiFone";
    private const string Fpt = "FPT Telecom";

    public static void Place(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Fibre);
        var communes = world.Communes;
        var nodes = SwitchingPoints(random, world);
        var candidates = new List<Candidate>();

        var segmentRange = world.IsNational ? (8_000.0, 25_000.0) : (4_000.0, 12_000.0);
        for (var r = 0; r < world.Roads.Count; r++)
        {
            var highway = r < world.HighwayCount;
            var ops = new List<string> { Vnpt, Viettel };
            if (random.Chance(highway ? 0.6 : 0.15))
            {
                ops.Add(Fpt);
            }

            if (random.Chance(highway ? 0.4 : 0.1))
            {
                ops.Add(MobiFone);
            }

            foreach (var segment in Split(random, world.Roads[r], segmentRange))
            {
                for (var k = 0; k < ops.Count; k++)
                {
                    candidates.Add(new Candidate(-1, candidates.Count, RouteRole.Backbone, ops[k], Shift(segment, 2.5 * (k + 1)), null, null));
                }
            }
        }

        foreach (var commune in communes.Where(c => !c.Remote))
        {
            var node = nodes[nodes.Nearest(commune.Centre, 1e7)];
            if (node.Distance(commune.Centre) < 300)
            {
                continue;
            }

            var ops = new List<string> { Vnpt, Viettel };
            if (random.Chance(0.3))
            {
                ops.Add(MobiFone);
            }

            if (random.Chance(commune.Urban ? 0.6 : 0.2))
            {
                ops.Add(Fpt);
            }

            foreach (var op in ops)
            {
                candidates.Add(new Candidate(commune.Remoteness + random.Uniform(0, 0.3), candidates.Count, RouteRole.Feeder, op, null, node, commune.Centre));
            }
        }

        AddDrops(random, world, candidates, 0.5);

        candidates.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Sequence.CompareTo(b.Sequence));
        var target = world.Options.FibreKm * 1_000;
        var built = 0.0;
        var routes = new List<(RouteRole Role, string Operator, Coordinate[] Path)>();
        for (var round = 0; round < 5 && built < target; round++)
        {
            foreach (var candidate in candidates)
            {
                if (built >= target)
                {
                    break;
                }

                var path = candidate.Path ?? WigglyPath.Build(random, candidate.From!, candidate.To!, candidate.Role == RouteRole.Feeder ? 0.05 : 0.08, 100, 300);
                built += WigglyPath.Length(path);
                routes.Add((candidate.Role, candidate.Operator, path));
            }

            // Not enough yet: another operator's drops to the same villages.
            candidates.Clear();
            AddDrops(random, world, candidates, 2.0 + round);
            candidates.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Sequence.CompareTo(b.Sequence));
        }

        for (var i = 0; i < routes.Count; i++)
        {
            var (role, op, path) = routes[i];
            var middle = path[path.Length / 2];
            var underground = world.InCore(middle) ? random.Chance(0.85) : random.Chance(0.03);
            int[] coreChoices = role switch
            {
                RouteRole.Backbone => [48, 96],
                RouteRole.Feeder => [24, 48],
                _ => [12, 24],
            };
            var coords = path.Select(c => new Coordinate(SynthWorld.Round2(c.X), SynthWorld.Round2(c.Y))).ToArray();
            world.FibreRoutes.Add(new FibreRoute(
                SynthWorld.Id("F", i + 1, routes.Count),
                world.Factory.CreateLineString(coords),
                op,
                underground ? CablePlacement.Underground : CablePlacement.Aerial,
                random.Pick(coreChoices)));
        }
    }

    /// <summary>Drops from each commune centre to its villages; lower-ranked operators come later in priority.</summary>
    private static void AddDrops(Random random, SynthWorld world, List<Candidate> candidates, double basePriority)
    {
        foreach (var commune in world.Communes.Where(c => !c.Remote))
        {
            foreach (var village in commune.Settlements.Skip(1))
            {
                if (village.Location.Distance(commune.Centre) < 150)
                {
                    continue;
                }

                string[] ops = random.Chance(0.55) ? [Vnpt, Viettel, random.Chance(0.5) ? MobiFone : Fpt] : [Viettel, Vnpt, random.Chance(0.5) ? MobiFone : Fpt];
                for (var rank = 0; rank < ops.Length; rank++)
                {
                    if (rank == 2 && !random.Chance(0.5))
                    {
                        continue;
                    }

                    var priority = basePriority + (0.5 * rank) + commune.Remoteness + random.Uniform(0, 0.8);
                    candidates.Add(new Candidate(priority, candidates.Count, RouteRole.Drop, ops[rank], null, commune.Centre, village.Location));
                }
            }
        }
    }

    /// <summary>Switching points at region seats first, then at populous, well-connected commune centres.</summary>
    private static PointGrid SwitchingPoints(Random random, SynthWorld world)
    {
        var grid = new PointGrid(world.IsNational ? 10_000 : 2_000);
        var chosen = new HashSet<SynthCommune>();
        foreach (var region in world.Regions)
        {
            chosen.Add(region.Communes[0]);
        }

        var communes = world.Communes;
        var weights = communes
            .Select(c => chosen.Contains(c) || c.Remote ? 0 : c.Population * (c.Urban ? 3.0 : 1.0) / (1 + (c.RoadDistanceM / 1_000)))
            .ToArray();
        foreach (var i in random.SampleWithoutReplacement(weights, Math.Max(0, world.Options.SwitchingPoints - chosen.Count)))
        {
            chosen.Add(communes[i]);
        }

        foreach (var commune in communes.Where(chosen.Contains))
        {
            grid.Add(commune.Centre);
        }

        return grid;
    }

    /// <summary>Cuts a polyline into pieces of a random length in the given range (metres).</summary>
    internal static IEnumerable<Coordinate[]> Split(Random random, Coordinate[] line, (double Min, double Max) range)
    {
        var piece = new List<Coordinate> { line[0] };
        var length = 0.0;
        var wanted = random.Uniform(range.Min, range.Max);
        for (var i = 1; i < line.Length; i++)
        {
            length += line[i - 1].Distance(line[i]);
            piece.Add(line[i]);
            if (length >= wanted && i < line.Length - 1)
            {
                yield return [.. piece];
                piece = [line[i]];
                length = 0;
                wanted = random.Uniform(range.Min, range.Max);
            }
        }

        if (piece.Count > 1)
        {
            yield return [.. piece];
        }
    }

    /// <summary>The polyline moved sideways by a constant offset, so operators' cables along one road stay apart.</summary>
    internal static Coordinate[] Shift(Coordinate[] line, double offsetM)
    {
        var first = line[0];
        var last = line[^1];
        var length = first.Distance(last);
        if (length < 1e-6)
        {
            return line;
        }

        var nx = -(last.Y - first.Y) / length * offsetM;
        var ny = (last.X - first.X) / length * offsetM;
        return [.. line.Select(c => new Coordinate(c.X + nx, c.Y + ny))];
    }

    private enum RouteRole
    {
        Backbone,
        Feeder,
        Drop,
    }

    private sealed record Candidate(double Priority, int Sequence, RouteRole Role, string Operator, Coordinate[]? Path, Coordinate? From, Coordinate? To);
}
