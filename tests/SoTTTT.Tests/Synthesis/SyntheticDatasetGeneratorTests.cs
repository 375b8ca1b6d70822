using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.Core.Synthesis;
using SoTTTT.IO;

namespace SoTTTT.Tests.Synthesis;

/// <summary>
/// The province profile against the Hải Dương figures it is calibrated to (PRODUCT.md, from the department's
/// report: 1,668.2 km², ~1.9 M people, 12 district-level units, 265 communes, 1,447 villages, 294 postal points —
/// 45 post offices, 185 commune post-culture points, 64 agents/kiosks/letter boxes —, 2,952 BTS at 1,300
/// positions, over 1,000 fibre routes totalling 4,508 km).
/// </summary>
[TestFixture]
public sealed class SyntheticDatasetGeneratorTests
{
    private const int Seed = 2025;
    private Dataset province = null!;

    [OneTimeSetUp]
    public void GenerateProvince() => province = SyntheticDatasetGenerator.Generate(SynthProfile.Province, Seed);

    [Test]
    public void Generate_Province_ReportLayersCalibratedToHaiDuong2019()
    {
        var population = province.AdminUnits.Single(u => u.Level == AdminLevel.Province).Population!.Value;
        long Count(SubscriberService s) => province.Subscribers.Single(c => c.UnitCode == "30" && c.Service == s).Count;
        Assert.Multiple(() =>
        {
            // DOMAIN.md, Hải Dương 2019: 129 switching points; 2.4 / 120 / 33.9 / 12.1 subscribers per 100 people.
            Assert.That(province.Nodes.Count(n => n.Kind == NodeKind.SwitchingPoint), Is.EqualTo(129));
            Assert.That(Math.Round(100.0 * Count(SubscriberService.Mobile) / population, 1), Is.EqualTo(120.0));
            Assert.That(Math.Round(100.0 * Count(SubscriberService.FixedPhone) / population, 1), Is.EqualTo(2.4));
            Assert.That(province.PublicSites.Count(p => p.Kind == PublicSiteKind.CommuneOffice), Is.EqualTo(province.AdminUnits.Count(u => u.Level == AdminLevel.Commune)));
            Assert.That(province.Date, Is.EqualTo("2019-12-31"));
        });
    }

    [Test]
    public void Generate_SameSeed_WritesIdenticalFiles()
    {
        var first = WriteToTemp(SyntheticDatasetGenerator.Generate(SynthProfile.Province, 7));
        var second = WriteToTemp(SyntheticDatasetGenerator.Generate(SynthProfile.Province, 7));
        try
        {
            var names = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.That(Directory.GetFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(names));
            Assert.Multiple(() =>
            {
                foreach (var name in names)
                {
                    Assert.That(File.ReadAllBytes(Path.Combine(second, name!)), Is.EqualTo(File.ReadAllBytes(Path.Combine(first, name!))), name);
                }
            });
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Test]
    public void Generate_DifferentSeed_WritesDifferentFiles()
    {
        var first = WriteToTemp(SyntheticDatasetGenerator.Generate(SynthProfile.Province, 7));
        var second = WriteToTemp(SyntheticDatasetGenerator.Generate(SynthProfile.Province, 8));
        try
        {
            Assert.Multiple(() =>
            {
                foreach (var name in new[] { "admin_units.csv", "settlements.csv", "towers.csv", "bts.csv", "fibre_routes.csv" })
                {
                    Assert.That(File.ReadAllBytes(Path.Combine(second, name)), Is.Not.EqualTo(File.ReadAllBytes(Path.Combine(first, name))), name);
                }
            });
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Test]
    public void Generate_Province_AdminCountsMatchHaiDuong()
    {
        var units = province.AdminUnits;
        Assert.Multiple(() =>
        {
            Assert.That(units.Count(u => u.Level == AdminLevel.Province), Is.EqualTo(1));
            Assert.That(units.Count(u => u.Level == AdminLevel.District), Is.EqualTo(12));
            Assert.That(units.Count(u => u.Level == AdminLevel.Commune), Is.EqualTo(265));
            Assert.That(units.Select(u => u.Code), Is.Unique);
        });
    }

    [Test]
    public void Generate_Province_AreaAndPopulationMatchHaiDuong()
    {
        var top = province.AdminUnits.Single(u => u.Level == AdminLevel.Province);
        var communes = province.AdminUnits.Where(u => u.Level == AdminLevel.Commune).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(top.Boundary!.Area / 1e6, Is.EqualTo(1668.2).Within(2).Percent);
            Assert.That(top.AreaKm2, Is.EqualTo(1668.2));
            Assert.That((double)communes.Sum(c => c.Population!.Value), Is.EqualTo(1.9e6).Within(3).Percent);
            Assert.That(top.Population, Is.EqualTo(communes.Sum(c => c.Population!.Value)));
            Assert.That(province.Settlements.Sum(s => s.Population!.Value), Is.EqualTo(top.Population));
        });
    }

