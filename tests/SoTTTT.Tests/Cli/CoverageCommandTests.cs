using System.Globalization;
using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

public class CoverageCommandTests
{
    private static string Sample() => DemoSample.Folder;

    [Test]
    public void Coverage_Sample_FilesAndPercentages()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "sotttt-coverage-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, _, error) = CliRunner.Run("coverage", Sample(), "--level", "district", "--out", outDir, "--lang", "en");
            Assert.That(exit, Is.EqualTo(0), error);
            string[] files =
            [
                "coverage.csv", "coverage.json", "bts_footprints.csv", "uncovered_settlements.csv", "uncovered_settlements.geojson",
                "best_server.csv", "gaps.geojson", "coverage_polygons.geojson", "coverage_4g.asc", "coverage_4g.prj",
            ];
            var lines = File.ReadAllLines(Path.Combine(outDir, "coverage.csv"));
            var header = lines[0].Split(',');
            var pct = new[] { "settlements_covered_pct", "population_covered_pct", "area_covered_pct" }.Select(c => Array.IndexOf(header, c)).ToArray();
            var values = lines.Skip(1).SelectMany(l => pct.Select(k => l.Split(',')[k])).Where(v => v.Length > 0)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
            var footprints = File.ReadAllLines(Path.Combine(outDir, "bts_footprints.csv"));
            Assert.Multiple(() =>
            {
                Assert.That(files.Where(f => !File.Exists(Path.Combine(outDir, f))), Is.Empty);
                Assert.That(pct, Has.None.EqualTo(-1));
                Assert.That(values, Is.Not.Empty);
                Assert.That(values, Has.All.InRange(0.0, 100.0));
                Assert.That(footprints[0], Does.StartWith("id,operator,tech,model,env,model_env,max_range_km"));
                Assert.That(footprints, Has.Length.EqualTo(2953), "one row per BTS of bts.csv");
                Assert.That(header, Does.Contain("threshold_dbm"));
            });
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    [Test]
    public void Coverage_Json_StatesThresholds()
    {
        var (exit, output, error) = CliRunner.Run("coverage", Sample(), "--tech", "4G", "--operator", "viettel", "--format", "json");
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("thresholds_dbm").GetProperty("4G").GetDouble(), Is.EqualTo(-110));
            Assert.That(root.GetProperty("thresholds_dbm").GetProperty("2G").GetDouble(), Is.EqualTo(-95));
            Assert.That(root.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("operator").GetString()), Is.EqualTo(new[] { "*", "Viettel" }));
        });
    }

    [Test]
    public void Coverage_TechWithoutBts_OneGapPerCommune()
    {
        // SmallProvince: communes C1 and C2 (2 km × 2 km each, 100 m cells: 400 cells each) in district D, no 5G BTS at
        // all. Gaps are split at commune boundaries (issue 9: each gap names its commune and district): C1's gap holds
        // S1 and S2 (4,000 people) and comes first, C2's holds S3 (2,000 people).
        using var ds = SmallProvince.Create();
        var outDir = Path.Combine(ds.Folder, "out");
        var (exit, _, error) = CliRunner.Run("coverage", ds.Folder, "--tech", "5G", "--out", outDir);
        Assert.That(exit, Is.EqualTo(0), error);
        using var gaps = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "gaps.geojson")));
        var features = gaps.RootElement.GetProperty("features").EnumerateArray().ToList();
        var p = features.Select(f => f.GetProperty("properties")).ToList();
        var lon = features[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble();
        Assert.Multiple(() =>
        {
            Assert.That(features, Has.Count.EqualTo(2));
            Assert.That(p.Select(x => x.GetProperty("area_km2").GetDouble()), Is.EqualTo(new[] { 4.0, 4.0 }).Within(1e-9));
            Assert.That(p.Select(x => x.GetProperty("population").GetInt64()), Is.EqualTo(new[] { 4000L, 2000L }));
            Assert.That(p.Select(x => x.GetProperty("settlements").GetInt32()), Is.EqualTo(new[] { 2, 1 }));
            Assert.That(p.Select(x => x.GetProperty("commune_code").GetString()), Is.EqualTo(new[] { "C1", "C2" }));
            Assert.That(p.Select(x => x.GetProperty("district_code").GetString()), Is.EqualTo(new[] { "D", "D" }));
            Assert.That(p[0].GetProperty("threshold_dbm").GetDouble(), Is.EqualTo(-110));
            Assert.That(lon, Is.InRange(106.0, 106.5), "WGS84 longitude");
            Assert.That(File.ReadAllLines(Path.Combine(outDir, "uncovered_settlements.csv")), Has.Length.EqualTo(4));
        });
    }

    [Test]
    public void Demo_WritesCoverageFolder()
    {
        using var ds = new TempDataset();
        var outDir = Path.Combine(ds.Folder, "out");
        var (exit, _, error) = CliRunner.Run("demo", "--out", outDir, "--lang", "en");
        Assert.That(exit, Is.EqualTo(0), error);
        var header = File.ReadLines(Path.Combine(outDir, "coverage", "coverage.csv")).First();
        var indicators = File.ReadLines(Path.Combine(outDir, "indicators_district.csv")).First();
        Assert.Multiple(() =>
        {
            Assert.That(header, Does.StartWith("code,name,level,operator,tech,settlements_total"));
            Assert.That(File.Exists(Path.Combine(outDir, "coverage", "gaps.geojson")), Is.True);
            Assert.That(indicators, Does.Contain("settlements_covered_pct_4g"));
        });
    }

    [Test]
    public void Coverage_Xlsx_WorkbookAndNeedsOutFile()
    {
        using var ds = SmallProvince.Create();
        var path = Path.Combine(ds.Folder, "coverage.xlsx");
        var (exit, _, error) = CliRunner.Run("coverage", ds.Folder, "--format", "xlsx", "--out", path);
        var (withoutOut, _, _) = CliRunner.Run("coverage", ds.Folder, "--format", "xlsx");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(File.ReadAllBytes(path).Take(2), Is.EqualTo("PK"u8.ToArray()), "an OOXML (zip) workbook");
            Assert.That(withoutOut, Is.EqualTo(2));
        });
    }

    [TestCase("--operator", "NoSuchTelecom")]
    [TestCase("--cell-m", "0")]
    [TestCase("--tech", "6G")]
    public void Coverage_BadOption_Exit2(string option, string value)
    {
        var (exit, _, _) = CliRunner.Run("coverage", Sample(), option, value);
        Assert.That(exit, Is.EqualTo(2));
    }

    [Test]
    public void Coverage_BadDataset_Exit2WithProblems()
    {
        using var ds = new TempDataset("Hỏng", "VN2000:105.5");
        ds.File("bts.csv", "id,operator,tech,x,y\nB1,Viettel,7G,585000,2317000\n");
        ds.File("settlements.csv", "id,x,y\nS1,585000,2317000\n");
        var (exit, _, error) = CliRunner.Run("coverage", ds.Folder);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("UNKNOWN_TECH"));
        });
    }

    [Test]
    public void Coverage_NoSettlementsLayer_Exit2()
    {
        using var ds = new TempDataset("Thiếu", "VN2000:105.5");
        ds.File("bts.csv", "id,operator,tech,x,y\nB1,Viettel,4G,585000,2317000\n");
        var (exit, _, error) = CliRunner.Run("coverage", ds.Folder, "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("settlements.csv"));
        });
    }

    // Free-space loss L = 20·log10(4π·d·f / c) (ITU-R P.525, Friis), so the range where EIRP − losses − L reaches the
    // threshold is d = c / (4π·f) · 10^((EIRP − losses − threshold) / 20). A 2G BTS (BCCH at full power) at 1800 MHz with
    // EIRP 8 dBm against −95 dBm, less the default 3 dB body loss, allows 100 dB: d = 299792458 / (4π · 1.8e9) · 10^5 m
    // = 1.3254 km. S1 lies 1.30 km away (covered), S2 1.35 km (not).
    [Test]
    public void Coverage_ModelOverride_FreeSpaceRangeAndVerdicts()
    {
        using var ds = new TempDataset("Không gian tự do", "VN2000:105.5");
        ds.File("bts.csv", "id,operator,tech,band_mhz,eirp_dbm,antenna_height_m,x,y\nB1,Viettel,2G,1800,8,30,585000,2317000\n");
        ds.File("settlements.csv", "id,population,x,y\nS1,100,586300,2317000\nS2,100,585000,2318350\n");
        var outDir = Path.Combine(ds.Folder, "out");

        var (exit, _, error) = CliRunner.Run("coverage", ds.Folder, "--model", "free-space", "--out", outDir);

        Assert.That(exit, Is.Zero, error);
        var footprint = File.ReadAllLines(Path.Combine(outDir, "bts_footprints.csv"));
        var header = footprint[0].Split(',').ToList();
        var row = footprint[1].Split(',');
        var expectedKm = 299792458 / (4 * Math.PI * 1.8e9) * 1e5 / 1000;
        var uncovered = File.ReadAllLines(Path.Combine(outDir, "uncovered_settlements.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(row[header.IndexOf("model")], Is.EqualTo("free-space"));
            Assert.That(double.Parse(row[header.IndexOf("max_range_km")], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expectedKm).Within(0.002));
            Assert.That(uncovered, Is.EqualTo(new[] { "S2" }));
        });
    }

    [TestCase("--model", "bogus")]
    [TestCase("--env", "urban")]
    public void Coverage_BadModelChoice_Exit2(string option, string value)
    {
        var (exit, _, error) = CliRunner.Run("coverage", Sample(), option, value);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--model").Or.Contain("mô hình"));
        });
    }

    [Test]
    public void Coverage_ModelWithEnvironmentsButNoEnv_Exit2ListingThem()
    {
        var (exit, _, error) = CliRunner.Run("coverage", Sample(), "--model", "okumura-hata", "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("urban-large, urban, suburban, open"));
        });
    }
}
