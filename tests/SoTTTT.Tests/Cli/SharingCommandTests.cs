using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

public class SharingCommandTests
{
    private static readonly string[] TopKeys =
    [
        "dataset", "crs", "level", "rules", "unassigned_positions", "units", "missed_sharing", "capacity", "to_convert", "spacing_violations",
        "shared_ducts", "undergrounding",
    ];

    private static readonly string[] UnitKeys = ["code", "name", "level", "tower_positions", "bts", "bts_per_position", "shared_positions", "sharing_rate_pct", "spare_slots", "operators"];

    [Test]
    public void Sharing_Json_ContractKeysAndFigures()
    {
        // SmallProvince: T1 carries B1 Viettel, B2 VNPT and B3 MobiFone (5 m off, no tower_id); B4 + B5 form ~B4.
        using var ds = SmallProvince.Create();
        var (exit, output, error) = CliRunner.Run("sharing", ds.Folder, "--level", "commune", "--format", "json");
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var units = root.GetProperty("units").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(TopKeys.Where(k => !root.TryGetProperty(k, out _)), Is.Empty);
            Assert.That(UnitKeys.Where(k => !units[0].TryGetProperty(k, out _)), Is.Empty);
            Assert.That(units.Select(u => (u.GetProperty("code").GetString(), u.GetProperty("tower_positions").GetInt32(), u.GetProperty("bts").GetInt32(), u.GetProperty("shared_positions").GetInt32())),
                Is.EqualTo(new[] { ("C1", 1, 3, 1), ("C2", 1, 2, 1) }));
            Assert.That(units[0].GetProperty("operators").EnumerateArray().Select(o => o.GetProperty("operator").GetString()), Is.EqualTo(new[] { "MobiFone", "VNPT", "Viettel" }));
            Assert.That(units[0].GetProperty("spare_slots").GetInt32(), Is.EqualTo(0), "T1 is full (3 of 3)");
            Assert.That(root.GetProperty("capacity")[0].GetProperty("spare").GetInt32(), Is.EqualTo(0));
        });
    }

    [Test]
    public void Sharing_CsvAndOutFolder()
    {
        using var ds = SmallProvince.Create();
        var outDir = Path.Combine(ds.Folder, "out");
        var (exit, output, _) = CliRunner.Run("sharing", ds.Folder, "--format", "csv", "--out", outDir);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(output.Split('\n')[0], Is.EqualTo("code,name,level,operator,tower_positions,bts,bts_per_position,shared_positions,sharing_rate_pct,spare_slots"));
            Assert.That(output.Split('\n')[1], Is.EqualTo("P,Tỉnh Thử,province,all,2,5,2.50,2,100.0,0"));
            Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(new[]
            {
                "sharing.json", "sharing.xlsx", "sharing_capacity.csv", "sharing_duct_pairs.csv", "sharing_duct_stretches.csv", "sharing_missed.csv",
                "sharing_spacing.csv", "sharing_to_convert.csv", "sharing_undergrounding.csv", "sharing_units.csv",
            }));
        });
    }

    [Test]
    public void Sharing_TableInEnglish_Exit0()
    {
        using var ds = SmallProvince.Create();
        var (exit, output, _) = CliRunner.Run("sharing", ds.Folder, "--format", "table", "--lang", "en");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("Passive infrastructure sharing").And.Contain("Sharing rate"));
    }

    [Test]
    public void Sharing_BadDataset_Exit2()
    {
        using var ds = new TempDataset();
        ds.File("zones.csv", "id,kind,wkt\nZ1,castle,\"POLYGON((106.3 20.9, 106.31 20.9, 106.31 20.91, 106.3 20.9))\"\n");
        var (exit, _, error) = CliRunner.Run("sharing", ds.Folder);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("zones.csv, row 2, column 'kind' (id Z1): UNKNOWN_VALUE"));
    }
    [TestCase("province")]
    [TestCase("commune")]
    public void OnlyUnitsOrPairs_IsTheWholeRunsTable_ByteForByte(string level)
    {
        // Both samples: the province of the demo and the mountain one (inferred positions, a DEM).
        foreach (var folder in new[] { DemoSample.Folder, global::SoTTTT.Cli.Commands.DemoCommand.SampleFolder(global::SoTTTT.Cli.Commands.DemoCommand.MountainSample) })
        {
            var outDir = Path.Combine(Path.GetTempPath(), $"sotttt-only-units-{Guid.NewGuid():N}");
            try
            {
                var whole = CliRunner.Run("sharing", folder, "--level", level, "--out", outDir);
                Assert.That(whole.Exit, Is.Zero, whole.Err);
                var only = CliRunner.Run("sharing", folder, "--level", level, "--only", "units", "--format", "csv");
                Assert.That(only.Exit, Is.Zero, only.Err);
                var expected = File.ReadAllText(Path.Combine(outDir, "sharing_units.csv"));
                Assert.That(only.Out, Is.EqualTo(expected), folder);
                Assert.That(expected.Split('\n').Length, Is.GreaterThan(3));

                var file = Path.Combine(outDir, "units-only.csv");
                Assert.That(CliRunner.Run("sharing", folder, "--level", level, "--only", "units", "--out", file).Exit, Is.Zero);
                Assert.That(File.ReadAllText(file), Is.EqualTo(expected));

                // The missed sharing alone: the rows of sharing_missed.csv.
                var pairs = CliRunner.Run("sharing", folder, "--level", level, "--only", "pairs", "--format", "csv");
                Assert.That(pairs.Exit, Is.Zero, pairs.Err);
                Assert.That(pairs.Out, Is.EqualTo(File.ReadAllText(Path.Combine(outDir, "sharing_missed.csv"))), folder);
            }
            finally
            {
                if (Directory.Exists(outDir))
                {
                    Directory.Delete(outDir, recursive: true);
                }
            }
        }
    }

    [Test]
    public void OnlyUnits_WithAnOutputOfOtherTables_Exit2()
    {
        using var ds = SmallProvince.Create();
        var json = CliRunner.Run("sharing", ds.Folder, "--only", "units", "--format", "json", "--lang", "en");
        var folder = CliRunner.Run("sharing", ds.Folder, "--only", "units", "--out", Path.Combine(ds.Folder, "out"));
        var other = CliRunner.Run("sharing", ds.Folder, "--only", "capacity");
        Assert.Multiple(() =>
        {
            Assert.That(json.Exit, Is.EqualTo(2));
            Assert.That(json.Err, Does.Contain("--only units gives one table only"));
            Assert.That(folder.Exit, Is.EqualTo(2));
            Assert.That(Directory.Exists(Path.Combine(ds.Folder, "out")), Is.False);
            Assert.That(other.Exit, Is.EqualTo(2));
        });
    }
}
