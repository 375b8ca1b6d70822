using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>Issue 15, finding 8 (files): temporary files a killed run left behind are deleted by the next run.</summary>
public sealed class StaleTempFileTests
{
    [Test]
    public void Indicators_OutIntoFolderWithStaleTempFiles_DeletesThemKeepsLiveOnes()
    {
        using var ds = SmallProvince.Create();
        var outDir = Path.Combine(ds.Folder, "out");
        Directory.CreateDirectory(outDir);
        // pid 2147483647 never runs (pids stop at 2^22 on Linux); pid 1 (init) always does.
        var stale = Path.Combine(outDir, $".indicators_commune.csv.2147483647.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(outDir, $".report.xlsx.1.{Guid.NewGuid():N}.tmp");
        var other = Path.Combine(outDir, ".notes.tmp");
        foreach (var file in new[] { stale, live, other })
        {
            File.WriteAllText(file, "x");
        }

        var (exit, _, error) = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--out", outDir);

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(stale), Is.False, "stale temporary file of a dead process");
            Assert.That(File.Exists(live), Is.True, "a running process's temporary file");
            Assert.That(File.Exists(other), Is.True, "not one of ours");
        });
    }
}
