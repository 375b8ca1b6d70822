using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Core.Approval;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// <c>sotttt approve</c> on <see cref="SmallProvince"/> (T1 at (581500, 2317500) carries Viettel, VNPT and MobiFone: full
/// at 3; ~B4 is the inferred urban position of B4 + B5) and on the bundled sample.
/// </summary>
public class ApproveCommandTests
{
    private const string Applications = """
        id,operator,type,height_m,tech,band_mhz,shares_tower_id,x,y
        R1,Gmobile,A2b,40,4G,1800,,581500,2317200
        R2,Viettel,A1a,20,4G,1800,,580300,2316300
        R3,VNPT,A2b,40,4G,1800,,579000,2317000
        R4,Orange,A2b,40,4G,1800,,581000,2317000
        R5,VNPT,A1a,20,4G,1800,,583550,2316500
        """;

    private static readonly string[] TopKeys = ["dataset", "crs", "plan_check", "coverage_gain_computed", "coverage_gain_note", "rules", "summary", "applications"];

    private static readonly string[] ApplicationKeys =
    [
        "row", "id", "operator", "type", "height_m", "tech", "band_mhz", "shares_tower_id", "x", "y", "lon", "lat", "unit_code", "unit_name",
        "urban", "verdict", "tower_id", "failed", "checks", "coverage_gain",
    ];

