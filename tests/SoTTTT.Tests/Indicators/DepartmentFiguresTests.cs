using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Indicators;

/// <summary>
/// The figures of issue 12, as the departments count them, on <see cref="SmallProvince"/> with extra layers. Every expected
/// value is worked out by hand in the comments (fibre reach 500 m, the default of rules.json):
/// <code>
///  y=2318400                       F2 (VNPT, underground, 1 km) x 583000..584000 — goes to C2 (400 m outside)
///  y=2318000 +-----------+-----------+   UB2 (583500, 2318000): C2's office, 400 m from F2 → reached
///            | UB1 ●     |     N2 N3 |   UB1 (581000, 2317300): C1's office, 300 m from F1 → reached
///  y=2317000 |F1=========|           |   YT1 clinic (581500, 2317400): 400 m from F1 → reached
///            |  TR1      |     TR2   |   TR1 school (580800, 2316800): 200 m from F1; TR2 (583800, 2317500): 900 m from F2
///  y=2316200 |K1~~  F3===|======     |   F3 (Viettel, aerial, 2 km) y=2316200 x 581000..582000..583000: a segment in C1, one in C2
///  y=2316000 +-----------+-----------+   K1 copper (VNPT) y=2316100 x 580000..580500 = 0.5 km
/// </code>
/// </summary>
public class DepartmentFiguresTests
{
    [Test]
    public void Run_CommuneOffices_CommunesFibreToCentreAsXOfY()
    {
        using var ds = Province();
        var p = Row(ds, AdminLevel.Province, "P");
        var c2 = Row(ds, AdminLevel.Commune, "C2");
        Assert.Multiple(() =>
        {
            // Both offices lie within 500 m of a fibre route (300 m, 400 m): 2/2.
            Assert.That((p.CommunesFibreToCentre, p.CommunesWithCentre), Is.EqualTo((2, 2)));
            Assert.That(p.CommunesWithFibrePct, Is.EqualTo(100.0).Within(1e-9));
            Assert.That((c2.CommunesFibreToCentre, c2.CommunesWithCentre), Is.EqualTo((1, 1)));
        });
    }

    [Test]
    public void Run_NoOffices_PolygonInteriorPointsGiveOneOfTwo()
    {
        using var ds = Province();
        ds.File("public_sites.csv", "id,kind,x,y\nTR1,school,580800,2316800\n");
        var p = Row(ds, AdminLevel.Province, "P");

        // C1's interior point (581000, 2317000) lies on F1; C2's (583000, 2317000) is 800 m from F3 and 1,400 m from F2: 1/2.
        Assert.That((p.CommunesFibreToCentre, p.CommunesWithCentre, p.CommunesWithFibrePct), Is.EqualTo((1, 2, (double?)50.0)));
    }

    [Test]
    public void Run_PublicSites_EachKindWithinFibreReachXOfY()
    {
        using var ds = Province();
        var p = Row(ds, AdminLevel.Province, "P");
        Assert.Multiple(() =>
        {
            // Schools: TR1 200 m from F1 (yes), TR2 900 m from F2 and √(800² + 1300²) m from F3's end (no): 1/2.
            Assert.That(p.PublicSitesByKind, Is.EqualTo(new Dictionary<string, int> { ["clinic"] = 1, ["commune_office"] = 2, ["school"] = 2 }));
            Assert.That(p.PublicSitesFibreByKind, Is.EqualTo(new Dictionary<string, int> { ["clinic"] = 1, ["commune_office"] = 2, ["school"] = 1 }));
        });
    }

