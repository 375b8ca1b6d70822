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

    [Test]
    public void Compare_ThreeCommunesMergedIntoOne_OldIsTheirSum()
    {
        using var older = Reform2025.Older();
        using var newer = Reform2025.Newer();

        var (exit, stdout, stderr) = CliRunner.Run("indicators", newer.Folder, "--compare", older.Folder, "--level", "commune", "--format", "csv", "--lang", "en");

        Assert.That(exit, Is.Zero, stderr);
        var lines = stdout.Split('\n');
        var errors = stderr.Split('\n');
        Assert.Multiple(() =>
        {
            // 2 + 3 + 4 = 9 old BTS → 11 new: +2, 2 / 9 = +22.2 %.
            Assert.That(lines, Does.Contain("N01,Xã Hợp Nhất,bts,9,11,2,22.2"));
            Assert.That(lines, Does.Contain("N01,Xã Hợp Nhất,bts_viettel,9,11,2,22.2"));

            // 1,000 + 1,000 + 2,000 = 4,000 people → 4,500: +500, +12.5 %.
            Assert.That(lines, Does.Contain("N01,Xã Hợp Nhất,population,4000,4500,500,12.5"));

            // F1 runs 500 m in A1 and 500 m in A2: km add up, but the route counts once in each, so no honest old count.
            Assert.That(lines, Does.Contain("N01,Xã Hợp Nhất,fibre_km,1,1,0,0.0"));
            Assert.That(lines, Does.Contain("N01,Xã Hợp Nhất,fibre_routes,,1,,"));

            // BTS per position recomputed from the summed parts: 9 BTS on 9 positions.
            Assert.That(lines, Does.Contain("N01,Xã Hợp Nhất,bts_per_position,1,1,0,0.0"));

            // K keeps its code: compared as before, not touched by the merge rule.
            Assert.That(lines, Does.Contain("K,Xã Khác,bts,1,2,1,100.0"));

            // B is only half inside N01 (below the 90 % share): removed, not merged, and not in N01's sum.
            Assert.That(lines.Where(l => l.StartsWith("B,", StringComparison.Ordinal)), Is.Empty);
            Assert.That(errors, Does.Contain("Unit A1 (Xã Một) merged into N01 Xã Hợp Nhất (100 % of its area lies inside the new unit)"));
            Assert.That(errors, Does.Contain("Unit A3 (Xã Ba) merged into N01 Xã Hợp Nhất (100 % of its area lies inside the new unit)"));
            Assert.That(errors, Does.Contain("Unit B (Xã Bên) is only in the older dataset (merged or abolished?)"));
            Assert.That(errors, Does.Contain("Unit N01 (Xã Hợp Nhất): the old values are the sum of A1 + A2 + A3"));
            Assert.That(errors.Any(e => e.StartsWith("Unit N01: old value left blank for ", StringComparison.Ordinal) && e.Contains("fibre_routes", StringComparison.Ordinal)), Is.True, stderr);
            Assert.That(errors, Does.Contain("The district level was removed: the older dataset has 2 such units, the newer none (2025 administrative reform)"));
        });
    }

    [Test]
    public void Compare_MergedCommunes_JsonNamesTheMergeAndTheParts()
    {
        using var older = Reform2025.Older();
        using var newer = Reform2025.Newer();

        var (exit, stdout, stderr) = CliRunner.Run("indicators", newer.Folder, "--compare", older.Folder, "--level", "commune", "--format", "json");

        Assert.That(exit, Is.Zero, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var units = root.GetProperty("units").EnumerateArray()
            .Select(u => (u.GetProperty("code").GetString(), u.GetProperty("status").GetString(), u.TryGetProperty("merged_into", out var m) ? m.GetString() : null))
            .ToList();
        var a2 = root.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "A2");
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        var bts = changes.Single(c => c.GetProperty("code").GetString() == "N01" && c.GetProperty("indicator").GetString() == "bts");
        var routes = changes.Single(c => c.GetProperty("code").GetString() == "N01" && c.GetProperty("indicator").GetString() == "fibre_routes");
        var removed = root.GetProperty("removed_levels").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(units, Is.EqualTo(new (string?, string?, string?)[]
            {
                ("A1", "merged", "N01"), ("A2", "merged", "N01"), ("A3", "merged", "N01"), ("B", "removed", null), ("M", "added", null), ("N01", "added", null),
            }));
            Assert.That(a2.GetProperty("new_name").GetString(), Is.EqualTo("Xã Hợp Nhất"));
            Assert.That(a2.GetProperty("share_pct").GetDouble(), Is.EqualTo(100.0).Within(0.05));
            Assert.That(bts.GetProperty("old").GetDouble(), Is.EqualTo(9));
            Assert.That(bts.GetProperty("new").GetDouble(), Is.EqualTo(11));
            Assert.That(bts.GetProperty("change").GetDouble(), Is.EqualTo(2));
            Assert.That(bts.GetProperty("change_pct").GetDouble(), Is.EqualTo(22.2));
            Assert.That(bts.GetProperty("old_from").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "A1", "A2", "A3" }));
            Assert.That(bts.GetProperty("old_note").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(routes.GetProperty("old").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(routes.GetProperty("old_note").GetString(), Is.EqualTo("MERGED_NOT_ADDITIVE"));
            Assert.That(removed.GetProperty("level").GetString(), Is.EqualTo("district"));
            Assert.That(removed.GetProperty("old_units").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Compare_DistrictLevelRemoved_VietnameseLineAndExitTwo()
    {
        using var older = Reform2025.Older();
        using var newer = Reform2025.Newer();

        var (exit, _, stderr) = CliRunner.Run("indicators", newer.Folder, "--compare", older.Folder, "--level", "district");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("Đã bỏ cấp huyện: bộ dữ liệu cũ có 2 đơn vị, bộ dữ liệu mới không có (cải cách hành chính 2025)"));
        });
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
