using NUnit.Framework;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Validation;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Approval;

/// <summary>
/// Verdicts and codes a planner can check by hand, default rules (must share 100 m urban / 400 m non-urban; spacing A2b
/// 300 / 500 m, A2a &gt; 15 m 200 / 350 m; A2b takes 4 operators, A2a 3, A1 2):
/// <code>
///  y=2310000 +---------------------------+---------------------------+
///            | C1 (rural)   Z2 no_new_bulky 601500..602500 × 2308000..2309000
///            |   Z4 no_tower 603000..603500 × 2307000..2307500       |  Z1 a1_only 606500..607500 × 2306500..2307500
///            |                           |   Z3 height ≤ 30 m 607500..608500 × 2304000..2305000
///            |                           | C2 (urban)                |
///            |      Z5 no_new_bulky 601800..602200 × 2301200..2301400 |
///            | T1▲(601000,2301000)  T2▲(602000,2301000)  T5▲(605100,2302000)  T3▲(607000,2301000) T4▲(608000,2301000)
///  y=2300000 +---------------------------+---------------------------+
///         x=600000                    605000                      610000
/// </code>
/// T1 A2b 40 m, max 3, Viettel. T2 A2b 40 m, max 2, Viettel + VNPT (full). T3 A1a 20 m, MobiFone + VNPT (full, A1 max 2).
/// T4 A2a 20 m, Viettel (max 3). T5 A1a 15 m (urban), Gmobile.
/// </summary>
public class ApplicationAppraiserTests
{
    private static TestNetwork Network() => new TestNetwork()
        .WithProvince()
        .Tower("T1", 601000, 2301000, "A2b", 40, 3).Tenants("T1", "Viettel")
        .Tower("T2", 602000, 2301000, "A2b", 40, 2).Tenants("T2", "Viettel", "VNPT")
        .Tower("T3", 607000, 2301000, "A1a", 20).Tenants("T3", "MobiFone", "VNPT")
        .Tower("T4", 608000, 2301000, "A2a", 20).Tenants("T4", "Viettel")
        .Tower("T5", 605100, 2302000, "A1a", 15).Tenants("T5", "Gmobile")
        .Zone("Z1", ZoneKinds.A1Only, TestNetwork.Box(606500, 2306500, 607500, 2307500))
        .Zone("Z2", ZoneKinds.NoNewBulky, TestNetwork.Box(601500, 2308000, 602500, 2309000))
        .Zone("Z3", ZoneKinds.HeightLimit, TestNetwork.Box(607500, 2304000, 608500, 2305000), 30)
        .Zone("Z4", ZoneKinds.NoTower, TestNetwork.Box(603000, 2307000, 603500, 2307500))
        .Zone("Z5", ZoneKinds.NoNewBulky, TestNetwork.Box(601800, 2301200, 602200, 2301400));

    private static TowerApplication App(string id, string op, double x, double y, string type = "A2b", double heightM = 40, string? shares = null) =>
        new(id, op, TestNetwork.At(x, y), type, heightM, Technology.G4, 1800, shares);

    private static ApplicationVerdict Judge(TowerApplication app, Dataset? dataset = null) =>
        new ApplicationAppraiser(dataset ?? Network().Build()).Judge(ApplicationEntry.Valid(1, app));

    private static ApprovalCheck Check(ApplicationVerdict v, string code) => v.Checks.Single(c => c.Code == code);

    [Test]
    public void Judge_ClearSite_ApproveWithEveryCheckListed()
    {
        // Nearest tower T2 at √(1000² + 2000²) = 2236 m: beyond must-share and spacing; no zone; no planned towers.
        var v = Judge(App("A", "MobiFone", 603000, 2303000));
        Assert.Multiple(() =>
        {
            Assert.That(v.Verdict, Is.EqualTo(Verdict.Approve));
            Assert.That(v.Failed, Is.Empty);
            Assert.That(v.Checks.Select(c => c.Code), Is.EqualTo(ApprovalCodes.All));
            Assert.That(v.UnitCode, Is.EqualTo("C1"));
            Assert.That(v.Urban, Is.False);
            Assert.That(Check(v, ApprovalCodes.NotInPlan).Applicable, Is.False);
            Assert.That(Check(v, ApprovalCodes.NotInPlan).Note, Is.EqualTo("no_planned_towers"));
            Assert.That(v.CoverageGain, Is.Null);
        });
    }

