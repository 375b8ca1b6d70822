using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

public class IndicatorsCommandTests
{
    private static readonly string[] RequiredKeys =
    [
        "code", "name", "level", "area_km2", "population", "postal_points", "postal_points_by_kind", "service_radius_km",
        "people_per_postal_point", "settlements", "postal_access_mean_km", "postal_access_max_km", "bts", "bts_by_operator",
        "bts_by_tech", "tower_positions", "bts_per_position", "fibre_km", "fibre_km_by_operator", "fibre_km_by_placement",
        "communes_with_fibre_pct", "settlements_within_fibre_pct",
    ];

    [Test]
    public void Indicators_JsonFormat_HasContractKeys()
    {
        using var ds = SmallProvince.Create();
        var (exit, output, error) = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--format", "json");
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var units = doc.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.That(units.Select(u => u.GetProperty("code").GetString()), Is.EqualTo(new[] { "C1", "C2" }));
        foreach (var key in RequiredKeys)
        {
            Assert.That(units[0].TryGetProperty(key, out _), Is.True, $"missing key {key}");
        }

        Assert.That(units[0].GetProperty("service_radius_km").GetDouble(), Is.EqualTo(1.128).Within(0.0005));
    }

    [Test]
    public void Indicators_CsvToFile_WrittenAndNothingOnStdout()
    {
        using var ds = SmallProvince.Create();
        var outFile = Path.Combine(ds.Folder, "out", "p.csv");
        var (exit, output, _) = CliRunner.Run("indicators", ds.Folder, "--out", outFile);
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Is.Empty);
        var lines = File.ReadAllLines(outFile);
        Assert.That(lines[0], Does.StartWith("code,name,level,parent_code,area_km2,area_source,population,postal_points,postal_points_commune_post_culture,postal_points_post_office_3,service_radius_km"));
        Assert.That(lines[1], Does.StartWith("P,Tỉnh Thử,province,,10.00,official,7000,2,1,1,1.262,3500,3,"));
    }

    [Test]
    public void Indicators_BadDataset_Exit2ListsProblemsWritesNothing()
    {
        using var ds = new TempDataset();
        ds.File("bts.csv", "id,operator,tech,lon,lat\nB1,Orange,4G,106.3,20.95\nB2,Viettel,9G,106.3,20.95\n");
        var outDir = Path.Combine(ds.Folder, "out");
        var (exit, output, error) = CliRunner.Run("indicators", ds.Folder, "--out", outDir);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("bts.csv, row 2, column 'operator' (id B1): UNKNOWN_OPERATOR"));
            Assert.That(error, Does.Contain("bts.csv, row 3, column 'tech' (id B2): UNKNOWN_TECH"));
            Assert.That(Directory.Exists(outDir), Is.False);
        });
    }

    [Test]
    public void Indicators_DistrictLevelInPost2025Data_Exit2()
    {
        using var ds = new TempDataset();
        ds.File("admin_units.csv", "code,name,level,parent_code\nP,Tỉnh,province,\nC,Xã,commune,P\n");
        var (exit, _, error) = CliRunner.Run("indicators", ds.Folder, "--level", "district", "--format", "csv");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("district"));
    }

    [Test]
    public void UnknownOption_Exit2()
    {
        var (exit, _, _) = CliRunner.Run("indicators", "x", "--no-such-option");
        Assert.That(exit, Is.EqualTo(2));
    }
    [Test]
    public void Columns_GiveTheUnitThenTheChosenColumnsInOrder_InEveryFormat()
    {
        using var ds = SmallProvince.Create();
        var (exit, output, error) = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--columns", "service_radius_km, postal_points*", "--format", "csv");
        Assert.That(exit, Is.EqualTo(0), error);
        var whole = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        string[] expected = ["code", "name", "level", "parent_code", "service_radius_km", .. whole[0].Where(h => h.StartsWith("postal_points", StringComparison.Ordinal))];
        Assert.That(lines[0], Is.EqualTo(expected));
        Assert.That(lines.Count, Is.EqualTo(whole.Count));
        for (var r = 1; r < lines.Count; r++)
        {
            Assert.That(lines[r], Is.EqualTo(expected.Select(h => whole[r][Array.IndexOf(whole[0], h)])));
        }

        var json = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--columns", "service_radius_km", "--format", "json");
        Assert.That(json.Exit, Is.EqualTo(0), json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var unit = doc.RootElement.GetProperty("units")[0];
        Assert.That(unit.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "code", "name", "level", "parent_code", "service_radius_km" }));
        Assert.That(unit.GetProperty("service_radius_km").GetDouble(), Is.EqualTo(1.128).Within(0.0005));
    }

    [Test]
    public void Columns_UnknownOrMalformedOrWithCompare_Exit2NamingThem()
    {
        using var ds = SmallProvince.Create();
        var unknown = CliRunner.Run("indicators", ds.Folder, "--columns", "bts_orange,fibre_km,nope*");
        var malformed = CliRunner.Run("indicators", ds.Folder, "--columns", "bts*viettel");
        var empty = CliRunner.Run("indicators", ds.Folder, "--columns", ",");
        var compare = CliRunner.Run("indicators", ds.Folder, "--columns", "bts", "--compare", ds.Folder, "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Exit, Is.EqualTo(2));
            Assert.That(unknown.Out, Is.Empty);
            Assert.That(unknown.Err, Does.Contain("bts_orange, nope*").And.Contain("fibre_km_").And.Contain("postal_access_max_km"));
            Assert.That(malformed.Exit, Is.EqualTo(2));
            Assert.That(malformed.Err, Does.Contain("'bts*viettel'"));
            Assert.That(empty.Exit, Is.EqualTo(2));
            Assert.That(compare.Exit, Is.EqualTo(2));
            Assert.That(compare.Err, Does.Contain("--columns does not combine with --compare"));
        });
    }
}
