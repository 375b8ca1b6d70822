using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Spatial;

/// <summary>
/// Tower positions must agree with an independent clustering of the same BTS: a brute-force reference written here
/// without indexes or union-find (every pair compared, clusters grown breadth-first), compared label for label.
/// </summary>
public class BtsPositionGroupingTests
{
    /// <summary>
    /// The reference: declared tower; else the nearest tower within d (ties by id) by scanning every tower; else the
    /// single-linkage cluster of the remaining BTS (breadth-first over all pairs), named ~ + its smallest BTS id.
    /// </summary>
    private static string[] Reference(IReadOnlyList<Bts> bts, IReadOnlyList<Tower> towers, double d)
    {
        var keys = new string?[bts.Count];
        var loose = new List<int>();
        for (var i = 0; i < bts.Count; i++)
        {
            if (bts[i].TowerId is { } declared)
            {
                keys[i] = declared;
                continue;
            }

            var best = towers
                .Select(t => (t.Id, Distance: t.Location.Distance(bts[i].Location)))
                .Where(t => t.Distance <= d)
                .OrderBy(t => t.Distance)
                .ThenBy(t => t.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Id is not null)
            {
                keys[i] = best.Id;
            }
            else
            {
                loose.Add(i);
            }
        }

        var cluster = new int[bts.Count];
        Array.Fill(cluster, -1);
        foreach (var seed in loose)
        {
            if (cluster[seed] >= 0)
            {
                continue;
            }

            var members = new List<int> { seed };
            cluster[seed] = seed;
            var queue = new Queue<int>([seed]);
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                foreach (var j in loose)
                {
                    if (cluster[j] < 0 && bts[i].Location.Distance(bts[j].Location) <= d)
                    {
                        cluster[j] = seed;
                        members.Add(j);
                        queue.Enqueue(j);
                    }
                }
            }

            var name = "~" + members.Select(m => bts[m].Id).Min(StringComparer.Ordinal);
            foreach (var m in members)
            {
                keys[m] = name;
            }
        }