    [Test]
    public void Judge_OutsideEveryPolygon_RejectOutsideProvince()
    {
        var v = Judge(App("A", "MobiFone", 599000, 2305000));
        Assert.Multiple(() =>
        {
            Assert.That(v.Verdict, Is.EqualTo(Verdict.Reject));
            Assert.That(v.Failed, Is.EqualTo(new[] { ApprovalCodes.OutsideProvince }));
            Assert.That(v.UnitCode, Is.Null);
        });
    }

    [Test]
    public void Judge_NoBoundaries_OutsideProvinceNotApplicable()
    {
        var dataset = new TestNetwork().Tower("T1", 601000, 2301000, "A2b", 40).Build();
        var check = Check(Judge(App("A", "VNPT", 603000, 2303000), dataset), ApprovalCodes.OutsideProvince);
        Assert.That((check.Applicable, check.Passed, check.Note), Is.EqualTo((false, true, "no_boundaries")));
    }

    [Test]
    public void Judge_InNoTowerZone_Reject()
    {
        var v = Judge(App("A", "MobiFone", 603250, 2307250));
        Assert.That((v.Verdict, string.Join(",", v.Failed)), Is.EqualTo((Verdict.Reject, ApprovalCodes.NoTowerZone)));
        Assert.That(Check(v, ApprovalCodes.NoTowerZone).Evidence.Single().Id, Is.EqualTo("Z4"));
    }

    [TestCase(607000, 2307000, "A2a", 15, ExpectedResult = "reject ZONE_CLASS_NOT_ALLOWED", Description = "bulky A2a in the A1-only zone Z1")]
    [TestCase(607000, 2307000, "A1a", 15, ExpectedResult = "approve ", Description = "non-bulky A1a in Z1 is allowed")]
    [TestCase(602000, 2308500, "A2b", 40, ExpectedResult = "reject ZONE_CLASS_NOT_ALLOWED", Description = "bulky A2b in the no-new-bulky zone Z2")]
    [TestCase(608000, 2304500, "A2a", 35, ExpectedResult = "reject HEIGHT_LIMIT", Description = "35 m in Z3 (≤ 30 m)")]
    [TestCase(608000, 2304500, "A2a", 30, ExpectedResult = "approve ", Description = "30 m in Z3: the limit itself is allowed")]
    public string Judge_Zones_VerdictAndFailedCodes(double x, double y, string type, double height)
    {
        var v = Judge(App("A", "MobiFone", x, y, type, height));
        return $"{VerdictKeys.Key(v.Verdict)} {string.Join(",", v.Failed)}";
    }

    [Test]
    public void Judge_HeightLimit_EvidenceHasHeightAndLimit()
    {
        var e = Check(Judge(App("A", "MobiFone", 608000, 2304500, "A2a", 35)), ApprovalCodes.HeightLimit).Evidence.Single();
        Assert.That((e.Id, e.HeightM, e.MaxHeightM), Is.EqualTo(("Z3", 35.0, 30.0)));
    }

    [Test]
    public void Judge_RuralA2bAt450mFromA2b_RejectSpacingNotMustShare()
    {
        // T1 is 450 m away: beyond must-share (400 m), within the A2b non-urban spacing (500 m).
        var v = Judge(App("A", "MobiFone", 601000, 2301450));
        Assert.That((v.Verdict, string.Join(",", v.Failed)), Is.EqualTo((Verdict.Reject, ApprovalCodes.SpacingTooClose)));
        var e = Check(v, ApprovalCodes.SpacingTooClose).Evidence.Single();
        Assert.That((e.Id, e.DistanceM, e.LimitM), Is.EqualTo(("T1", 450.0, 500.0)));
    }

