using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

public class RulesCommandTests
{
    [Test]
    public void Rules_PrintWithoutDataset_DefaultsAsRulesJson()
    {
        var (exit, output, _) = CliRunner.Run("rules", "--print", "--format", "json");
        Assert.That(exit, Is.EqualTo(0));
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("tower_classes").GetArrayLength(), Is.EqualTo(7));
            Assert.That(root.GetProperty("co_location_m").GetDouble(), Is.EqualTo(20));
            Assert.That(root.GetProperty("must_share_m").GetProperty("non_urban").GetDouble(), Is.EqualTo(400));
            Assert.That(root.GetProperty("min_spacing_m")[2].GetProperty("non_urban").GetDouble(), Is.EqualTo(500));
            Assert.That(root.GetProperty("shared_duct").GetProperty("corridor_m").GetDouble(), Is.EqualTo(15));
        });
    }

    [Test]
    public void Rules_DatasetPrint_FileOverDefaults()
    {
        using var ds = new TempDataset();
        ds.File("rules.json", "{\"must_share_m\": {\"urban\": 80, \"non_urban\": 500}}");
        var (exit, output, _) = CliRunner.Run("rules", ds.Folder, "--print", "--format", "json");
        using var doc = JsonDocument.Parse(output);
        Assert.That((exit, doc.RootElement.GetProperty("must_share_m").GetProperty("urban").GetDouble(), doc.RootElement.GetProperty("co_location_m").GetDouble()), Is.EqualTo((0, 80.0, 20.0)));
    }

    [Test]
    public void Rules_PrintDatasetAfterOption_Table()
    {
        using var ds = new TempDataset();
        var (exit, output, _) = CliRunner.Run("rules", "--print", ds.Folder, "--format", "table", "--lang", "en");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("must_share_m").And.Contain("100 m urban / 400 m non-urban").And.Contain("No rules.json"));
    }

    [Test]
    public void Rules_BadRulesFile_Exit2WithKey()
    {
        using var ds = new TempDataset();
        ds.File("rules.json", "{\"min_spacing_m\": [{\"class\": \"A2b\", \"urban\": 300}]}");
        var (exit, output, error) = CliRunner.Run("rules", ds.Folder, "--format", "json");
        Assert.That((exit, output), Is.EqualTo((2, string.Empty)));
        Assert.That(error, Does.Contain("rules.json, column 'min_spacing_m[0].non_urban': MISSING_VALUE"));
    }
}
