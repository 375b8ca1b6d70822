using System.Globalization;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary><c>indicators NEW --compare OLD</c>: change between two snapshots, units matched by code.</summary>
public class IndicatorsCompareTests
{
    [Test]
    public void Compare_BacKan445To641Bts_Plus196AndPlus44Pct()
    {
        // DOMAIN.md, Bắc Kạn: 641 BTS, up 196 from the start of the term (445): 196 / 445 = 44.04 %.
        using var older = BacKan(445, "2015");
        using var newer = BacKan(641, "2020");

        var (exit, stdout, stderr) = CliRunner.Run("indicators", newer.Folder, "--compare", older.Folder, "--format", "csv");

        Assert.That(exit, Is.Zero, stderr);
        var lines = stdout.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("code,name,indicator,old,new,change,change_pct"));
            Assert.That(lines, Does.Contain("06,Bắc Kạn,bts,445,641,196,44.0"));
            Assert.That(lines, Does.Contain("06,Bắc Kạn,bts_viettel,445,641,196,44.0"));
        });
    }

    [Test]
    public void Compare_Table_SignedChange()
    {
        using var older = BacKan(445, "2015");
        using var newer = BacKan(641, "2020");

        var (exit, stdout, stderr) = CliRunner.Run("indicators", newer.Folder, "--compare", older.Folder, "--format", "table", "--lang", "en");

        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("+196").And.Contain("+44.0 %").And.Contain("2015").And.Contain("2020"));
    }

    [Test]
    public void Compare_MergedAndRenamedCommunes_ReportedAndJsonKeepsThem()
    {
        using var older = new TempDataset("Tỉnh Thử");
        older.File("admin_units.csv", "code,name,level,parent_code,population\nP,Tỉnh Thử,province,,3000\nC1,Xã Một,commune,P,1000\nC2,Xã Hai,commune,P,1000\nC3,Xã Ba,commune,P,1000\n");
        using var newer = new TempDataset("Tỉnh Thử");
        newer.File("admin_units.csv", "code,name,level,parent_code,population\nP,Tỉnh Thử,province,,3300\nC1,Xã Một Mới,commune,P,2000\nC4,Phường Bốn,commune,P,1300\n");

        var (exit, stdout, stderr) = CliRunner.Run("indicators", newer.Folder, "--compare", older.Folder, "--level", "commune", "--format", "json");

        Assert.That(exit, Is.Zero, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var units = root.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("code").GetString(), u.GetProperty("status").GetString())).ToList();
        var c1Population = root.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "C1" && c.GetProperty("indicator").GetString() == "population");
        Assert.Multiple(() =>
        {
            Assert.That(units, Is.EqualTo(new[] { ("C1", "renamed"), ("C2", "removed"), ("C3", "removed"), ("C4", "added") }));
            Assert.That(stderr, Does.Contain("C2").And.Contain("C4"));

            // C1: 1,000 → 2,000 people: +1,000, +100 %.
            Assert.That(c1Population.GetProperty("change").GetDouble(), Is.EqualTo(1000));
            Assert.That(c1Population.GetProperty("change_pct").GetDouble(), Is.EqualTo(100.0));
        });
    }

    [Test]
    public void Compare_OlderDatasetBad_ExitTwoNamingItsFile()
    {
        using var newer = BacKan(641, "2020");
        using var older = new TempDataset("Cũ");
        older.File("admin_units.csv", "code,name,level\n06,Bắc Kạn,county\n");

        var (exit, _, stderr) = CliRunner.Run("indicators", newer.Folder, "--compare", older.Folder);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("admin_units.csv"));
    }

    /// <summary>Bắc Kạn as one province polygon (lon/lat) holding <paramref name="bts"/> Viettel 4G BTS 0.02° apart.</summary>
    private static TempDataset BacKan(int bts, string date)
    {
        var ds = new TempDataset("Bắc Kạn");
        var json = File.ReadAllText(Path.Combine(ds.Folder, "dataset.json")).TrimEnd().TrimEnd('}');
        ds.File("dataset.json", json + $", \"date\": \"{date}\"}}");
        ds.File("admin_units.csv", "code,name,level,population,wkt\n06,Bắc Kạn,province,313905,\"POLYGON((105.5 21.8, 106.3 21.8, 106.3 22.7, 105.5 22.7, 105.5 21.8))\"\n");
        var rows = new StringBuilder("id,operator,tech,lon,lat\n");
        for (var i = 0; i < bts; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"B{i:D4},Viettel,4G,{105.6 + (0.02 * (i % 30)):F3},{21.9 + (0.02 * (i / 30)):F3}\n");
        }

        ds.File("bts.csv", rows.ToString());
        return ds;
    }
}