    [Test]
    public void Judge_UrbanA2aAt180mFromA2a_RejectSpacingUrbanFigure()
    {
        // T4 A2a 20 m: A2a > 15 m keeps 200 m in urban areas; 180 m is beyond the urban must-share distance (100 m).
        var v = Judge(App("A", "MobiFone", 608000, 2301180, "A2a", 20));
        Assert.That((v.Verdict, string.Join(",", v.Failed), v.Urban), Is.EqualTo((Verdict.Reject, ApprovalCodes.SpacingTooClose, true)));
        Assert.That(Check(v, ApprovalCodes.SpacingTooClose).Evidence.Single().LimitM, Is.EqualTo(200));
    }

    [Test]
    public void Judge_A1NearTowers_NoSpacingRule()
    {
        var check = Check(Judge(App("A", "MobiFone", 601000, 2301450, "A1a", 20)), ApprovalCodes.SpacingTooClose);
        Assert.That((check.Applicable, check.Note), Is.EqualTo((false, "no_spacing_rule")));
    }

    [Test]
    public void Judge_300mFromTowerWithSpareCapacity_ShareIt()
    {
        // T1 (Viettel, 1 of 3) is 300 m away, inside the non-urban must-share distance.
        var v = Judge(App("A", "VNPT", 601000, 2301300));
        Assert.Multiple(() =>
        {
            Assert.That(v.Verdict, Is.EqualTo(Verdict.Share));
            Assert.That(v.TowerId, Is.EqualTo("T1"));
            var e = Check(v, ApprovalCodes.MustShare).Evidence.Single();
            Assert.That((e.Id, e.DistanceM, e.LimitM, e.Tenants, e.MaxTenants, e.CanShare), Is.EqualTo(("T1", 300.0, 400.0, 1, 3, true)));
            Assert.That(Check(v, ApprovalCodes.TowerFull).Passed, Is.True);
        });
    }

    [Test]
    public void Judge_300mFromFullTower_Refer()
    {
        // T2 (Viettel + VNPT, max 2) is 300 m away and full; T1 is 1044 m away. The spacing conflict with T2 goes to the authority.
        var v = Judge(App("A", "MobiFone", 602000, 2300700));
        Assert.Multiple(() =>
        {
            Assert.That(v.Verdict, Is.EqualTo(Verdict.Refer));
            Assert.That(v.TowerId, Is.EqualTo("T2"));
            Assert.That(v.Failed, Is.EqualTo(new[] { ApprovalCodes.SpacingTooClose, ApprovalCodes.MustShare, ApprovalCodes.TowerFull }));
            Assert.That(Check(v, ApprovalCodes.TowerFull).Evidence.Single().CanShare, Is.False);
        });
    }

    [Test]
    public void Judge_FullTowerButApplicantAlreadyOnIt_Share()
    {
        var v = Judge(App("A", "Viettel", 602000, 2300700));
        Assert.That((v.Verdict, v.TowerId), Is.EqualTo((Verdict.Share, "T2")));
    }

    [Test]
    public void Judge_MustShareFullTowerAndZoneForbidsNewTower_Reject()
    {
        // 300 m north of full T2, inside the no-new-bulky zone Z5: cannot share, cannot build → reject, not refer.
        var bulky = Judge(App("A", "MobiFone", 602000, 2301300));
        var nonBulky = Judge(App("B", "MobiFone", 602000, 2301300, "A1a", 20));
        Assert.Multiple(() =>
        {
            Assert.That(bulky.Verdict, Is.EqualTo(Verdict.Reject));
            Assert.That(bulky.Failed, Is.EqualTo(new[] { ApprovalCodes.ZoneClassNotAllowed, ApprovalCodes.SpacingTooClose, ApprovalCodes.MustShare, ApprovalCodes.TowerFull }));
            Assert.That((nonBulky.Verdict, nonBulky.TowerId), Is.EqualTo((Verdict.Refer, "T2")));
        });
    }

    [Test]
    public void Judge_UrbanSite_UrbanMustShareDistance()
    {
        // T4 is urban: 50 m → must share (< 100 m); 150 m → free (A1a has no spacing rule).
        var near = Judge(App("A", "VNPT", 608050, 2301000, "A1a", 20));
        var far = Judge(App("B", "VNPT", 608150, 2301000, "A1a", 20));
        Assert.That((near.Verdict, near.TowerId, far.Verdict), Is.EqualTo((Verdict.Share, "T4", Verdict.Approve)));
    }

