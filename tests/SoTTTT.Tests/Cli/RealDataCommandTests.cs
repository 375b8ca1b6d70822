using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>Issue 11 on the command line: unassigned items in every output, messages, table width.</summary>
public class RealDataCommandTests
{
    [Test]
    public void Indicators_DistrictTable_FitsIn120Columns()
    {
        var (exit, output, error) = CliRunner.Run("indicators", DemoSample.Folder, "--level", "district", "--format", "table");
        Assert.That(exit, Is.Zero, error);
        var lines = output.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines.Max(l => l.Length), Is.LessThanOrEqualTo(120));
            // Headers wrap onto two or three lines within a column (IndicatorTableView), so the heading's lines are
            // looked for, not the heading on one line: how it wraps depends on how many columns share a table.
            Assert.That(output, Does.Contain("Vị trí cột").And.Contain("% thôn có sóng"), "every headline column is still shown, in a second table");
            Assert.That(lines.SkipWhile(l => !l.Contains("% thôn có sóng", StringComparison.Ordinal)).Take(3).Any(l => l.Contains("4G", StringComparison.Ordinal)), Is.True, "the 4G coverage heading, wrapped or not");
        });
    }

    [Test]
    public void Indicators_CommunesOfAProvinceOnlyDataset_SaysWhatIsMissing()
    {
        using var ds = new TempDataset("Chỉ tỉnh");
        ds.File("admin_units.csv", "code,name,level\n84,Trà Vinh,province\n");
        var (exit, _, error) = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("no commune units").And.Contain("1 province").And.Not.Contain("district level"));
        });
    }

    [Test]
    public void Indicators_MekongProvinceJsonAndFolder_ListUnassignedWithLonLat()
    {
        using var ds = MekongProvince.Create();
        var outDir = Path.Combine(ds.Folder, "out");
        var (exit, output, error) = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--format", "json", "--lang", "en");
        var written = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--out", outDir);
        Assert.That((exit, written.Exit), Is.EqualTo((0, 0)), error);
        using var doc = JsonDocument.Parse(output);
        var items = doc.RootElement.GetProperty("unassigned_items").EnumerateArray().ToList();
        var csv = File.ReadAllLines(Path.Combine(outDir, "indicators_commune_unassigned.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(doc.RootElement.GetProperty("unassigned").GetProperty("bts").GetInt32(), Is.EqualTo(6));
            Assert.That(items.First(i => i.GetProperty("id").GetString() == "B08").GetProperty("lon").GetDouble(), Is.EqualTo(105.0).Within(1e-7));
            Assert.That(items.First(i => i.GetProperty("id").GetString() == "B07").GetProperty("unit_code").GetString(), Is.EqualTo("8402"));
            Assert.That(doc.RootElement.GetProperty("nearest_unit_items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(error, Does.Contain("In no unit at commune level").And.Contain("bts B08 (105, 9): outside every boundary"));
            Assert.That(error, Does.Contain("went to the nearest unit (within 500 m)"));
            Assert.That(csv[0], Is.EqualTo("layer,id,lon,lat,unit_code,km"));
            Assert.That(csv, Does.Contain("bts,B07,106.3990000,9.9017000,8402,"));
        });
    }
}
