using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

public sealed class DemoMapsTests
{
    [Test]
    public void Demo_English_WritesEveryViewMapAndTheReport()
    {
        using var ds = new TempDataset();
        var outDir = Path.Combine(ds.Folder, "out");

        var (exit, _, error) = CliRunner.Run("demo", "--out", outDir, "--lang", "en");

        Assert.That(exit, Is.EqualTo(0), error);
        var report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Multiple(() =>
        {
            foreach (var view in new[] { "overview", "coverage", "gaps", "postal", "sharing", "approval", "plan" })
            {
                Assert.That(File.Exists(Path.Combine(outDir, "maps", view + ".svg")), Is.True, view);
                Assert.That(File.ReadAllBytes(Path.Combine(outDir, "maps", view + ".png"))[1..4], Is.EqualTo("PNG"u8.ToArray()), view + ".png");
                Assert.That(File.ReadAllBytes(Path.Combine(outDir, "maps", view + ".pdf"))[..5], Is.EqualTo("%PDF-"u8.ToArray()), view + ".pdf");
                Assert.That(report, Does.Contain($"<section id=\"{view}\">"));
            }

            Assert.That(report, Does.Contain("<html lang=\"en\">").And.Contain("Infrastructure sharing").And.Contain("<svg "));
        });
    }
}