    [Test]
    public void Generate_Province_LayerCountsMatchHaiDuong()
    {
        var kinds = province.PostalPoints.GroupBy(p => p.Kind).ToDictionary(g => g.Key!.Value, g => g.Count());
        int Kind(params PostalKind[] wanted) => wanted.Sum(k => kinds.GetValueOrDefault(k));
        var existingTowers = province.Towers.Count(t => t.Status == TowerStatus.Existing);
        var fibreKm = province.FibreRoutes.Sum(f => f.Path.Length) / 1000;
        Assert.Multiple(() =>
        {
            Assert.That(province.Settlements, Has.Count.EqualTo(1447));
            Assert.That(province.PostalPoints, Has.Count.EqualTo(294));
            Assert.That(Kind(PostalKind.PostOffice1, PostalKind.PostOffice2, PostalKind.PostOffice3), Is.EqualTo(45));
            Assert.That(Kind(PostalKind.CommunePostCulture), Is.EqualTo(185));
            Assert.That(Kind(PostalKind.Agent, PostalKind.Kiosk, PostalKind.LetterBox), Is.EqualTo(64));
            Assert.That(existingTowers, Is.EqualTo(1300).Within(5).Percent);
            Assert.That(province.Towers.Count, Is.EqualTo(1300).Within(5).Percent);
            Assert.That(province.Bts, Has.Count.EqualTo(2952).Within(5).Percent);
            Assert.That(fibreKm, Is.EqualTo(4508).Within(5).Percent);
            Assert.That(province.FibreRoutes, Has.Count.GreaterThan(1000));
            Assert.That(province.Zones.Select(z => z.Kind), Is.SupersetOf(new[] { "a1_only", "no_new_bulky", "height_limit" }));
        });
    }

    [Test]
    public void Generate_Province_BtsHaveAllFourOperatorsAndThreeTechnologies()
    {
        Assert.Multiple(() =>
        {
            Assert.That(province.Bts.Select(b => b.Operator).Distinct(), Is.EquivalentTo(new[] { "Viettel", "VNPT", "MobiFone", "Vietnamobile" }));
            Assert.That(province.Bts.Select(b => b.Tech).Distinct(), Is.EquivalentTo(new[] { Technology.G2, Technology.G3, Technology.G4 }));
            Assert.That(province.Bts.Where(b => b.EirpDbm is < 55 or > 62), Is.Empty);
        });
    }

    [Test]
    public void Generate_Province_EveryCommuneLiesInItsDistrict()
    {
        var districts = province.AdminUnits.Where(u => u.Level == AdminLevel.District).ToDictionary(u => u.Code);
        var outside = province.AdminUnits
            .Where(u => u.Level == AdminLevel.Commune)
            .Select(c => (c.Code, AreaM2: OverlayNGRobust.Overlay(c.Boundary!, districts[c.ParentCode!].Boundary!, SpatialFunction.Difference).Area))
            .Where(x => x.AreaM2 > 1.0)
            .ToList();
        Assert.That(outside, Is.Empty);
    }

    [Test]
    public void Generate_Province_DistrictsTileTheProvince()
    {
        var top = province.AdminUnits.Single(u => u.Level == AdminLevel.Province);
        var districts = province.AdminUnits.Where(u => u.Level == AdminLevel.District).ToList();
        var overlapM2 = 0.0;
        for (var i = 0; i < districts.Count; i++)
        {
            for (var j = i + 1; j < districts.Count; j++)
            {
                overlapM2 += OverlayNGRobust.Overlay(districts[i].Boundary!, districts[j].Boundary!, SpatialFunction.Intersection).Area;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(overlapM2, Is.LessThan(10.0));
            Assert.That(districts.Sum(d => d.Boundary!.Area), Is.EqualTo(top.Boundary!.Area).Within(0.1).Percent);
            Assert.That(districts.Select(d => d.ParentCode), Is.All.EqualTo("30"));
            Assert.That(districts.Select(d => d.Boundary!.IsValid), Is.All.True);
        });
    }