    [Test]
    public void Judge_RuralSiteNearUrbanTower_MixedPairUsesNonUrbanDistance()
    {
        // T5 stands in urban C2, the site in rural C1, 300 m apart: a mixed pair keeps the non-urban 400 m.
        var v = Judge(App("A", "VNPT", 604800, 2302000, "A1a", 15));
        Assert.That((v.Verdict, v.TowerId), Is.EqualTo((Verdict.Share, "T5")));
        Assert.That(Check(v, ApprovalCodes.MustShare).Evidence.Single().LimitM, Is.EqualTo(400));
    }

    [TestCase("T1", 601005, 2301000, ExpectedResult = "share T1 ")]
    [TestCase("T2", 602000, 2301000, ExpectedResult = "refer T2 TOWER_FULL")]
    [TestCase("T99", 602000, 2301000, ExpectedResult = "reject  MISSING_TOWER")]
    [TestCase("T1", 601100, 2301000, ExpectedResult = "reject  SHARED_TOWER_FAR")]
    public string Judge_NamedTower_VerdictTowerAndFailedCodes(string tower, double x, double y)
    {
        var v = Judge(App("A", "Vietnamobile", x, y, shares: tower));
        Assert.That(v.Checks.Where(c => c.Code is ApprovalCodes.NoTowerZone or ApprovalCodes.MustShare or ApprovalCodes.NotInPlan).All(c => c.Note == "shares_named_tower"), Is.True);
        return $"{VerdictKeys.Key(v.Verdict)} {v.TowerId} {string.Join(",", v.Failed)}";
    }

    [Test]
    public void Judge_PlannedPositions_BulkyNeedsOneWithinTolerance()
    {
        var dataset = Network().Tower("P1", 603000, 2305000, "A2b", 45, status: TowerStatus.Planned).Build();
        var near = Judge(App("A", "MobiFone", 603000, 2305300), dataset);
        var far = Judge(App("B", "MobiFone", 603000, 2303000), dataset);
        var rooftop = Judge(App("C", "MobiFone", 603000, 2303000, "A1a", 20), dataset);
        Assert.Multiple(() =>
        {
            Assert.That(near.Verdict, Is.EqualTo(Verdict.Approve));
            Assert.That((far.Verdict, string.Join(",", far.Failed)), Is.EqualTo((Verdict.Reject, ApprovalCodes.NotInPlan)));
            var e = Check(far, ApprovalCodes.NotInPlan).Evidence.Single();
            Assert.That((e.Kind, e.Id, e.DistanceM, e.LimitM), Is.EqualTo(("planned_tower", "P1", 2000.0, 400.0)));
            Assert.That((rooftop.Verdict, Check(rooftop, ApprovalCodes.NotInPlan).Note), Is.EqualTo((Verdict.Approve, "non_bulky_class")));
        });
    }

    [Test]
    public void Judge_PlanToleranceNull_PlanCheckOff()
    {
        var dataset = Network().Tower("P1", 603000, 2305000, "A2b", 45, status: TowerStatus.Planned).Build(ProvinceRules.Default with { PlanToleranceM = null });
        var v = Judge(App("B", "MobiFone", 603000, 2303000), dataset);
        Assert.That((v.Verdict, Check(v, ApprovalCodes.NotInPlan).Note), Is.EqualTo((Verdict.Approve, "plan_check_off")));
    }