    [Test]
    public void Approve_Json_VerdictsAndContractKeys()
    {
        using var ds = SmallProvince.Create();
        ds.File("apps.csv", Applications);
        var (exit, output, error) = CliRunner.Run("approve", ds.Folder, Path.Combine(ds.Folder, "apps.csv"), "--format", "json");
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var apps = root.GetProperty("applications").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(TopKeys.Where(k => !root.TryGetProperty(k, out _)), Is.Empty);
            Assert.That(ApplicationKeys.Where(k => !apps[0].TryGetProperty(k, out _)), Is.Empty);
            Assert.That(apps.Select(a => (a.GetProperty("verdict").GetString(), a.GetProperty("tower_id").GetString())), Is.EqualTo(new[]
            {
                ("refer", "T1"), ("approve", null), ("reject", null), ("reject", null), ("share", (string?)"~B4"),
            }));
            Assert.That(apps[2].GetProperty("failed").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { ApprovalCodes.OutsideProvince }));
            Assert.That(apps[3].GetProperty("failed").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "UNKNOWN_OPERATOR" }));
            var mustShare = apps[0].GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == ApprovalCodes.MustShare);
            var evidence = mustShare.GetProperty("evidence")[0];
            Assert.That((evidence.GetProperty("id").GetString(), evidence.GetProperty("distance_m").GetDouble(), evidence.GetProperty("limit_m").GetDouble(), evidence.GetProperty("tenants").GetInt32(), evidence.GetProperty("can_share").GetBoolean()),
                Is.EqualTo(("T1", 300.0, 400.0, 3, false)));
            Assert.That(apps[0].GetProperty("coverage_gain").GetProperty("tech").GetString(), Is.EqualTo("4G"), "the coverage engine estimates the gain");
            Assert.That(root.GetProperty("coverage_gain_computed").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("coverage_gain_note").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("summary").GetProperty("reject").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Approve_Csv_OneLinePerApplication()
    {
        using var ds = SmallProvince.Create();
        ds.File("apps.csv", Applications);
        var (exit, output, _) = CliRunner.Run("approve", ds.Folder, Path.Combine(ds.Folder, "apps.csv"), "--format", "csv");
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(lines[0], Is.EqualTo("row,id,operator,type,height_m,x,y,lon,lat,unit_code,urban,verdict,tower_id,failed,coverage_gain_population"));
            Assert.That(lines, Has.Length.EqualTo(6));
            Assert.That(lines[1], Does.StartWith("2,R1,Gmobile,A2b,40.0,581500.00,2317200.00,").And.EndWith(",C1,false,refer,T1,SPACING_TOO_CLOSE;MUST_SHARE;TOWER_FULL,6000"),
                "Gmobile has no BTS yet: a 4G site with the default 60 dBm reaches all three settlements (1000 + 3000 + 2000 people)");
        });
    }

    [Test]
    public void Approve_Out_SheetsWithCodesWrittenAtomically()
    {
        using var ds = SmallProvince.Create();
        ds.File("apps.csv", Applications);
        var outDir = Path.Combine(ds.Folder, "out");
        var sheets = Path.Combine(outDir, "phieu_tham_dinh");
        Directory.CreateDirectory(sheets);
        File.WriteAllText(Path.Combine(sheets, "0002_R1.html"), "old sheet");
        var (exit, output, error) = CliRunner.Run("approve", ds.Folder, Path.Combine(ds.Folder, "apps.csv"), "--out", outDir);
        Assert.That(exit, Is.EqualTo(0), error);
        var files = Directory.GetFiles(sheets).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var refer = File.ReadAllText(Path.Combine(sheets, "0002_R1.html"));
        var invalid = File.ReadAllText(Path.Combine(sheets, "0005_R4.html"));
        Assert.Multiple(() =>
        {
            Assert.That(output, Is.Empty, "with --out and no --format nothing goes to stdout");
            Assert.That(files, Is.EqualTo(new[] { "0002_R1.html", "0003_R2.html", "0004_R3.html", "0005_R4.html", "0006_R5.html" }), "no temporary files left");
            Assert.That(File.Exists(Path.Combine(outDir, "approvals.csv")) && File.Exists(Path.Combine(outDir, "approvals.json")), Is.True);
            Assert.That(refer, Does.StartWith("<!DOCTYPE html>").And.EndWith("</html>\n"), "the old sheet was replaced whole");
            Assert.That(refer, Does.Contain("PHIẾU THẨM ĐỊNH").And.Contain("data-verdict=\"refer\"").And.Contain("<svg"));
            foreach (var code in ApprovalCodes.All)
            {
                Assert.That(refer, Does.Contain($"data-code=\"{code}\""), code);
            }

            Assert.That(invalid, Does.Contain("data-code=\"UNKNOWN_OPERATOR\"").And.Contain("data-verdict=\"reject\"").And.Not.Contain("<svg"));
        });
    }

    [Test]
    public void Approve_Out_SummaryPageWithMapAndALinkPerApplication()
    {
        using var ds = SmallProvince.Create();
        ds.File("apps.csv", Applications);
        var outDir = Path.Combine(ds.Folder, "out");

        var (exit, _, error) = CliRunner.Run("approve", ds.Folder, Path.Combine(ds.Folder, "apps.csv"), "--out", outDir);
        var csv = CliRunner.Run("approve", ds.Folder, Path.Combine(ds.Folder, "apps.csv"), "--format", "csv").Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[11]).ToList();

        Assert.That(exit, Is.Zero, error);
        var html = File.ReadAllText(Path.Combine(outDir, "approvals.html"));
        var rows = System.Text.RegularExpressions.Regex.Matches(html, "<tr data-verdict=\"([a-z]+)\">").Select(m => m.Groups[1].Value).ToList();
        var links = System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(csv), "one row per application, verdicts as approvals.csv has them");
            Assert.That(System.Net.WebUtility.HtmlDecode(html), Does.Contain($"Chấp thuận: {csv.Count(v => v == "approve")}; dùng chung: {csv.Count(v => v == "share")}; chuyển cấp có thẩm quyền: {csv.Count(v => v == "refer")}; không chấp thuận: {csv.Count(v => v == "reject")}"));
            Assert.That(html, Does.Contain("<svg").And.Contain("id=\"layer-applications\""), "the approval view's map (maps/views/approval.json)");
            Assert.That(links, Has.Count.EqualTo(5));
            Assert.That(links.Select(l => File.Exists(Path.Combine(outDir, Uri.UnescapeDataString(l)))), Is.All.True, "every link opens its sheet");
        });
    }

    [Test]
    public void Approve_English_SheetInEnglish()
    {
        using var ds = SmallProvince.Create();
        ds.File("apps.csv", Applications);
        var outDir = Path.Combine(ds.Folder, "out");
        var (exit, _, _) = CliRunner.Run("approve", ds.Folder, Path.Combine(ds.Folder, "apps.csv"), "--out", outDir, "--lang", "en");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "phieu_tham_dinh", "0003_R2.html")), Does.Contain("APPRAISAL SHEET").And.Contain("APPROVE a new tower"));
    }

    [Test]
    public void Approve_ApplicationsFileWithoutRequiredColumn_Exit2()
    {
        using var ds = SmallProvince.Create();
        ds.File("apps.csv", "id,operator,height_m,x,y\nA1,Viettel,40,581000,2317200\n");
        var (exit, output, error) = CliRunner.Run("approve", ds.Folder, Path.Combine(ds.Folder, "apps.csv"), "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("apps.csv, row 1, column 'type': MISSING_REQUIRED_COLUMN"));
        });
    }

    [Test]
    public void Approve_MissingApplicationsFileOrBadDataset_Exit2()
    {
        using var ds = SmallProvince.Create();
        var (missing, _, _) = CliRunner.Run("approve", ds.Folder, Path.Combine(ds.Folder, "nope.csv"));
        ds.File("bts.csv", "id,operator,tech,x,y\nB1,Orange,4G,581000,2317000\n");
        ds.File("apps.csv", Applications);
        var (bad, _, error) = CliRunner.Run("approve", ds.Folder, Path.Combine(ds.Folder, "apps.csv"));
        Assert.That((missing, bad), Is.EqualTo((2, 2)));
        Assert.That(error, Does.Contain("UNKNOWN_OPERATOR"));
    }

    /// <summary>The verdicts data/sample-province/README.md explains row by row.</summary>
    [Test]
    public void Approve_SampleApplications_VerdictsOfTheSampleReadme()
    {
        var (exit, output, error) = CliRunner.Run("approve", DemoSample.Folder, Path.Combine(DemoSample.Folder, "applications.csv"), "--format", "json");
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var got = doc.RootElement.GetProperty("applications").EnumerateArray()
            .Select(a => $"{a.GetProperty("verdict").GetString()} {a.GetProperty("tower_id").GetString()} {string.Join(",", a.GetProperty("failed").EnumerateArray().Select(f => f.GetString()))}".Trim())
            .ToList();
        Assert.That(got, Is.EqualTo(new[]
        {
            "approve",
            "share T0189 NOT_IN_PLAN,SPACING_TOO_CLOSE,MUST_SHARE",
            "share T0187",
            "refer T0430 MUST_SHARE,TOWER_FULL",
            "refer T0042 TOWER_FULL",
            "reject  OUTSIDE_PROVINCE,NOT_IN_PLAN",
            "reject  NO_TOWER_ZONE",
            "reject  ZONE_CLASS_NOT_ALLOWED,NOT_IN_PLAN",
            "reject  HEIGHT_LIMIT,NOT_IN_PLAN",
            "reject  SPACING_TOO_CLOSE",
            "reject  NOT_IN_PLAN",
            "reject  ZONE_CLASS_NOT_ALLOWED,NOT_IN_PLAN,MUST_SHARE,TOWER_FULL",
            "approve",
            "share HS-2025-013 SPACING_TOO_CLOSE,MUST_SHARE",
            "reject  MISSING_TOWER",
            "reject  SHARED_TOWER_FAR",
            "reject  UNKNOWN_OPERATOR",
            "reject  MISSING_VALUE",
            "reject  DUPLICATE_ID",
            "reject  UNKNOWN_TOWER_TYPE",
        }));

        // Every verdict and every check code occurs.
        Assert.That(got.Select(g => g.Split(' ')[0]).Distinct().Order(), Is.EqualTo(new[] { "approve", "refer", "reject", "share" }));
        Assert.That(ApprovalCodes.All.Where(code => !got.Any(g => g.Contains(code, StringComparison.Ordinal))), Is.Empty);
    }
}
