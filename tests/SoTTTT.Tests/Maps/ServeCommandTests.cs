using NUnit.Framework;
using SoTTTT.Cli;
using SoTTTT.Cli.Commands;
using SoTTTT.Cli.Viewer;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

public sealed class ServeCommandTests
{
    [Test]
    public void Prepare_MapsWithoutOpenLayers_SaysToRunNpmCi()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sotttt-maps-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (console, error) = Console();

            var exit = ServeCommand.Prepare(console, "en", new ViewerAssets(folder), out var catalogue);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(ExitCodes.InternalError));
                Assert.That(catalogue, Is.Null);
                Assert.That(error.ToString(), Does.Contain("run npm ci in " + folder));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Prepare_RepositoryMaps_ReadsTheCatalogue()
    {
        var assets = new ViewerAssets(RepoMaps.Folder);
        if (!assets.HasOpenLayers)
        {
            ExternalTools.Missing("maps/node_modules is absent: run npm ci in maps/ (tests/run.sh does)");
        }

        var (console, error) = Console();

        var exit = ServeCommand.Prepare(console, "vi", assets, out var catalogue);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Null, error.ToString());
            Assert.That(catalogue!.Views, Has.Count.EqualTo(7));
        });
    }

    [Test]
    public void Serve_UnknownDataset_ExitsWithBadInput()
    {
        var (exit, _, error) = CliRunner.Run("serve", Path.Combine(Path.GetTempPath(), "no-such-dataset-" + Guid.NewGuid().ToString("N")), "--port", "1");

        Assert.That(exit, Is.EqualTo(ExitCodes.BadInput), error);
    }

    private static (CliConsole Console, StringWriter Error) Console()
    {
        var error = new StringWriter();
        return (new CliConsole(new StringWriter(), error, new StringReader(string.Empty), false), error);
    }
}
