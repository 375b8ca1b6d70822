using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Indicators;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>The columns of issue 12 in <c>indicators</c> CSV and JSON (values worked out in <see cref="DepartmentFiguresTests"/>).</summary>
public class IndicatorsDepartmentColumnsTests
{
    [Test]
    public void Indicators_Csv_DepartmentColumnsWithValues()
    {
        using var ds = DepartmentFiguresTests.Province();
        var (exit, stdout, stderr) = CliRunner.Run("indicators", ds.Folder, "--format", "csv", "--target-radius-km", "1");
        Assert.That(exit, Is.Zero, stderr);

        var lines = stdout.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Multiple(() =>
        {
            Assert.That(header[..3], Is.EqualTo(new[] { "code", "name", "level" }), "older columns keep their place");
            Assert.That(Cell("communes_fibre_to_centre") + "/" + Cell("communes_with_centre"), Is.EqualTo("2/2"));
            Assert.That(Cell("public_sites_fibre_school") + "/" + Cell("public_sites_school"), Is.EqualTo("1/2"));
            Assert.That(Cell("subscribers_mobile"), Is.EqualTo("7000"));
            Assert.That(Cell("subscribers_per_100_mobile"), Is.EqualTo("100.0"));
            Assert.That(Cell("subscribers_per_100_fixed_broadband"), Is.EqualTo("14.3"), "1,000 / 7,000 × 100 = 14.29");
            Assert.That(Cell("subscribers_fixed_broadband_viettel"), Is.EqualTo("300"));
            Assert.That(Cell("communes_with_postal_pct"), Is.EqualTo("50.0"));
            Assert.That(Cell("postal_operator_viettelpost"), Is.EqualTo("2"));
            Assert.That(Cell("postal_points_needed"), Is.EqualTo("1"));
            Assert.That(Cell("fibre_routes"), Is.EqualTo("3"));
            Assert.That(Cell("fibre_underground_pct"), Is.EqualTo("20.0"));
            Assert.That(Cell("copper_routes") + " " + Cell("copper_km"), Is.EqualTo("1 0.500"));
            Assert.That(Cell("nodes_olt"), Is.EqualTo("1"));
        });
    }

    [Test]
    public void Indicators_Json_DepartmentKeys()
    {
        using var ds = DepartmentFiguresTests.Province();
        var (exit, stdout, stderr) = CliRunner.Run("indicators", ds.Folder, "--format", "json", "--level", "commune");
        Assert.That(exit, Is.Zero, stderr);

        var c1 = JsonDocument.Parse(stdout).RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "C1");
        Assert.Multiple(() =>
        {
            Assert.That(c1.GetProperty("communes_fibre_to_centre").GetInt32(), Is.EqualTo(1));
            Assert.That(c1.GetProperty("subscribers_per_100_by_service").GetProperty("fixed_broadband").GetDouble(), Is.EqualTo(12.5));
            Assert.That(c1.GetProperty("subscribers_by_service_operator").GetProperty("fixed_broadband").GetProperty("VNPT").GetInt64(), Is.EqualTo(200));
            Assert.That(c1.GetProperty("nodes_by_kind").GetProperty("exchange").GetInt32(), Is.EqualTo(1));
            Assert.That(c1.GetProperty("postal_points_needed").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void Indicators_TargetRadiusNotPositive_ExitTwo()
    {
        using var ds = DepartmentFiguresTests.Province();
        var (exit, _, stderr) = CliRunner.Run("indicators", ds.Folder, "--target-radius-km", "0");
        Assert.That(exit, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain("--target-radius-km"));
    }
}
