using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>Issue 15, finding 5 (CLI): a coverage run that would exhaust the machine is refused at once, with its estimate.</summary>
public sealed class CoverageEstimateTests
{
    [Test]
    public void Coverage_SampleAtOneMetre_RefusedWithTheEstimate()
    {
        var (exit, output, error) = CliRunner.Run("coverage", DemoSample.Folder, "--cell-m", "1", "--lang", "en");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("COVERAGE_TOO_LARGE"));
            Assert.That(error, Does.Match(@"an estimated [0-9.]+ GB of memory"));
            Assert.That(error, Does.Match(@"Use --cell-m [0-9]+ or more"));
        });
    }

    [Test]
    public void Coverage_SmallProvinceAtOneMetre_RunsWithinTheLimits()
    {
        using var ds = SmallProvince.Create();

        var (exit, _, error) = CliRunner.Run("coverage", ds.Folder, "--cell-m", "10", "--format", "csv");

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(error, Does.Not.Contain("COVERAGE_TOO_LARGE"));
    }
}
