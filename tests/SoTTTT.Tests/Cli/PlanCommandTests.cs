using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// <c>sotttt plan</c> on the bundled sample with four BTS in five removed (so there are gaps to plan for 2G, 3G and 4G)
/// and without sharing existing towers (so the plan builds new positions; the sample's towers are dense),
/// checked from outside the planner: <c>approve</c> judges the plan's positions with the plan as the province plan,
/// <c>coverage</c> judges the <c>--apply</c> folder, and a second run must give the same bytes.
/// </summary>
[NonParallelizable]
public sealed class PlanCommandTests
{
    private static string? folder;

    /// <summary>The degraded sample, planned once for the tests of this class (plan, apply).</summary>
    private static string Planned
    {
        get
        {
            if (folder is not null)
            {
                return folder;
            }

            var root = Path.Combine(Path.GetTempPath(), "sotttt-plan-" + Guid.NewGuid().ToString("N"));
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(data);
            foreach (var file in Directory.GetFiles(DemoSample.Folder))
            {
                File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
            }

            var bts = File.ReadAllLines(Path.Combine(data, "bts.csv"));
            File.WriteAllLines(Path.Combine(data, "bts.csv"), bts.Take(1).Concat(bts.Skip(1).Where((_, i) => i % 5 == 0)));
            File.WriteAllText(Path.Combine(root, "targets.json"), """{"coverage": {"2G": null, "3G": null, "4G": null}, "share_existing_towers": false}""");
            var (exit, _, error) = CliRunner.Run("plan", data, "--targets", Path.Combine(root, "targets.json"), "--out", Path.Combine(root, "plan"), "--apply", Path.Combine(root, "applied"));
            Assert.That(exit, Is.Zero, error);
            folder = root;
            return root;
        }
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Plan_Out_WritesEveryFileOfTheContract()
    {
        var plan = Path.Combine(Planned, "plan");
        var header = File.ReadLines(Path.Combine(plan, "plan_positions.csv")).First();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(plan, "plan.json")));
        var root = json.RootElement;

        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "plan.json", "plan_positions.csv", "plan_positions.geojson", "plan_fibre.csv", "plan_fibre.geojson", "plan_communes.csv", "plan_districts.csv", "plan_missed.csv", "plan.xlsx", "plan_applications.csv" })
            {
                Assert.That(File.Exists(Path.Combine(plan, name)), name);
            }

            Assert.That(header, Does.StartWith("id,lon,lat,type,height_m,status,phase,commune_code,operators,reason,villages_gained,population_gained"));
            Assert.That(root.GetProperty("solver").GetProperty("solves")[0].GetProperty("exact").GetProperty("status").GetString(), Is.EqualTo("optimal"));
            Assert.That(root.GetProperty("solver").GetProperty("solves")[0].GetProperty("greedy").GetProperty("solver").GetString(), Is.EqualTo("greedy"));
            Assert.That(root.GetProperty("summary").GetProperty("villages_gained").GetInt32(), Is.GreaterThan(0), "the degraded sample has gaps");
            Assert.That(root.GetProperty("summary").GetProperty("approval_check_passed").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void Approve_PlanPositionsWithThePlanAsProvincePlan_RejectsNone()
    {
        var data = Path.Combine(Planned, "data");
        var plan = Path.Combine(Planned, "plan");
        var (exit, output, error) = CliRunner.Run("approve", data, Path.Combine(plan, "plan_applications.csv"), "--plan", plan, "--format", "json");
        Assert.That(exit, Is.Zero, error);
        using var doc = JsonDocument.Parse(output);
        var verdicts = doc.RootElement.GetProperty("applications").EnumerateArray().Select(a => a.GetProperty("verdict").GetString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(verdicts, Is.Not.Empty);
            Assert.That(verdicts, Has.None.EqualTo("reject").And.None.EqualTo("refer"));
            Assert.That(doc.RootElement.GetProperty("plan_check").GetBoolean(), Is.True, "NOT_IN_PLAN is judged against the plan");
        });
    }

    [Test]
    public void Coverage_OnTheAppliedFolder_EveryVillageLeftUncoveredIsListedByThePlan()
    {
        var applied = Path.Combine(Planned, "applied");
        var coverage = Path.Combine(Planned, "coverage-after");
        var (exit, _, error) = CliRunner.Run("coverage", applied, "--out", coverage);
        Assert.That(exit, Is.Zero, error);

        var uncovered = Rows(Path.Combine(coverage, "uncovered_settlements.csv")).Select(r => (r["id"], r["tech"])).ToHashSet();
        var missed = Rows(Path.Combine(Planned, "plan", "plan_missed.csv")).Select(r => (r["settlement_id"], r["tech"])).ToHashSet();
        var built = Rows(Path.Combine(Planned, "plan", "plan_positions.csv")).Count(r => r["status"] == "new");

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.GreaterThan(0), "the plan builds new positions");
            Assert.That(uncovered.Except(missed), Is.Empty, "villages the coverage engine finds uncovered after the plan, not listed as missed");
        });
    }

    [Test]
    public void Plan_TwoRuns_ByteIdenticalFiles()
    {
        var data = Path.Combine(Planned, "data");
        var again = Path.Combine(Planned, "plan-again");
        var (exit, _, error) = CliRunner.Run("plan", data, "--targets", Path.Combine(Planned, "targets.json"), "--out", again);
        Assert.That(exit, Is.Zero, error);

        foreach (var file in Directory.GetFiles(Path.Combine(Planned, "plan")).Order(StringComparer.Ordinal))
        {
            var other = Path.Combine(again, Path.GetFileName(file));
            Assert.That(File.ReadAllBytes(other), Is.EqualTo(File.ReadAllBytes(file)), Path.GetFileName(file));
        }
    }

    [Test]
    public void Plan_Docx_PassesTheOpenXmlValidator()
    {
        using var document = WordprocessingDocument.Open(Path.Combine(Planned, "plan", "plan.docx"), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
        var text = document.MainDocumentPart!.Document!.InnerText;

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => $"{e.Path?.XPath}: {e.Description}"), Is.Empty);
            Assert.That(text, Does.Contain("QUY HOẠCH HẠ TẦNG KỸ THUẬT VIỄN THÔNG THỤ ĐỘNG").And.Contain("Hiện trạng").And.Contain("Ngầm hóa").And.Contain("theo huyện"));
            Assert.That(document.MainDocumentPart.ImageParts.Count(), Is.EqualTo(1), "the plan map");
        });
    }

    [Test]
    public void Plan_MapPng_IsThePlanViewAtTwiceThePageSize()
    {
        var png = File.ReadAllBytes(Path.Combine(Planned, "plan", "map_plan.png"));
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        TestContext.AddTestAttachment(Path.Combine(Planned, "plan", "map_plan.png"), "plan map");

        Assert.That((png[1], png[2], png[3], width, height), Is.EqualTo(((byte)'P', (byte)'N', (byte)'G', 2000, 1440)));
    }

    [Test]
    public void Plan_Docx_ConvertsToPdfWithLibreOffice()
    {
        var soffice = ExternalTools.Soffice();
        var pdftoppm = ExternalTools.Pdftoppm();
        var output = Path.Combine(TestContext.CurrentContext.TestDirectory, "plan-document");
        Directory.CreateDirectory(output);
        var profile = Path.Combine(Planned, "lo-profile");
        ExternalTools.RunWithInput(soffice, null, TimeSpan.FromSeconds(300), "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", output, Path.Combine(Planned, "plan", "plan.docx"));
        var pdf = Path.Combine(output, "plan.pdf");
        ExternalTools.RunWithInput(pdftoppm, null, TimeSpan.FromSeconds(120), "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(output, "plan-page-1"));
        var page = Path.Combine(output, "plan-page-1.png");
        TestContext.AddTestAttachment(page, "plan.docx page 1 (LibreOffice → PDF → pdftoppm)");

        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(pdf).Length, Is.GreaterThan(10_000));
            Assert.That(File.ReadAllBytes(pdf).Take(5), Is.EqualTo("%PDF-"u8.ToArray()));
            Assert.That(new FileInfo(page).Length, Is.GreaterThan(1_000));
        });
    }

    [Test]
    public void Plan_English_DocumentInEnglish()
    {
        var data = Path.Combine(Planned, "data");
        var english = Path.Combine(Planned, "plan-en");
        var (exit, _, error) = CliRunner.Run("plan", data, "--out", english, "--lang", "en", "--solver", "greedy");
        Assert.That(exit, Is.Zero, error);
        using var document = WordprocessingDocument.Open(Path.Combine(english, "plan.docx"), false);

        Assert.That(document.MainDocumentPart!.Document!.InnerText, Does.Contain("Passive telecom infrastructure plan").And.Contain("Undergrounding").And.Contain("Tables by district"));
    }

    [Test]
    public void Plan_PreviousOnTheBuiltDataset_EveryPlannedPositionBuilt()
    {
        var previous = Path.Combine(Planned, "plan");
        var revised = Path.Combine(Planned, "plan-built");
        var (exit, _, error) = CliRunner.Run("plan", Path.Combine(Planned, "applied"), "--targets", Path.Combine(Planned, "targets.json"), "--previous", previous, "--out", revised);
        Assert.That(exit, Is.Zero, error);

        var planned = Rows(Path.Combine(previous, "plan_positions.csv")).Where(r => r["status"] == "new" && r["phase"] != string.Empty).Select(r => r["id"]).ToList();
        var revision = Rows(Path.Combine(revised, "plan_revision.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(revision.Select(r => r["previous_id"]), Is.EquivalentTo(planned));
            Assert.That(revision.Select(r => r["status"]), Has.All.EqualTo("built"), "--apply built every phased position: an existing tower stands on each");
        });
    }

    [Test]
    public void Plan_PreviousOnTheSameDataset_StillToBuildOrObsolete()
    {
        var previous = Path.Combine(Planned, "plan");
        var revised = Path.Combine(Planned, "plan-revised");
        var (exit, _, error) = CliRunner.Run("plan", Path.Combine(Planned, "data"), "--targets", Path.Combine(Planned, "targets.json"), "--previous", previous, "--out", revised);
        Assert.That(exit, Is.Zero, error);
        var revision = Rows(Path.Combine(revised, "plan_revision.csv"));
        var newIds = Rows(Path.Combine(revised, "plan_positions.csv")).Where(r => r["status"] == "new").Select(r => r["id"]).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(revision.Select(r => r["status"]), Has.None.EqualTo("built"));
            Assert.That(revision.Count(r => r["status"] == "to_build"), Is.GreaterThan(0), "the earlier positions are cheaper than new grid points, so the plan keeps them");
            Assert.That(revision.Where(r => r["status"] == "to_build").Select(r => r["plan_id"]), Is.SubsetOf(newIds));
        });
    }

    [Test]
    public void Plan_TargetsWithUnknownKey_ExitsTwoNamingTheKey()
    {
        using var ds = SmallProvince.Create();
        ds.File("targets.json", """{"coverage": {"4G": 120}, "budgets": 3}""");
        var (exit, _, error) = CliRunner.Run("plan", ds.Folder, "--targets", Path.Combine(ds.Folder, "targets.json"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("VALUE_OUT_OF_RANGE").And.Contain("coverage.4G"));
            Assert.That(error, Does.Contain("UNKNOWN_VALUE").And.Contain("budgets"));
        });
    }

    private static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(cells => header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < cells.Length ? cells[x.i] : string.Empty))];
    }
}
