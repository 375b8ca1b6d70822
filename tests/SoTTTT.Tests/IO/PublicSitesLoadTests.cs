using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.Core.Validation;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary><c>public_sites.csv</c> as a dataset layer: vocabulary (Vietnamese included), commune codes, every problem at once.</summary>
public class PublicSitesLoadTests
{
    [Test]
    public void Load_PublicSites_KindsAndLevelsInVietnamese()
    {
        using var ds = SmallProvince.Create();
        ds.File("public_sites.csv", """
            id,loai_hinh,cap_hoc,ten,ma_xa,x,y
            UB1,Trụ sở UBND xã,,UBND xã Một,C1,581200,2317100
            TR1,trường học,THCS,Trường THCS Một,,580800,2316800
            YT1,Trạm y tế,,Trạm y tế Hai,C2,583200,2317200
            DT1,đài truyền thanh,,,C2,583300,2317300
            VH1,bdvhx,,,,581000,2317300
            K1,khác,,,,581100,2317400
            """);

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        var sites = result.Dataset!.PublicSites.ToDictionary(s => s.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Dataset.Layers, Does.Contain(Dataset.LayerNames.PublicSites));
            Assert.That(sites["UB1"].Kind, Is.EqualTo(PublicSiteKind.CommuneOffice));
            Assert.That(sites["UB1"].CommuneCode, Is.EqualTo("C1"));
            Assert.That(sites["TR1"].Kind, Is.EqualTo(PublicSiteKind.School));
            Assert.That(sites["TR1"].Level, Is.EqualTo(SchoolLevel.LowerSecondary));
            Assert.That(sites["YT1"].Kind, Is.EqualTo(PublicSiteKind.Clinic));
            Assert.That(sites["DT1"].Kind, Is.EqualTo(PublicSiteKind.RadioStation));
            Assert.That(sites["VH1"].Kind, Is.EqualTo(PublicSiteKind.CommunePostCulture));
            Assert.That(sites["K1"].Kind, Is.EqualTo(PublicSiteKind.Other));
            Assert.That(sites["UB1"].Location.X, Is.EqualTo(581200));
        });
    }

    [Test]
    public void Load_BadPublicSites_EveryProblemWithRowAndColumn()
    {
        using var ds = SmallProvince.Create();
        ds.File("public_sites.csv", """
            id,kind,level,commune_code,x,y
            A,market,,C1,581200,2317100
            B,school,university,,580800,2316800
            C,clinic,,C9,583200,2317200
            D,commune_office,,D,583300,2317300
            D,clinic,,,583400,2317300
            E,clinic,,,abc,2317300
            F,,,,581000,2317000
            """);

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Dataset, Is.Null);
        Assert.That(result.Problems.Select(p => (p.File, p.Row, p.Column, p.Code)), Is.EquivalentTo(new (string, int?, string?, string)[]
        {
            ("public_sites.csv", 2, "kind", ProblemCodes.UnknownValue),
            ("public_sites.csv", 3, "level", ProblemCodes.UnknownValue),
            ("public_sites.csv", 4, "commune_code", ProblemCodes.MissingAdminUnit),
            ("public_sites.csv", 5, "commune_code", ProblemCodes.ParentLevelMismatch),
            ("public_sites.csv", 6, "id", ProblemCodes.DuplicateId),
            ("public_sites.csv", 7, "x", ProblemCodes.UnparsableNumber),
            ("public_sites.csv", 8, "kind", ProblemCodes.MissingValue),
        }));
    }

    [Test]
    public void Load_PublicSitesWithoutKindColumn_MissingRequiredColumn()
    {
        using var ds = SmallProvince.Create();
        ds.File("public_sites.csv", "id,x,y\nA,581200,2317100\n");

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Problems.Select(p => (p.File, p.Code, p.Column)), Does.Contain(("public_sites.csv", ProblemCodes.MissingRequiredColumn, (string?)"kind")));
    }

    [TestCase("gpkg", "sites.gpkg")]
    [TestCase("shp", "shp")]
    [TestCase("geojson", "geojson")]
    [TestCase("folder", "folder")]
    public void Export_PublicSites_ReadBackTheSame(string to, string target)
    {
        using var ds = SmallProvince.Create();
        ds.File("public_sites.csv", """
            id,kind,level,name,commune_code,x,y
            UB1,commune_office,,UBND xã Một,C1,581200,2317100
            TR1,school,primary,Trường Tiểu học,,580800,2316800
            """);
        var work = Path.Combine(Path.GetTempPath(), "sotttt-sites-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = Path.Combine(work, target);
            var (exit, _, stderr) = CliRunner.Run("export", ds.Folder, "--to", to, "--out", output);
            Assert.That(exit, Is.Zero, stderr);

            if (to == "shp")
            {
                // Units without a polygon (P, D) are left out of a Shapefile export, so their children's parent codes dangle.
                foreach (var file in Directory.GetFiles(output, "admin_units.*"))
                {
                    File.Delete(file);
                }
            }

            var back = DatasetSource.Load(output);

            Assert.That(back.Problems, Is.Empty, string.Join("\n", back.Problems));
            Assert.That(
                back.Dataset!.PublicSites.Select(p => (p.Id, p.Kind, p.Level, p.Name, p.CommuneCode, Math.Round(p.Location.X, 1), Math.Round(p.Location.Y, 1))),
                Is.EqualTo(new (string, PublicSiteKind, SchoolLevel?, string?, string?, double, double)[]
                {
                    ("UB1", PublicSiteKind.CommuneOffice, null, "UBND xã Một", "C1", 581200, 2317100),
                    ("TR1", PublicSiteKind.School, SchoolLevel.Primary, "Trường Tiểu học", null, 580800, 2316800),
                }));
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
