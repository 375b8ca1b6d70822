using System.Text.RegularExpressions;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary><c>--timings</c>: one line of phase times on stderr, and stdout unchanged.</summary>
public sealed partial class TimingsOptionTests
{
    [GeneratedRegex(@"^timings: fingerprint \d+\.\d\d s, (?:cache read \d+\.\d\d s, )?load \d+\.\d\d s, (?:cache write \d+\.\d\d s, )?index \d+\.\d\d s, compute \d+\.\d\d s, write \d+\.\d\d s, (?:cache write \d+\.\d\d s, )?total \d+\.\d\d s$", RegexOptions.Multiline)]
    private static partial Regex WithIndex();

    [GeneratedRegex(@"^timings: fingerprint \d+\.\d\d s, (?:cache read \d+\.\d\d s, )?load \d+\.\d\d s, (?:cache write \d+\.\d\d s, )?compute \d+\.\d\d s, write \d+\.\d\d s, (?:cache write \d+\.\d\d s, )?total \d+\.\d\d s$", RegexOptions.Multiline)]
    private static partial Regex WithoutIndex();

    // The memory line after it: the GC's pauses and collections, the peak working set and, where /proc says, page faults.
    [GeneratedRegex(@"^memory: gc pauses \d+\.\d\d s in \d+ collections \(\d+ full\), peak working set [\d,]+ MiB(?<faults>, [\d,]+ page faults)?$", RegexOptions.Multiline)]
    private static partial Regex MemoryLine();

    [TestCase("indicators")]
    [TestCase("sharing")]
    public void Timings_PrintsPhasesOnStderr_StdoutUnchanged(string command)
    {
        using var ds = SmallProvince.Create();
        var (exit, output, error) = CliRunner.Run(command, ds.Folder, "--format", "csv", "--timings");
        var (plainExit, plainOutput, plainError) = CliRunner.Run(command, ds.Folder, "--format", "csv");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(plainExit, Is.Zero, plainError);
            Assert.That(output, Is.EqualTo(plainOutput));
            Assert.That(WithIndex().IsMatch(error), Is.True, error);
            Assert.That(MemoryLine().Match(error) is { Success: true } memory && memory.Groups["faults"].Success == File.Exists("/proc/self/stat"), Is.True, error);
            Assert.That(plainError, Does.Not.Contain("timings:"));
            Assert.That(plainError, Does.Not.Contain("memory:"));
        });
    }

    [GeneratedRegex(@"^timings: fingerprint \d+\.\d\d s, (?:[a-z ]+ \d+\.\d\d s, )*write \d+\.\d\d s, (?:cache write \d+\.\d\d s, )?total \d+\.\d\d s$", RegexOptions.Multiline)]
    private static partial Regex AnyPhases();

    [TestCase("plan", true, "--format", "json", "--solver", "greedy")]
    [TestCase("report", true, "--out", "{out}")]
    [TestCase("export", false, "--to", "gpkg", "--out", "{out}/x.gpkg")]
    public void Timings_OtherDatasetCommands_LoadAndWritePhases(string command, bool computes, params string[] options)
    {
        using var ds = SmallProvince.Create();
        var outDir = Path.Combine(Path.GetTempPath(), "sotttt-timings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            string[] args = [command, ds.Folder, .. options.Select(o => o.Replace("{out}", outDir, StringComparison.Ordinal)), "--timings"];
            var (exit, _, error) = CliRunner.Run(args);
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, error);
                Assert.That(AnyPhases().IsMatch(error), Is.True, error);
                Assert.That(error, Does.Contain(" load "));
                Assert.That(error.Contains(" compute ", StringComparison.Ordinal), Is.EqualTo(computes), error);
            });
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Test]
    public void Timings_Coverage_LoadComputeWrite()
    {
        using var ds = SmallProvince.Create();
        var (exit, _, error) = CliRunner.Run("coverage", ds.Folder, "--format", "csv", "--timings");
        Assert.That(exit, Is.Zero, error);
        Assert.That(WithoutIndex().IsMatch(error), Is.True, error);
    }
}