    [Test]
    public void Run_Batch_LaterApplicationsSeeEarlierApprovals()
    {
        // A and B are 200 m apart in the open: the first is approved, the second must share it.
        var a = App("A", "MobiFone", 603000, 2303000);
        var b = App("B", "VNPT", 603200, 2303000);
        var dataset = Network().Build();
        var ab = ApprovalAnalysis.Run(dataset, [ApplicationEntry.Valid(1, a), ApplicationEntry.Valid(2, b)]).Verdicts;
        var ba = ApprovalAnalysis.Run(dataset, [ApplicationEntry.Valid(1, b), ApplicationEntry.Valid(2, a)]).Verdicts;
        Assert.Multiple(() =>
        {
            Assert.That(ab.Select(v => (v.Verdict, v.TowerId)), Is.EqualTo(new[] { (Verdict.Approve, (string?)null), (Verdict.Share, "A") }));
            Assert.That(ba.Select(v => (v.Verdict, v.TowerId)), Is.EqualTo(new[] { (Verdict.Approve, (string?)null), (Verdict.Share, "B") }));
            Assert.That(Check(ab[1], ApprovalCodes.MustShare).Evidence.Single().Kind, Is.EqualTo("application"));
        });
    }

    [Test]
    public void Run_Batch_SharersFillTheApprovedTowerThenRefer()
    {
        // A2b takes 4 operators: A (MobiFone) plus three sharers fill it; the fifth operator is referred.
        string[] ops = ["VNPT", "Viettel", "Vietnamobile", "Gmobile"];
        var entries = new List<ApplicationEntry> { ApplicationEntry.Valid(1, App("A", "MobiFone", 603000, 2303000)) };
        entries.AddRange(ops.Select((op, i) => ApplicationEntry.Valid(i + 2, App($"S{i}", op, 603000 + (50 * (i + 1)), 2303000))));
        var verdicts = ApprovalAnalysis.Run(Network().Build(), entries).Verdicts;
        Assert.That(verdicts.Select(v => VerdictKeys.Key(v.Verdict)), Is.EqualTo(new[] { "approve", "share", "share", "share", "refer" }));
        Assert.That(verdicts[4].TowerId, Is.EqualTo("A"));
    }

    [Test]
    public void Run_Batch_ReferredAndRejectedBuildNothing()
    {
        // X (rejected, in Z4) would stand 450 m from A: had it been built, A (A2b) would break the 500 m spacing.
        var entries = new[]
        {
            ApplicationEntry.Valid(1, App("R", "MobiFone", 602000, 2300700)),
            ApplicationEntry.Valid(2, App("X", "MobiFone", 603250, 2307250)),
            ApplicationEntry.Valid(3, App("A", "VNPT", 603250, 2306800)),
        };
        var verdicts = ApprovalAnalysis.Run(Network().Build(), entries).Verdicts;
        Assert.That(verdicts.Select(v => v.Verdict), Is.EqualTo(new[] { Verdict.Refer, Verdict.Reject, Verdict.Approve }));
    }

    [Test]
    public void Run_InvalidRow_RejectedWithItsValidationCodes()
    {
        var problems = new[]
        {
            new ValidationProblem(ProblemCodes.UnknownOperator, "unknown operator 'Orange'", "applications.csv", 1, "operator", "A"),
            new ValidationProblem(ProblemCodes.MissingValue, "'height_m' is required", "applications.csv", 1, "height_m", "A"),
        };
        var v = ApprovalAnalysis.Run(Network().Build(), [new ApplicationEntry(1, "A", null, problems)]).Verdicts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(v.Verdict, Is.EqualTo(Verdict.Reject));
            Assert.That(v.Failed, Is.EqualTo(new[] { ProblemCodes.UnknownOperator, ProblemCodes.MissingValue }));
            Assert.That(v.Checks[0].Evidence.Single().Id, Is.EqualTo("operator"));
        });
    }

    [Test]
    public void Judge_CoverageEngineSeam_GainReported()
    {
        var gain = new CoverageGain("MobiFone", Technology.G4, 3, 4200, ["S1", "S2", "S3"]);
        var appraiser = new ApplicationAppraiser(Network().Build(), new FixedGain(gain));
        var v = appraiser.Judge(ApplicationEntry.Valid(1, App("A", "MobiFone", 603000, 2303000)));
        Assert.That((v.CoverageGain, appraiser.CoverageGainComputed), Is.EqualTo((gain, true)));
    }

    private sealed class FixedGain(CoverageGain gain) : ICoverageGain
    {
        public CoverageGain? Estimate(TowerApplication application) => gain;
    }
}
