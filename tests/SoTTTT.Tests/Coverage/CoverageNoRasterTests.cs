using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

/// <summary>
/// <c>coverage --no-raster</c> (issue 13: the settlements-in-range question without the 100 m grid): every village is
/// judged exactly as in a full run, and nothing that needs the raster is written.
/// </summary>
public sealed class CoverageNoRasterTests
{
    [Test]
    public void NoRaster_Sample_SameSettlementsAsTheFullRunAndNoGrids()
    {
        var full = Path.Combine(Path.GetTempPath(), "sotttt-noraster-full-" + Guid.NewGuid().ToString("N"));
        var quick = Path.Combine(Path.GetTempPath(), "sotttt-noraster-quick-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitFull, _, errFull) = CliRunner.Run("coverage", DemoSample.Folder, "--out", full, "--lang", "en");
            var (exit, output, err) = CliRunner.Run("coverage", DemoSample.Folder, "--no-raster", "--out", quick, "--format", "table", "--lang", "en");

            Assert.That(exitFull, Is.EqualTo(0), errFull);
            Assert.That(exit, Is.EqualTo(0), err);
            Assert.Multiple(() =>
            {
                foreach (var same in new[] { "best_server.csv", "bts_footprints.csv", "uncovered_settlements.csv" })
                {
                    Assert.That(File.ReadAllBytes(Path.Combine(quick, same)), Is.EqualTo(File.ReadAllBytes(Path.Combine(full, same))), same);
                }

                Assert.That(Directory.GetFiles(full, "*.tif"), Is.Not.Empty, "the full run writes the grids");
                Assert.That(Directory.GetFiles(quick, "*.tif"), Is.Empty, "--no-raster writes no grid");
                Assert.That(File.Exists(Path.Combine(quick, "gaps.geojson")), Is.False, "--no-raster finds no gaps");
                Assert.That(File.ReadAllText(Path.Combine(quick, "coverage.json")), Does.Contain("\"raster\": \"off\"").Or.Contain("\"raster\":\"off\""));
                Assert.That(output, Does.Contain("--no-raster: settlements only"));
            });
        }
        finally
        {
            foreach (var dir in new[] { full, quick })
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }
    }
}
