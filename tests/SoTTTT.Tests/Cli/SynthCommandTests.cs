using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

public sealed class SynthCommandTests
{
    [Test]
    public void Synth_Mountain_WritesDemPublicSitesAndTargetsThatLoad()
    {
        using var ds = new TempDataset();
        var outDir = Path.Combine(ds.Folder, "mountain");
        var (exit, _, error) = CliRunner.Run("synth", "--profile", "mountain", "--out", outDir);
        Assert.That(exit, Is.EqualTo(0), error);

        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dataset.json")));
        using var targets = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "plan_targets.json")));
        var loaded = global::SoTTTT.IO.DatasetLoader.Load(outDir);
        Assert.Multiple(() =>
        {
            Assert.That(settings.RootElement.GetProperty("dem").GetString(), Is.EqualTo("dem.tif"));
            Assert.That(settings.RootElement.GetProperty("crs").GetString(), Is.EqualTo("VN2000:103"));
            Assert.That(targets.RootElement.GetProperty("remote_communes").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(loaded.Problems, Is.Empty);
            Assert.That(loaded.Notices, Is.Empty, "no near-duplicate sites, nothing outside the province");
            Assert.That(loaded.Dataset!.Dem, Is.Not.Null);
            Assert.That(loaded.Dataset.PublicSites, Has.Count.GreaterThan(129));
        });
    }
}
