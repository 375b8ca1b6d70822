using NUnit.Framework;
using SoTTTT.Core.Validation;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>The loader checks the sharing and approval work relies on, and reading an applications file.</summary>
public class DatasetLoaderApprovalTests
{
    [Test]
    public void Load_BtsFarFromItsTower_Problem()
    {
        using var ds = new TempDataset("Xa", "VN2000:105.5");
        ds.File("towers.csv", "id,type,x,y\nT1,A2b,583000,2317000\n");
        ds.File("bts.csv", "id,operator,tech,tower_id,x,y\nB1,Viettel,4G,T1,583015,2317000\nB2,VNPT,4G,T1,583025,2317000\n");
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems.Single(p => p.FeatureId == "B2").Message, Does.Contain("lon 106.").And.Contain("lat 20."), "both positions in lon/lat");
        Assert.That(result.Problems.Select(p => (p.Row, p.Column, p.FeatureId, p.Code)), Is.EqualTo(new (int?, string?, string?, string)[]
        {
            (3, "tower_id", "B2", ProblemCodes.BtsFarFromTower),
        }));
    }

    [Test]
    public void Load_BtsFarWithLargerCoLocationInRules_Accepted()
    {
        using var ds = new TempDataset("Xa", "VN2000:105.5");
        ds.File("rules.json", "{\"co_location_m\": 30}");
        ds.File("towers.csv", "id,type,x,y\nT1,A2b,583000,2317000\n");
        ds.File("bts.csv", "id,operator,tech,tower_id,x,y\nB2,VNPT,4G,T1,583025,2317000\n");
        Assert.That(DatasetLoader.Load(ds.Folder).Problems, Is.Empty);
    }

    [Test]
    public void Load_ZoneKinds_UnknownKindAndMissingHeightReported()
    {
        using var ds = new TempDataset("Vùng", "VN2000:105.5");
        const string square = "\"POLYGON((583000 2317000, 583100 2317000, 583100 2317100, 583000 2317100, 583000 2317000))\"";
        ds.File("zones.csv", $"""
            id,kind,max_height_m,wkt
            Z1,A1_ONLY,,{square}
            Z2,heritage,,{square}
            Z3,height_limit,,{square}
            Z4,height_limit,45,{square}
            Z5,no_tower,,{square}
            Z6,urban,,{square}
            """);
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems.Select(p => (p.Row, p.Column, p.Code)), Is.EqualTo(new (int?, string?, string)[]
        {
            (3, "kind", ProblemCodes.UnknownValue),
            (4, "max_height_m", ProblemCodes.MissingValue),
        }));
    }

    [Test]
    public void Load_SampleProvince_NoProblems()
    {
        var result = DatasetLoader.Load(DemoSample.Folder);
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems.Take(10)));
        Assert.That(result.Dataset!.Zones.Select(z => z.Kind), Is.EqualTo(new[] { "a1_only", "a1_only", "no_new_bulky", "height_limit", "no_tower" }));
    }

    [Test]
    public void LoadApplications_RowProblemsBecomeEntriesFileStays()
    {
        using var ds = SmallProvince.Create();
        ds.File("apps.csv", """
            id,operator,type,height_m,tech,shares_tower_id,x,y
            A1,Viettel,A2b,40,4G,,581000,2317200
            A2,Orange,A2b,40,4G,,581000,2317200
            A3,VNPT,A2b,,4G,,581000,2317200
            A1,MobiFone,A1a,20,4G,,581000,2317200
            A5,VNPT,Z9,20,4G,,2317200,581000
            """);
        var loaded = DatasetLoader.Load(ds.Folder);
        var apps = DatasetLoader.LoadApplications(Path.Combine(ds.Folder, "apps.csv"), loaded.Dataset!, loaded.Settings!);
        Assert.Multiple(() =>
        {
            Assert.That(apps.Succeeded, Is.True);
            Assert.That(apps.Entries.Select(e => (e.Row, e.Id, e.Application is not null)), Is.EqualTo(new[]
            {
                (2, "A1", true), (3, "A2", false), (4, "A3", false), (5, "A1", false), (6, "A5", false),
            }));
            Assert.That(apps.Entries[1].Problems.Select(p => p.Code), Is.EqualTo(new[] { ProblemCodes.UnknownOperator }));
            Assert.That(apps.Entries[2].Problems.Select(p => p.Code), Is.EqualTo(new[] { ProblemCodes.MissingValue }));
            Assert.That(apps.Entries[3].Problems.Select(p => p.Code), Is.EqualTo(new[] { ProblemCodes.DuplicateId }));
            Assert.That(apps.Entries[4].Problems.Select(p => p.Code), Is.EquivalentTo(new[] { ProblemCodes.UnknownTowerType, ProblemCodes.XySwapped }));
            Assert.That(apps.Entries[0].Application!.Location.X, Is.EqualTo(581000));
        });
    }

    [Test]
    public void LoadApplications_MissingColumnOrFile_FileProblems()
    {
        using var ds = SmallProvince.Create();
        ds.File("apps.csv", "id,operator,height_m,x,y\nA1,Viettel,40,581000,2317200\n");
        var loaded = DatasetLoader.Load(ds.Folder);
        var noType = DatasetLoader.LoadApplications(Path.Combine(ds.Folder, "apps.csv"), loaded.Dataset!, loaded.Settings!);
        var missing = DatasetLoader.LoadApplications(Path.Combine(ds.Folder, "nope.csv"), loaded.Dataset!, loaded.Settings!);
        Assert.Multiple(() =>
        {
            Assert.That(noType.FileProblems.Select(p => (p.Row, p.Column, p.Code)), Is.EqualTo(new (int?, string?, string)[] { (1, "type", ProblemCodes.MissingRequiredColumn) }));
            Assert.That(noType.Entries, Is.Empty);
            Assert.That(missing.Succeeded, Is.False);
        });
    }
}
