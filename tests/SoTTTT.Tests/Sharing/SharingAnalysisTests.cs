using NUnit.Framework;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Model;
using SoTTTT.Core.Sharing;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Sharing;

/// <summary>
/// Sharing figures worked out by hand on a crafted network (default rules):
/// <code>
///  C1 (rural, x &lt; 605000)                                         | C2 (urban)
///  T1▲ A2b max 3 (601000,2301000): Viettel 4G + Viettel 2G + VNPT  | T7▲ A1a (606000,2301000): VNPT
///  T2▲ A2b max 2 (601300,2301000): MobiFone                        | T8▲ A1a (606150,2301000): Viettel   (150 m > 100 m urban)
///  T6▲ A1a (601600,2301000): Gmobile        (T2–T6 300 m, missed)  | T10▲ A2a 20 m in a1_only Z1, no BTS (to convert)
///  T3▲ A2a 20 m max 3 (603000,2301000): Vietnamobile + L3 Viettel  | T11▲ A2b 40 m in height_limit Z3 (30 m), no BTS
///      (L3 loose, 10 m east: joins T3)                             |
///  L1 VNPT (603350,2301000) + L2 MobiFone 10 m east: inferred ~L1  | P12 planned A2b (ignored)
/// </code>
/// Positions with BTS: T1, T2, T3, ~L1, T6 (C1), T7, T8 (C2) = 7, plus the existing towers without BTS T10, T11 (C2),
/// which count as positions too (issue 11) = 9; BTS 11; shared T1, T3, ~L1 = 3.
/// </summary>
public class SharingAnalysisTests
{
    private static Dataset Network() => new TestNetwork()
        .WithProvince()
        .Tower("T1", 601000, 2301000, "A2b", 40, 3)
        .Bts("B1", "Viettel", 601000, 2301000, "T1").Bts("B2", "Viettel", 601000, 2301000, "T1", Technology.G2).Bts("B3", "VNPT", 601000, 2301000, "T1")
        .Tower("T2", 601300, 2301000, "A2b", 40, 2).Tenants("T2", "MobiFone")
        .Tower("T6", 601600, 2301000, "A1a", 20).Tenants("T6", "Gmobile")
        .Tower("T3", 603000, 2301000, "A2a", 20, 3).Tenants("T3", "Vietnamobile")
        .Bts("L3", "Viettel", 603010, 2301000)
        .Bts("L1", "VNPT", 603350, 2301000).Bts("L2", "MobiFone", 603360, 2301000)
        .Tower("T7", 606000, 2301000, "A1a", 20).Tenants("T7", "VNPT")
        .Tower("T8", 606150, 2301000, "A1a", 20).Tenants("T8", "Viettel")
        .Tower("T10", 607000, 2307000, "A2a", 20)
        .Tower("T11", 608000, 2304500, "A2b", 40)
        .Tower("P12", 603000, 2305000, "A2b", 45, status: TowerStatus.Planned)
        .Zone("Z1", ZoneKinds.A1Only, TestNetwork.Box(606500, 2306500, 607500, 2307500))
        .Zone("Z2", ZoneKinds.NoNewBulky, TestNetwork.Box(601500, 2308500, 602500, 2309500))
        .Zone("Z3", ZoneKinds.HeightLimit, TestNetwork.Box(607500, 2304000, 608500, 2305000), 30)
        .Route("F1", "Viettel", CablePlacement.Aerial, "LINESTRING(600000 2309000, 602000 2309000)")
        .Route("F2", "VNPT", CablePlacement.Underground, "LINESTRING(600500 2309010, 601500 2309010)")
        .Route("F3", "MobiFone", CablePlacement.Aerial, "LINESTRING(601800 2309012, 602300 2309012)")
        .Route("F4", "FPT Telecom", CablePlacement.Aerial, "LINESTRING(600000 2309030, 600150 2309030)")
        .Route("F5", "Viettel", CablePlacement.Underground, "LINESTRING(600000 2309005, 602000 2309005)")
        .Route("F6", "Gmobile", CablePlacement.Underground, "LINESTRING(600000 2308992, 600150 2308992)")
        .Route("F7", "VNPT", CablePlacement.Aerial, "LINESTRING(604000 2305000, 604500 2305000, 605000 2305000, 605500 2305000, 606000 2305000)")
        .Build();

