using System.Text;
using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Indicators;

public class IndicatorsAnalysisTests
{
    private static Dataset Load(TempDataset ds)
    {
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        return result.Dataset!;
    }

    [Test]
    public void Run_SmallProvinceCommunes_HandComputedFigures()
    {
        using var ds = SmallProvince.Create();
        var rows = IndicatorsAnalysis.Run(Load(ds), AdminLevel.Commune).Rows;
        var c1 = rows.Single(r => r.Code == "C1");
        var c2 = rows.Single(r => r.Code == "C2");
        Assert.Multiple(() =>
        {
            // C1: 2 km × 2 km polygon, one point → R = √(4 / π) = 1.1284 km.
            Assert.That(c1.AreaKm2, Is.EqualTo(4.0).Within(1e-9));
            Assert.That(c1.AreaSource, Is.EqualTo("polygon"));
            Assert.That(c1.PostalPoints, Is.EqualTo(1));
            Assert.That(c1.ServiceRadiusKm, Is.EqualTo(Math.Sqrt(4 / Math.PI)).Within(1e-9));
            Assert.That(c1.Population, Is.EqualTo(4000), "no official figure: the settlements' sum");
            Assert.That(c1.Settlements, Is.EqualTo(2));

            // S1 is 300 m from PP1 (pop 1000), S2 √(500² + 800²) = 943.4 m (pop 3000).
            Assert.That(c1.PostalAccessMeanKm, Is.EqualTo(((1000 * 0.3) + (3000 * Math.Sqrt(0.89))) / 4000).Within(1e-9));
            Assert.That(c1.PostalAccessMaxKm, Is.EqualTo(Math.Sqrt(0.89)).Within(1e-9));

            // B1, B2 on T1; B3 5 m from T1 stands on it too.
            Assert.That(c1.Bts, Is.EqualTo(3));
            Assert.That(c1.TowerPositions, Is.EqualTo(1));
            Assert.That(c1.BtsByOperator, Is.EquivalentTo(new Dictionary<string, int> { ["MobiFone"] = 1, ["VNPT"] = 1, ["Viettel"] = 1 }));
            Assert.That(c1.FibreKm, Is.EqualTo(2.0).Within(1e-9));
            Assert.That(c1.CommunesWithFibrePct, Is.EqualTo(100));
            Assert.That(c1.SettlementsWithinFibrePct, Is.EqualTo(100), "S2 is exactly 500 m from F1: within the default reach");

            // C2: B4 and B5 are 10 m apart with no tower: one inferred position.
            Assert.That(c2.Bts, Is.EqualTo(2));
            Assert.That(c2.TowerPositions, Is.EqualTo(1));
            Assert.That(c2.BtsPerPosition, Is.EqualTo(2.0));
            Assert.That(c2.PostalAccessMeanKm, Is.EqualTo(0.4).Within(1e-9));
            Assert.That(c2.FibreKm, Is.EqualTo(1.0).Within(1e-9), "F2 lies 400 m north of C2, within the 500 m tolerance: it goes to C2");
            Assert.That(c2.CommunesWithFibrePct, Is.EqualTo(0));
            Assert.That(c2.SettlementsWithinFibrePct, Is.EqualTo(0));
        });
    }

    [Test]
    public void Run_SmallProvinceProvince_RollsUpAndUsesOfficialFigures()
    {
        using var ds = SmallProvince.Create();
        var table = IndicatorsAnalysis.Run(Load(ds), AdminLevel.Province);
        var p = table.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(p.AreaKm2, Is.EqualTo(10), "the official area wins over geometry");
            Assert.That(p.AreaSource, Is.EqualTo("official"));
            Assert.That(p.Population, Is.EqualTo(7000));
            Assert.That(p.PostalPoints, Is.EqualTo(2));
            Assert.That(p.PostalPointsByKind, Is.EquivalentTo(new Dictionary<string, int> { ["commune_post_culture"] = 1, ["post_office_3"] = 1 }));
            Assert.That(p.ServiceRadiusKm, Is.EqualTo(Math.Sqrt(10 / (2 * Math.PI))).Within(1e-9));
            Assert.That(p.PeoplePerPostalPoint, Is.EqualTo(3500));
            Assert.That(p.PostalAccessMeanKm, Is.EqualTo((300 + (3000 * Math.Sqrt(0.89)) + 800) / 6000).Within(1e-9));
            Assert.That(p.Bts, Is.EqualTo(5));
            Assert.That(p.BtsByTech, Is.EquivalentTo(new Dictionary<string, int> { ["2G"] = 1, ["3G"] = 1, ["4G"] = 3 }));
            Assert.That(p.TowerPositions, Is.EqualTo(2));
            Assert.That(p.BtsPerPosition, Is.EqualTo(2.5));

            // F2 lies outside both communes, 400 m from C2: it goes to the nearest commune within 500 m.
            Assert.That(p.FibreKm, Is.EqualTo(3.0).Within(1e-9));
            Assert.That(p.FibreKmByOperator["Viettel"], Is.EqualTo(2.0).Within(1e-9));
            Assert.That(p.FibreKmByPlacement["underground"], Is.EqualTo(1.0).Within(1e-9));
            Assert.That(p.Communes, Is.EqualTo(2));
            Assert.That(p.CommunesWithFibrePct, Is.EqualTo(50));
            Assert.That(p.SettlementsWithinFibrePct, Is.EqualTo(200.0 / 3).Within(1e-9));
            Assert.That(table.Unassigned, Is.Empty);
        });
    }

    [Test]
    public void Run_District_AreaAndPopulationFromChildren()
    {
        using var ds = SmallProvince.Create();
        var d = IndicatorsAnalysis.Run(Load(ds), AdminLevel.District).Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(d.AreaKm2, Is.EqualTo(8.0).Within(1e-9));
            Assert.That(d.AreaSource, Is.EqualTo("children"));
            Assert.That(d.Population, Is.EqualTo(6000));
            Assert.That(d.FibreKm, Is.EqualTo(3.0).Within(1e-9));
        });
    }

    [Test]
    public void Run_StatisticsTableWithoutPolygons_ReproducesNationalSeries2008()
    {
        // A statistics table: one unit with the official area and population, 18,502 points named by code,
        // as the Ministry's 2008 series (DOMAIN.md): radius 2.39 km, 4,659 people per point.
        using var ds = new TempDataset("Việt Nam 2008");
        ds.File("admin_units.csv", "code,name,level,area_km2,population\nVN,Việt Nam,province,330972,86210000\n");
        var sb = new StringBuilder("id,kind,admin_code,lon,lat\n");
        for (var i = 0; i < 18_502; i++)
        {
            sb.Append(FormattableString.Invariant($"P{i},agent,VN,{105 + (i % 100) * 0.01},{20 + (i / 100) * 0.01}\n"));
        }

        ds.File("postal_points.csv", sb.ToString());
        var row = IndicatorsAnalysis.Run(Load(ds), AdminLevel.Province).Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.PostalPoints, Is.EqualTo(18_502));
            Assert.That(row.ServiceRadiusKm, Is.EqualTo(2.39).Within(0.005));
            Assert.That(row.PeoplePerPostalPoint, Is.EqualTo(4_659).Within(1));
            Assert.That(row.AreaSource, Is.EqualTo("official"));
        });
    }
}
