using NUnit.Framework;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.Core.Planning;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Spatial;
using SoTTTT.Optimization;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Planning;

/// <summary>
/// The planner on a hand-made province (VN-2000 TM-3 105°30' metres, the 10 × 10 km province of
/// <see cref="TestNetwork.WithProvince"/>: rural C1 west of x = 605000, urban C2 east) with the default rules: a planned
/// 4G BTS on a 40 m rural tower reaches about 2.2 km (RSRP per resource element against −110 dBm), so T1 covers S1
/// (0.5 km) but neither S3 (3.2 km) nor S5 (4.5 km), which T2 (0.5 km away, MobiFone 2G only) can serve. The references are outside the planner: the approval rules
/// (<see cref="ApprovalAnalysis"/>) judge the plan's positions, and the coverage engine (<see cref="CoverageAnalysis"/>)
/// judges the dataset with the plan built.
/// <code>
///  y=2310000 +--------------------+--------------------+
///            |  S3 (601000,2309000)|       S2 (608000,2308000)
///            |   T1 ▲ Viettel 4G  |                    |
///            |   S1               |                    |
///            |  T2 ▲ MobiFone 2G  |                    |
///            |  S5                |                    |
///  y=2300000 +--------------------+--------------------+
/// </code>
/// </summary>
public sealed class PlanAnalysisTests
{
    private static readonly ProvinceRules Rules = ProvinceRules.Default;