    [Test]
    public void Run_Subscribers_Per100AtEveryLevelWithOperators()
    {
        using var ds = Province();
        var p = Row(ds, AdminLevel.Province, "P");
        var c1 = Row(ds, AdminLevel.Commune, "C1");
        var c2 = Row(ds, AdminLevel.Commune, "C2");
        Assert.Multiple(() =>
        {
            // Mobile: P's own count of the latest date, 7,000 (2024) rather than 6,000 (2023); 7,000 / 7,000 people × 100 = 100.
            Assert.That(p.SubscribersByService["mobile"], Is.EqualTo(7000));
            Assert.That(p.SubscribersPer100ByService["mobile"], Is.EqualTo(100.0).Within(1e-9));

            // Fixed broadband: C1 = 300 (Viettel) + 200 (VNPT) = 500, C2 = 500 (all operators) → P = 1,000;
            // 1,000 / 7,000 × 100 = 14.2857; C1: 500 / 4,000 (its settlements) × 100 = 12.5; C2: 500 / 2,000 × 100 = 25.
            Assert.That(p.SubscribersByService["fixed_broadband"], Is.EqualTo(1000));
            Assert.That(p.SubscribersPer100ByService["fixed_broadband"], Is.EqualTo(100.0 / 7).Within(1e-9));
            Assert.That(c1.SubscribersPer100ByService["fixed_broadband"], Is.EqualTo(12.5).Within(1e-9));
            Assert.That(c2.SubscribersPer100ByService["fixed_broadband"], Is.EqualTo(25.0).Within(1e-9));
            Assert.That(p.SubscribersByServiceOperator["fixed_broadband"], Is.EqualTo(new Dictionary<string, long> { ["VNPT"] = 200, ["Viettel"] = 300 }));
            Assert.That(c1.SubscribersByService.ContainsKey("mobile"), Is.False, "a province-wide count is not spread over communes");
        });
    }

    [Test]
    public void Run_BacGiang2008_MobilePer100AsPublished()
    {
        // DOMAIN.md: Bắc Giang (2008), about 950,000 subscribers over 1,615,646 people = 58.8 phones per 100 people.
        using var ds = new TempDataset("Bắc Giang");
        ds.File("admin_units.csv", "code,name,level,population\n24,Bắc Giang,province,1615646\n");
        ds.File("subscribers.csv", "unit_code,service,count,date\n24,mobile,950000,2008\n");
        var p = Row(ds, AdminLevel.Province, "24");

        Assert.That(Math.Round(p.SubscribersPer100ByService["mobile"], 1), Is.EqualTo(58.8));
    }

    [Test]
    public void Run_Postal_CriterionEightOperatorsAndOtherKinds()
    {
        using var ds = Province();
        var p = Row(ds, AdminLevel.Province, "P");
        var c1 = Row(ds, AdminLevel.Commune, "C1");
        Assert.Multiple(() =>
        {
            // PP1 (VNPost) and PP2 (Viettel Post) in C1; PP3 is placed in district D (admin_code), in no commune: 1/2 = 50 %.
            Assert.That((p.CommunesWithPostal, p.Communes, p.CommunesWithPostalPct), Is.EqualTo((1, 2, (double?)50.0)));
            Assert.That(c1.CommunesWithPostalPct, Is.EqualTo(100.0));
            Assert.That(p.PostalPointsByOperator, Is.EqualTo(new Dictionary<string, int> { ["VNPost"] = 1, ["Viettel Post"] = 2 }));

            // "Điểm giao dịch" and "cửa hàng" are no VNPost kind: other operators' points count as other.
            Assert.That(p.PostalPointsByKind, Is.EqualTo(new Dictionary<string, int> { ["commune_post_culture"] = 1, ["other"] = 2 }));
        });
    }

    [Test]
    public void Run_TargetRadius_ExtraPointsNeeded()
    {
        using var ds = Province();
        var dataset = Load(ds);

        // P: 10 km², 3 points. R_t = 1 km → ⌈10 / π⌉ = ⌈3.18⌉ = 4 → 1 more; R_t = 0.5 km → ⌈10 / (π · 0.25)⌉ = ⌈12.73⌉ = 13 → 10 more.
        Assert.Multiple(() =>
        {
            Assert.That(IndicatorsAnalysis.Run(dataset, AdminLevel.Province, 1.0).Rows[0].PostalPointsNeeded, Is.EqualTo(1));
            Assert.That(IndicatorsAnalysis.Run(dataset, AdminLevel.Province, 0.5).Rows[0].PostalPointsNeeded, Is.EqualTo(10));
            Assert.That(IndicatorsAnalysis.Run(dataset, AdminLevel.Province).Rows[0].PostalPointsNeeded, Is.Null);
        });
    }

    [Test]
    public void PointsNeeded_NationalSeries_InverseOfServiceRadius()
    {
        // DOMAIN.md: 330,972 km², 18,502 points → 2.39 km. For 2.39 km, ⌈330,972 / (π · 2.39²)⌉ = ⌈18,443.6⌉ = 18,444 ≤ 18,502:
        // nothing to add; for 2.0 km, ⌈330,972 / (π · 4)⌉ = ⌈26,337.9⌉ = 26,338 → 26,338 − 18,502 = 7,836.
        Assert.Multiple(() =>
        {
            Assert.That(IndicatorsCalculator.PointsNeeded(330_972, 2.39, 18_502), Is.Zero);
            Assert.That(IndicatorsCalculator.PointsNeeded(330_972, 2.0, 18_502), Is.EqualTo(7_836));
        });
    }