    [Test]
    public void Run_ProvinceRows_HandCountedFigures()
    {
        var rows = SharingAnalysis.Run(Network(), AdminLevel.Province).Rows;
        string Row(string? op) => rows.Single(r => r.Operator == op) is var r
            ? $"{r.TowerPositions} {r.Bts} {r.BtsPerPosition:0.###} {r.SharedPositions} {r.SharingRatePct:0.##}"
            : string.Empty;
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Operator), Is.EqualTo(new[] { null, "Gmobile", "MobiFone", "VNPT", "Vietnamobile", "Viettel" }), "operators in ordinal order");
            Assert.That(Row(null), Is.EqualTo("9 11 1.222 3 33.33"), "T10 and T11 carry no BTS and still count");
            Assert.That(Row("Viettel"), Is.EqualTo("3 4 1.333 2 66.67"), "T1 (2 BTS), T3 (L3), T8");
            Assert.That(Row("VNPT"), Is.EqualTo("3 3 1 2 66.67"), "T1, ~L1, T7");
            Assert.That(Row("MobiFone"), Is.EqualTo("2 2 1 1 50"), "T2, ~L1");
            Assert.That(Row("Vietnamobile"), Is.EqualTo("1 1 1 1 100"));
            Assert.That(Row("Gmobile"), Is.EqualTo("1 1 1 0 0"));

            // Spare: T1 1, T2 1, T3 1, T6 1, T7 1, T8 1, T10 3 (A2a), T11 4 (A2b) = 13.
            Assert.That(rows[0].SpareSlots, Is.EqualTo(13));
        });
    }

    [Test]
    public void Run_CommuneRows_PositionsByLocation()
    {
        var all = SharingAnalysis.Run(Network(), AdminLevel.Commune).Rows.Where(r => r.Operator is null).ToList();
        Assert.That(all.Select(r => (r.Code, r.TowerPositions, r.SharedPositions, r.SpareSlots)), Is.EqualTo(new[] { ("C1", 5, 3, (int?)4), ("C2", 4, 0, (int?)9) }));
    }

    [Test]
    public void Run_Lists_MissedPairsCapacityConvertSpacing()
    {
        var r = SharingAnalysis.Run(Network(), AdminLevel.Province);
        Assert.Multiple(() =>
        {
            // T2 (MobiFone) and T6 (Gmobile) are single-operator, 300 m apart in the countryside; T7–T8 are 150 m apart but urban.
            Assert.That(r.MissedSharing.Select(p => (p.PositionA, p.OperatorA, p.PositionB, p.OperatorB, p.DistanceM, p.LimitM, p.Urban)), Is.EqualTo(new[] { ("T2", "MobiFone", "T6", "Gmobile", 300.0, 400.0, false) }));
            Assert.That(r.Capacity.Select(c => (c.TowerId, c.Tenants, c.MaxTenants, c.Spare)), Is.EqualTo(new[]
            {
                ("T1", 2, 3, 1), ("T10", 0, 3, 3), ("T11", 0, 4, 4), ("T2", 1, 2, 1), ("T3", 2, 3, 1), ("T6", 1, 2, 1), ("T7", 1, 2, 1), ("T8", 1, 2, 1),
            }));
            Assert.That(r.ToConvert.Select(t => (t.TowerId, t.ZoneId, t.Code)), Is.EqualTo(new[] { ("T10", "Z1", ApprovalCodes.ZoneClassNotAllowed), ("T11", "Z3", ApprovalCodes.HeightLimit) }));
            Assert.That(r.SpacingViolations.Select(v => (v.TowerA, v.TowerB, v.DistanceM, v.LimitM)), Is.EqualTo(new[] { ("T1", "T2", 300.0, 500.0) }));
        });
    }

    [Test]
    public void Run_SharedDucts_ExactCorridorLengths()
    {
        var fibre = SharingAnalysis.Run(Network(), AdminLevel.Province).Fibre;
        Assert.Multiple(() =>
        {
            // F2 (VNPT) lies 10 m and 5 m from Viettel's F1 and F5 over its whole 1000 m: counted once.
            // F3 (MobiFone) runs 12 m / 7 m beside them for 200 m and stays within 15 m of F5's end for √(15² − 7²) m more.
            // F4 (FPT, 25 m away) and F6 (Gmobile, 150 m long) do not qualify; Viettel–Viettel is not sharing.
            Assert.That(fibre.Pairs.Select(p => (p.OperatorA, p.OperatorB, p.Stretches)), Is.EqualTo(new[] { ("MobiFone", "Viettel", 1), ("VNPT", "Viettel", 1) }));
            Assert.That(fibre.Pairs[0].Km, Is.EqualTo((200 + Math.Sqrt((15 * 15) - (7 * 7))) / 1000).Within(1e-9));
            Assert.That(fibre.Pairs[1].Km, Is.EqualTo(1.0).Within(1e-9));
            var f2 = fibre.Stretches.Single(s => s.RouteId == "F2");
            Assert.That((f2.Operator, f2.OtherOperator, f2.FromM, f2.ToM), Is.EqualTo(("VNPT", "Viettel", 0.0, 1000.0)));
        });
    }

    [Test]
    public void Run_Undergrounding_AerialKmInUrbanUnitsAndZones()
    {
        var fibre = SharingAnalysis.Run(Network(), AdminLevel.Province).Fibre;
        Assert.Multiple(() =>
        {
            // F1 and F3 cross the no-new-bulky zone Z2 for 500 m each; F7's last two segments lie in urban C2 (1000 m).
            Assert.That(fibre.Undergrounding.Select(u => (u.RouteId, Math.Round(u.ToUndergroundKm, 6))), Is.EqualTo(new[] { ("F1", 0.5), ("F3", 0.5), ("F7", 1.0) }));
            Assert.That(fibre.AerialKm, Is.EqualTo(4.65).Within(1e-9));
            Assert.That(fibre.ToUndergroundKm, Is.EqualTo(2.0).Within(1e-9));
            Assert.That(fibre.ToUndergroundKmByOperator, Is.EqualTo(new Dictionary<string, double> { ["MobiFone"] = 0.5, ["VNPT"] = 1.0, ["Viettel"] = 0.5 }).Within(1e-9));
        });
    }

    [Test]
    public void Run_MinLengthFromRules_ShortStretchesCount()
    {
        var dataset = Network();
        dataset = dataset with { Rules = dataset.Rules with { DuctMinLengthM = 100 } };
        var pairs = SharingAnalysis.Run(dataset, AdminLevel.Province).Fibre.Pairs;
        Assert.That(pairs.Select(p => $"{p.OperatorA}-{p.OperatorB}"), Does.Contain("Gmobile-Viettel"), "F6 runs 150 m beside F1");
    }

    [Test]
    public void Run_NoAdminUnits_OneDatasetRow()
    {
        var dataset = new TestNetwork().Tower("T1", 601000, 2301000, "A2b").Tenants("T1", "Viettel", "VNPT").Build();
        var row = SharingAnalysis.Run(dataset, AdminLevel.Province).Rows[0];
        Assert.That((row.Name, row.TowerPositions, row.SharedPositions), Is.EqualTo(("Test", 1, 1)));
    }
}