    [Test]
    public void Run_UncoveredVillages_EveryOneCoveredByPositionsTheApprovalRulesAccept()
    {
        var dataset = Province();
        var plan = PlanAnalysis.Run(dataset, PlanTargets.Default, new CpSatCoverSolver(10));

        var applied = PlanAppliedDataset.Build(dataset, plan);
        var after = CoverageAnalysis.CoveredSettlements(applied);
        var covered = dataset.Settlements.Where((s, i) => after[i][(int)Technology.G4]).Select(s => s.Id).ToList();
        var verdicts = Appraise(dataset, plan);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Missed, Is.Empty, "every village is reachable");
            Assert.That(covered, Is.EquivalentTo(dataset.Settlements.Select(s => s.Id)), "the coverage engine finds every village covered once the plan is built");
            Assert.That(verdicts.Select(v => v.Verdict), Has.None.EqualTo(Verdict.Reject).And.None.EqualTo(Verdict.Refer));
            Assert.That(plan.Verification, Is.Empty);
            Assert.That(plan.Solves[0].Exact.Status, Is.EqualTo(SolveStatus.Optimal));
        });
    }

    [Test]
    public void Run_ExistingTowerWithSpareCapacityNearAGap_SharedInsteadOfANewTower()
    {
        var dataset = Province();
        var plan = PlanAnalysis.Run(dataset, PlanTargets.Default, new CpSatCoverSolver(10));
        var t2 = plan.Positions.Single(p => p.Id == "T2");

        Assert.Multiple(() =>
        {
            Assert.That(t2.Status, Is.EqualTo(PlanPositionStatus.Share));
            Assert.That(t2.NewOperators, Is.Not.Empty);
            Assert.That(t2.Operators, Does.Contain("MobiFone"));
            Assert.That(t2.VillagesGained, Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public void Run_VillageInsideANoTowerZone_ListedWithTheZoneReason()
    {
        // A no-tower zone 8 km wide around S4: every position that could reach it stands in the zone.
        var dataset = Province(extraSettlement: ("S4", 605000, 2305000), noTowerZone: TestNetwork.Box(601000, 2301000, 609000, 2309000));
        var plan = PlanAnalysis.Run(dataset, PlanTargets.Default, new CpSatCoverSolver(10));
        var missed = plan.Missed.SingleOrDefault(m => m.SettlementId == "S4");

        Assert.Multiple(() =>
        {
            Assert.That(missed, Is.Not.Null, "S4 cannot be covered");
            Assert.That(missed!.Reason, Is.EqualTo("ZONE"));
            Assert.That(missed.Detail, Does.Contain(ApprovalCodes.NoTowerZone));
            Assert.That(plan.New.Select(p => ZoneAt(dataset, p)), Has.All.Null, "no new position in the zone");
        });
    }

    [Test]
    public void Run_NewPositions_HostAtLeastTheMinimumOperatorsWithinCapacity()
    {
        var dataset = Province();
        var plan = PlanAnalysis.Run(dataset, PlanTargets.Default, new CpSatCoverSolver(10));

        Assert.That(plan.New.ToList(), Is.Not.Empty);
        foreach (var p in plan.New)
        {
            var capacity = Rules.Class(p.Type)!.MaxTenants!.Value;
            Assert.That(p.Operators, Has.Count.InRange(Math.Min(2, capacity), capacity), p.Id);
        }
    }

    [Test]
    public void Run_CommuneOfficeInPublicSites_IsACandidateSite()
    {
        var dataset = Province();
        var office = new PublicSite("UB1", GeometryFactories.For(dataset.Crs).CreatePoint(new NetTopologySuite.Geometries.Coordinate(601200, 2308800)), PublicSiteKind.CommuneOffice, "UBND xã", "C1", null);
        var school = office with { Id = "TR1", Kind = PublicSiteKind.School };
        dataset = dataset with { Layers = new HashSet<string>(dataset.Layers) { Dataset.LayerNames.PublicSites } };
        dataset = dataset with { PublicSites = [office, school] };

        var plan = PlanAnalysis.Run(dataset, PlanTargets.Default, new GreedyCoverSolver());

        Assert.That(plan.CandidatesBySource.GetValueOrDefault("commune_office"), Is.EqualTo(1), "the office is a candidate, the school is not");
    }

    [Test]
    public void Run_Twice_SameResult()
    {
        var a = PlanAnalysis.Run(Province(), PlanTargets.Default, new CpSatCoverSolver(10));
        var b = PlanAnalysis.Run(Province(), PlanTargets.Default, new CpSatCoverSolver(10));

        Assert.That(global::SoTTTT.IO.Writing.PlanWriter.PositionsCsv(b), Is.EqualTo(global::SoTTTT.IO.Writing.PlanWriter.PositionsCsv(a)));
    }

    [Test]
    public void Run_PhaseBudgets_RespectedAndTheRestBeyondBudget()
    {
        var dataset = Province();
        var targets = PlanTargets.Default with { Phases = [new PlanPhase(1, 2026, 2030, 1, null)] };
        var plan = PlanAnalysis.Run(dataset, targets, new CpSatCoverSolver(10));

        Assert.Multiple(() =>
        {
            Assert.That(plan.New.Count(p => p.Phase == 1), Is.LessThanOrEqualTo(1));
            Assert.That(plan.New.Where(p => p.Phase is null).Select(p => p.Reason), Has.All.EqualTo("BEYOND_BUDGET"));
            Assert.That(plan.Missed.Any(m => m.Reason == "BUDGET"), Is.EqualTo(plan.New.Any(p => p.Phase is null)));
            Assert.That(plan.Solves.Where(s => s.Problem == "max_coverage").Select(s => s.Budget), Has.All.EqualTo(1));
        });
    }

    private static Zone? ZoneAt(Dataset dataset, PlanPosition p) =>
        new ZoneIndex(dataset.Zones).At(p.Location.Coordinate).FirstOrDefault(z => z.Kind == ZoneKinds.NoTower);

    private static List<ApplicationVerdict> Appraise(Dataset dataset, PlanResult plan)
    {
        var entries = new List<ApplicationEntry>();
        var row = 0;
        foreach (var p in plan.Positions.Where(p => p.Status is PlanPositionStatus.New or PlanPositionStatus.Share && p.Reason == "COVERAGE" && p.Phase is not null))
        {
            for (var i = 0; i < p.NewOperators.Count; i++)
            {
                var shares = p.Status == PlanPositionStatus.Share ? p.Id : i == 0 ? null : p.Id + "-1";
                entries.Add(ApplicationEntry.Valid(++row, new TowerApplication($"{p.Id}-{i + 1}", p.NewOperators[i], p.Location, p.Type!, p.HeightM!.Value, Technology.G4, null, shares)));
            }
        }

        var withPlan = dataset with
        {
            Towers = [.. dataset.Towers, .. plan.New.Select(p => new Tower(p.Id, p.Location, null, p.Type, p.HeightM, TowerStatus.Planned, null))],
        };
        return [.. ApprovalAnalysis.Run(withPlan, entries).Verdicts];
    }

    private static Dataset Province((string Id, double X, double Y)? extraSettlement = null, NetTopologySuite.Geometries.Geometry? noTowerZone = null)
    {
        var network = new TestNetwork().WithProvince()
            .Tower("T1", 602000, 2306000, "A2b", 40, 4).Tenants("T1", "Viettel")
            .Tower("T2", 602000, 2302000, "A2b", 40, 3);
        if (noTowerZone is not null)
        {
            network.Zone("Z1", ZoneKinds.NoTower, noTowerZone);
        }

        var built = network.Build();
        var settlements = new List<Settlement>
        {
            new("S1", TestNetwork.At(602200, 2305500), "Thôn Một", "C1", 500),
            new("S2", TestNetwork.At(608000, 2308000), "Khu Hai", "C2", 3000),
            new("S3", TestNetwork.At(601000, 2309000), "Bản Ba", "C1", 200),
            new("S5", TestNetwork.At(601800, 2301500), "Bản Năm", "C1", 300),
        };
        if (extraSettlement is { } e)
        {
            settlements.Add(new Settlement(e.Id, TestNetwork.At(e.X, e.Y), e.Id, null, 100));
        }

        var bts = built.Bts.Append(new Bts("T2-MobiFone-2G", "MobiFone", Technology.G2, TestNetwork.At(602000, 2302000), "T2", null, null, null, null, null, null, null)).ToList();
        var layers = new HashSet<string>(built.Layers, StringComparer.Ordinal) { Dataset.LayerNames.Settlements, Dataset.LayerNames.Bts, Dataset.LayerNames.Towers };
        return built with { Settlements = settlements, Bts = bts, Layers = layers, Rules = Rules };
    }
}