    [Test]
    public void Run_OutsidePlant_RouteCountsUndergroundShareCopperNodes()
    {
        using var ds = Province();
        var p = Row(ds, AdminLevel.Province, "P");
        var c1 = Row(ds, AdminLevel.Commune, "C1");
        var c2 = Row(ds, AdminLevel.Commune, "C2");
        Assert.Multiple(() =>
        {
            // F1 (2 km) + F2 (1 km) + F3 (2 km) = 5 km, of which F2's 1 km underground: 20 %.
            Assert.That(p.FibreRoutes, Is.EqualTo(3));
            Assert.That(p.FibreKm, Is.EqualTo(5.0).Within(1e-9));
            Assert.That(p.FibreUndergroundPct, Is.EqualTo(20.0).Within(1e-9));

            // F3 runs through both communes: it counts in each, once in the province.
            Assert.That(c1.FibreRoutes, Is.EqualTo(2), "F1, F3");
            Assert.That(c2.FibreRoutes, Is.EqualTo(2), "F2, F3");

            // K1: 0.5 km of copper in C1, not in any fibre figure.
            Assert.That((p.CopperRoutes, p.CopperKm), Is.EqualTo((1, 0.5)).Using<(int, double)>((a, b) => a.Item1 == b.Item1 && Math.Abs(a.Item2 - b.Item2) < 1e-9));
            Assert.That((c2.CopperRoutes, c2.CopperKm), Is.EqualTo((0, 0.0)));

            // N1 exchange in C1; N2 OLT and N3 cabinet in C2.
            Assert.That(p.Nodes, Is.EqualTo(3));
            Assert.That(p.NodesByKind, Is.EqualTo(new Dictionary<string, int> { ["cabinet"] = 1, ["exchange"] = 1, ["olt"] = 1 }));
            Assert.That(c2.Nodes, Is.EqualTo(2));
        });
    }

    internal static TempDataset Province()
    {
        var ds = SmallProvince.Create();
        ds.File("fibre_routes.csv", """
            id,operator,placement,cores,medium,wkt
            F1,Viettel,aerial,24,fibre,"LINESTRING(580000 2317000, 582000 2317000)"
            F2,VNPT,underground,48,,"LINESTRING(583000 2318400, 584000 2318400)"
            F3,Viettel,aerial,12,fibre,"LINESTRING(581000 2316200, 582000 2316200, 583000 2316200)"
            K1,VNPT,aerial,,copper,"LINESTRING(580000 2316100, 580500 2316100)"
            """);
        ds.File("public_sites.csv", """
            id,kind,commune_code,x,y
            UB1,commune_office,C1,581000,2317300
            UB2,commune_office,C2,583500,2318000
            TR1,school,,580800,2316800
            TR2,school,,583800,2317500
            YT1,clinic,,581500,2317400
            """);
        ds.File("postal_points.csv", """
            id,name,kind,operator,admin_code,x,y
            PP1,Điểm BĐ-VHX Một,commune_post_culture,VNPost,C1,581000,2317300
            PP2,Điểm giao dịch Viettel Post,Điểm giao dịch,Viettel Post,,581500,2316500
            PP3,Cửa hàng Viettel,cửa hàng,Viettel,D,583400,2317000
            """);
        ds.File("subscribers.csv", """
            unit_code,operator,service,count,date
            P,,mobile,6000,2023
            P,,mobile,7000,2024
            C1,Viettel,fixed_broadband,300,2024
            C1,VNPT,fixed_broadband,200,2024
            C2,,fixed_broadband,500,2024
            """);
        ds.File("nodes.csv", """
            id,kind,operator,x,y
            N1,exchange,VNPT,581200,2317100
            N2,olt,Viettel,583200,2317800
            N3,cabinet,VNPT,583300,2317800
            """);
        return ds;
    }

    private static Dataset Load(TempDataset ds)
    {
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        return result.Dataset!;
    }

    private static IndicatorRow Row(TempDataset ds, AdminLevel level, string code) =>
        IndicatorsAnalysis.Run(Load(ds), level).Rows.Single(r => r.Code == code);
}
