using NUnit.Framework;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>Issue 15, finding 6: import never deletes rows silently; it merges by id, --replace replaces on purpose, and both keep a backup.</summary>
public sealed class ImportMergeTests
{
    private const string List = """
        id,operator,tech,tower_id,band_mhz,x,y
        B1,Viettel,4G,T1,2100,581500,2317500
        B2,VinaPhone,4G,T1,1800,581500,2317500
        B6,MobiFone,4G,T1,1800,581500,2317500
        """;

    [Test]
    public void Import_IntoPopulatedLayer_MergesByIdAndReports()
    {
        using var ds = SmallProvince.Create();
        var list = WriteList(ds);
        var before = File.ReadAllBytes(Path.Combine(ds.Folder, "bts.csv"));

        var (exit, _, error) = CliRunner.Run("import", list, "--layer", "bts", "--into", ds.Folder, "--lang", "en");

        Assert.That(exit, Is.EqualTo(0), error);
        var bts = DatasetLoader.Load(ds.Folder).Dataset!.Bts;
        var backups = Directory.GetFiles(Path.Combine(ds.Folder, "backup"));
        Assert.Multiple(() =>
        {
            Assert.That(bts.Select(b => b.Id), Is.EqualTo(new[] { "B1", "B2", "B3", "B4", "B5", "B6" }));
            Assert.That(bts.Single(b => b.Id == "B1").BandMHz, Is.EqualTo(2100));
            Assert.That(error, Does.Contain("5 rows before, 6 after — 1 added, 1 updated, 1 unchanged, 3 kept (not in the list)"));
            Assert.That(backups, Has.Length.EqualTo(1));
            Assert.That(File.ReadAllBytes(backups[0]), Is.EqualTo(before));
        });
    }

    [Test]
    public void Import_Replace_ReplacesTheLayerOnPurposeWithABackup()
    {
        using var ds = SmallProvince.Create();
        var list = WriteList(ds);

        var (exit, _, error) = CliRunner.Run("import", list, "--layer", "bts", "--into", ds.Folder, "--replace", "--lang", "en");

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(DatasetLoader.Load(ds.Folder).Dataset!.Bts.Select(b => b.Id), Is.EqualTo(new[] { "B1", "B2", "B6" }));
        Assert.That(error, Does.Contain("(--replace): 5 rows before, 3 after"));
        Assert.That(Directory.GetFiles(Path.Combine(ds.Folder, "backup")), Has.Length.EqualTo(1));
    }

    [Test]
    public void Import_RulesInSubfolder_ChecksWithThem()
    {
        using var ds = SmallProvince.Create();
        Directory.CreateDirectory(Path.Combine(ds.Folder, "config"));
        ds.File("config/rules.json", """{"tower_classes": ["A2b", {"name": "X9", "bulky": true, "max_tenants": 3}]}""");
        ds.File("dataset.json", """{"name": "T", "crs": "VN2000:105.5", "rules": "config/rules.json"}""");
        var towers = Path.Combine(ds.Folder, "..", Path.GetFileName(ds.Folder) + "-towers.csv");
        File.WriteAllText(towers, "id,owner,type,height_m,status,max_tenants,x,y\nT1,Viettel,X9,42,existing,3,581500,2317500\n");

        try
        {
            var (exit, _, error) = CliRunner.Run("import", towers, "--layer", "towers", "--into", ds.Folder, "--lang", "en");

            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(error, Does.Contain("1 updated"));
        }
        finally
        {
            File.Delete(towers);
        }
    }

    [Test]
    public void Merge_CsvRows_KeepOrderReplaceInPlaceAppendNew()
    {
        var merged = LayerMerge.Merge("id,v\na,1\nb,2\nc,\"x,\ny\"\n", "id,v\nb,2\nc,3\nd,4\n");

        Assert.Multiple(() =>
        {
            Assert.That(merged.Csv, Is.EqualTo("id,v\na,1\nb,2\nc,3\nd,4\n"));
            Assert.That((merged.Before, merged.After, merged.Added, merged.Updated, merged.Unchanged, merged.Kept), Is.EqualTo((3, 4, 1, 1, 1, 1)));
        });
    }

    [Test]
    public void Merge_SubscriberCounts_KeyedOnUnitOperatorServiceDate()
    {
        // Subscribers have no id: two counts of one commune must stay two rows, and a new count for the same
        // unit/operator/service/date replaces the old one (hand-checked: 3 rows before, 1 updated, 1 added → 4).
        const string header = "unit_code,operator,service,count,date";
        var existing = $"{header}\n001,VNPT,mobile,10,2025-12-31\n001,Viettel,mobile,20,2025-12-31\n002,VNPT,mobile,5,2025-12-31\n";
        var list = $"{header}\n001,Viettel,mobile,25,2025-12-31\n001,Viettel,mobile,30,2026-12-31\n";

        var merged = LayerMerge.Merge(existing, list, ["unit_code", "operator", "service", "date"]);

        Assert.Multiple(() =>
        {
            Assert.That(merged.Csv, Is.EqualTo($"{header}\n001,VNPT,mobile,10,2025-12-31\n001,Viettel,mobile,25,2025-12-31\n002,VNPT,mobile,5,2025-12-31\n001,Viettel,mobile,30,2026-12-31\n"));
            Assert.That((merged.Before, merged.After, merged.Added, merged.Updated, merged.Unchanged, merged.Kept), Is.EqualTo((3, 4, 1, 1, 0, 2)));
        });
    }

    private static string WriteList(TempDataset ds)
    {
        Directory.CreateDirectory(Path.Combine(ds.Folder, "incoming"));
        ds.File("incoming/list.csv", List);
        return Path.Combine(ds.Folder, "incoming", "list.csv");
    }
}