    [Test]
    public void Generate_Province_UnitSumsMatchTheirChildren()
    {
        var communes = province.AdminUnits.Where(u => u.Level == AdminLevel.Commune).ToList();
        var districts = province.AdminUnits.Where(u => u.Level == AdminLevel.District).ToList();
        Assert.Multiple(() =>
        {
            foreach (var district in districts)
            {
                var members = communes.Where(c => c.ParentCode == district.Code).ToList();
                Assert.That(members, Is.Not.Empty, district.Code);
                Assert.That(district.Population, Is.EqualTo(members.Sum(c => c.Population!.Value)), district.Code);
                Assert.That(district.Boundary!.Area, Is.EqualTo(members.Sum(c => c.Boundary!.Area)).Within(0.1).Percent, district.Code);
            }
        });
    }

    [Test]
    public void Generate_Province_PointsLieInTheUnitsTheyName()
    {
        var communes = province.AdminUnits.Where(u => u.Level == AdminLevel.Commune).ToDictionary(u => u.Code);
        var misplacedSettlements = province.Settlements.Where(s => !communes[s.CommuneCode!].Boundary!.Covers(s.Location)).Select(s => s.Id).ToList();
        var misplacedPostal = province.PostalPoints.Where(p => !communes[p.AdminCode!].Boundary!.Covers(p.Location)).Select(p => p.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(misplacedSettlements, Is.Empty);
            Assert.That(misplacedPostal, Is.Empty);
        });
    }

    [Test]
    public void Generate_Province_BtsStandOnTheirTowers()
    {
        var towers = province.Towers.ToDictionary(t => t.Id);
        var declared = province.Bts.Where(b => b.TowerId is not null).ToList();
        var undeclared = province.Bts.Where(b => b.TowerId is null).ToList();
        var farFromTower = declared.Where(b => b.Location.Distance(towers[b.TowerId!].Location) > 20).Select(b => b.Id).ToList();
        var strays = undeclared.Where(b => !province.Towers.Any(t => t.Location.Distance(b.Location) <= 10)).Select(b => b.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(farFromTower, Is.Empty);
            Assert.That(strays, Is.Empty);
            Assert.That(undeclared.Count / (double)province.Bts.Count, Is.InRange(0.01, 0.06));
            Assert.That(declared.Select(b => towers[b.TowerId!].Status), Is.All.EqualTo(TowerStatus.Existing));
        });
    }

    [Test]
    public void Generate_Province_LeavesServiceGapsInRemoteParts()
    {
        var communesWithPostal = province.PostalPoints.Select(p => p.AdminCode).ToHashSet();
        var fibre = province.FibreRoutes.Select(f => f.Path).ToList();
        var index = new NetTopologySuite.Index.Strtree.STRtree<Geometry>();
        foreach (var path in fibre)
        {
            index.Insert(path.EnvelopeInternal, path);
        }

        index.Build();
        var farFromFibre = province.Settlements.Count(s =>
        {
            var env = s.Location.EnvelopeInternal.Copy();
            env.ExpandBy(2_000);
            return !index.Query(env).Any(p => p.IsWithinDistance(s.Location, 2_000));
        });
        Assert.Multiple(() =>
        {
            Assert.That(province.AdminUnits.Count(u => u.Level == AdminLevel.Commune && !communesWithPostal.Contains(u.Code)), Is.GreaterThan(0));
            Assert.That(farFromFibre, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Generate_Province_GeometriesCarryTheAnalysisCrs()
    {
        var srid = province.Crs.Epsg;
        Assert.Multiple(() =>
        {
            Assert.That(province.Crs.Name, Is.EqualTo("VN2000:105.5"));
            Assert.That(province.Towers.Select(t => t.Location.SRID), Is.All.EqualTo(srid));
            Assert.That(province.AdminUnits.Select(u => u.Boundary!.SRID), Is.All.EqualTo(srid));
            Assert.That(province.FibreRoutes.Select(f => f.Path.SRID), Is.All.EqualTo(srid));
        });
    }

    private static string WriteToTemp(Dataset dataset)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sotttt-synth-" + Guid.NewGuid().ToString("N"));
        DatasetFolderWriter.Write(dataset, folder, SyntheticDatasetGenerator.DefaultFileLayout(SynthProfile.Province));
        return folder;
    }
}
