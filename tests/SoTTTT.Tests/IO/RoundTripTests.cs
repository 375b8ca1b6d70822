using NUnit.Framework;
using SoTTTT.Cli.Commands;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>
/// The bundled sample province through every store: folder → GeoPackage → PostGIS → folder, each step with the
/// <c>sotttt export</c> command, and the indicator tables of every level identical from each source.
/// </summary>
[TestFixture]
public sealed class RoundTripTests
{
    private static readonly string[] Levels = ["province", "district", "commune"];

    [Test]
    public void SampleProvince_FolderGeoPackagePostgisFolder_GivesIdenticalIndicators()
    {
        using var schema = new PostgisSchema();
        var work = Path.Combine(Path.GetTempPath(), "sotttt-roundtrip-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sample = DemoCommand.SampleFolder();
            var gpkg = Path.Combine(work, "sample.gpkg");
            var back = Path.Combine(work, "back");

            Succeeds("export", sample, "--to", "gpkg", "--out", gpkg);
            Succeeds("export", gpkg, "--to", "postgis", "--conn", schema.Url());
            Succeeds("export", schema.Url(), "--to", "folder", "--out", back);

            foreach (var level in Levels)
            {
                var expected = Indicators(sample, level);
                Assert.Multiple(() =>
                {
                    Assert.That(Indicators(gpkg, level), Is.EqualTo(expected), $"{level}: GeoPackage");
                    Assert.That(Indicators(schema.Url(), level), Is.EqualTo(expected), $"{level}: PostGIS");
                    Assert.That(Indicators(back, level), Is.EqualTo(expected), $"{level}: folder written back");
                });
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static string Indicators(string source, string level)
    {
        var (exit, stdout, stderr) = CliRunner.Run("indicators", source, "--level", level, "--format", "csv");
        Assert.That(exit, Is.Zero, stderr);
        return stdout;
    }

    private static void Succeeds(params string[] args)
    {
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.That(exit, Is.Zero, () => $"sotttt {string.Join(' ', args)}: {stderr}");
    }
}