        return [.. keys.Select(k => k!)];
    }

    [Test]
    public void Group_RandomChainsAndTowers_MatchesBruteForceClustering()
    {
        // 1,500 BTS in 300 groups: some on towers (declared or not), some in loose chains whose links are 5–25 m long,
        // so that chains join or split around the 20 m co-location distance.
        var random = new Random(20250401);
        var network = new TestNetwork();
        var towers = new List<(string Id, double X, double Y)>();
        var n = 0;
        for (var g = 0; g < 300; g++)
        {
            var (x, y) = (600000 + (random.NextDouble() * 20000), 2300000 + (random.NextDouble() * 20000));
            string? tower = null;
            if (random.NextDouble() < 0.4)
            {
                tower = $"T{g:D3}";
                network.Tower(tower, x, y, "A2b");
                towers.Add((tower, x, y));
            }

            var count = 1 + random.Next(8);
            for (var k = 0; k < count; k++)
            {
                var declared = tower is not null && random.NextDouble() < 0.5 ? tower : null;
                network.Bts($"B{n++:D4}", "Viettel", x, y, declared);
                var step = 5 + (random.NextDouble() * 20);
                var angle = random.NextDouble() * 2 * Math.PI;
                (x, y) = (x + (step * Math.Cos(angle)), y + (step * Math.Sin(angle)));
            }
        }

        var dataset = network.Build();
        var keys = BtsPositionGrouping.Group(dataset.Bts, dataset.Towers, 20);
        var reference = Reference(dataset.Bts, dataset.Towers, 20);
        Assert.That(keys, Is.EqualTo(reference));
        Assert.That(reference.Count(k => k.StartsWith('~')), Is.GreaterThan(100), "the case exercises clustering");
        Assert.That(reference.Distinct().Count(k => k.StartsWith('~')), Is.LessThan(reference.Count(k => k.StartsWith('~'))), "some clusters have several BTS");
    }

    [Test]
    public void Group_SampleProvince_MatchesBruteForceAndPublishedPositions()
    {
        var dataset = DatasetLoader.Load(DemoSample.Folder).Dataset!;
        var keys = BtsPositionGrouping.Group(dataset.Bts, dataset.Towers, dataset.Rules.CoLocationM);
        Assert.That(keys, Is.EqualTo(Reference(dataset.Bts, dataset.Towers, dataset.Rules.CoLocationM)));

        // Hải Dương's report: 2,952 BTS at 1,300 positions (the sample is calibrated to it).
        Assert.That(keys.Distinct().Count(), Is.EqualTo(1300));
    }

    [Test]
    public void Positions_TowersWithoutBtsAndInferredPositions()
    {
        var dataset = new TestNetwork()
            .Tower("T1", 601000, 2301000, "A2b").Tenants("T1", "VNPT", "Viettel")
            .Tower("T2", 602000, 2301000, "A2b")
            .Bts("L1", "MobiFone", 603000, 2301000).Bts("L2", "VNPT", 603010, 2301000).Bts("L3", "MobiFone", 603020, 2301000)
            .Build();
        var positions = BtsPositionGrouping.Positions(dataset.Bts, dataset.Towers, 20, dataset.Bts[0].Location.Factory);
        Assert.Multiple(() =>
        {
            Assert.That(positions.Select(p => (p.Id, p.Inferred, p.Shared, string.Join("+", p.Operators))), Is.EqualTo(new[]
            {
                ("T1", false, true, "VNPT+Viettel"), ("T2", false, false, string.Empty), ("~L1", true, true, "MobiFone+VNPT"),
            }));
            Assert.That((positions[2].Location.X, positions[2].BtsIndices.Count), Is.EqualTo((603010.0, 3)));
        });
    }
    [TestCase(1)]
    [TestCase(2)]
    public void Positions_RandomNetwork_MatchTheirDefinitionByScan(int seed)
    {
        // Towers (a few ids repeated), BTS declaring a tower (some a tower missing from the list), BTS near a tower, loose
        // chains; several operators. The reference groups by scanning every key, without indexes.
        var random = new Random(seed);
        var network = new TestNetwork();
        string[] operators = ["Viettel", "VNPT", "MobiFone", "Vietnamobile"];
        var n = 0;
        for (var g = 0; g < 400; g++)
        {
            var (x, y) = (600000 + (random.NextDouble() * 30000), 2300000 + (random.NextDouble() * 30000));
            var roll = random.NextDouble();
            var tower = roll < 0.5 ? $"T{g % 350:D3}" : roll < 0.6 ? $"GONE{g % 7}" : null;
            if (tower is not null && !tower.StartsWith("GONE", StringComparison.Ordinal))
            {
                network.Tower(tower, x, y, "A2b");
            }

            for (var k = random.Next(4); k >= 0; k--)
            {
                var declared = tower is not null && random.NextDouble() < 0.6 ? tower : null;
                network.Bts($"B{n++:D4}", operators[random.Next(operators.Length)], x, y, declared);
                (x, y) = (x + (random.NextDouble() * 30) - 15, y + (random.NextDouble() * 30) - 15);
            }
        }

        for (var g = 0; g < 30; g++)
        {
            network.Tower($"EMPTY{g:D2}", 700000 + (g * 100), 2300000, "A2b");
        }

        var dataset = network.Build();
        var (bts, towers) = (dataset.Bts, dataset.Towers);
        var keys = Reference(bts, towers, 20);
        var expected = new List<(string Id, int[] Members, string Operators, double X, double Y, bool Inferred)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string Ops(int[] members) => string.Join("+", members.Select(i => bts[i].Operator).Distinct().Order(StringComparer.Ordinal));
        foreach (var tower in towers.Where(t => seen.Add(t.Id)))
        {
            var members = Enumerable.Range(0, bts.Count).Where(i => keys[i] == tower.Id).ToArray();
            expected.Add((tower.Id, members, Ops(members), tower.Location.X, tower.Location.Y, false));
        }

        foreach (var key in keys.Distinct().Where(k => !seen.Contains(k)).Order(StringComparer.Ordinal))
        {
            var members = Enumerable.Range(0, bts.Count).Where(i => keys[i] == key).ToArray();
            expected.Add((key, members, Ops(members), members.Average(i => bts[i].Location.X), members.Average(i => bts[i].Location.Y), true));
        }

        var positions = BtsPositionGrouping.Positions(bts, towers, 20, bts[0].Location.Factory);
        Assert.That(
            positions.Select(p => (p.Id, p.BtsIndices.ToArray(), string.Join("+", p.Operators), p.Location.X, p.Location.Y, p.Inferred)),
            Is.EqualTo(expected));
        Assert.Multiple(() =>
        {
            Assert.That(towers.Count, Is.GreaterThan(towers.Select(t => t.Id).Distinct().Count()), "repeated tower ids");
            Assert.That(expected.Count(p => p.Id.StartsWith("GONE", StringComparison.Ordinal)), Is.GreaterThan(0), "named towers missing from the list");
            Assert.That(expected.Count(p => p.Id.StartsWith('~')), Is.GreaterThan(20), "inferred clusters");
            Assert.That(expected.Count(p => p.Members.Length == 0), Is.GreaterThan(0), "towers without BTS");
        });
    }
    [Test]
    public void Positions_WithoutBts_AreTheTowers_AndWithoutEitherNone()
    {
        var dataset = new TestNetwork().Tower("T1", 601000, 2301000, "A2b").Tower("T2", 602000, 2301000, "A2b").Build();
        var factory = dataset.Towers[0].Location.Factory;
        Assert.That(BtsPositionGrouping.Positions([], dataset.Towers, 20, factory).Select(p => (p.Id, p.BtsIndices.Count)), Is.EqualTo(new[] { ("T1", 0), ("T2", 0) }));
        Assert.That(BtsPositionGrouping.Positions([], [], 20, factory), Is.Empty);
    }
}
