using NUnit.Framework;
using SoTTTT.Cli.Commands;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.IO;

namespace SoTTTT.Tests.Coverage;

/// <summary>
/// The committed mountain sample (data/sample-mountain) over its DEM: its network was calibrated by data to Điện Biên's
/// published mobile coverage, 98.9 % of villages (thôn/bản; the department's report of 2022, DOMAIN.md), as the coverage
/// engine predicts it with the default link budget over the terrain — the physics and defaults untouched.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class MountainSampleCoverageTests
{
    private Dataset sample = null!;
    private bool[][] withTerrain = null!;

    [OneTimeSetUp]
    public void Load()
    {
        var loaded = DatasetLoader.Load(DemoCommand.SampleFolder(DemoCommand.MountainSample));
        Assert.That(loaded.Dataset, Is.Not.Null, string.Join("\n", loaded.Problems.Select(p => p.ToString())));
        sample = loaded.Dataset!;
        withTerrain = CoverageAnalysis.CoveredSettlements(sample);
    }

    [Test]
    public void CoveredSettlements_OverTheDem_NearDienBiensShareOfVillages()
    {
        var pct = 100.0 * withTerrain.Count(f => f.Any(c => c)) / sample.Settlements.Count;
        Assert.Multiple(() =>
        {
            Assert.That(sample.Dem, Is.Not.Null, "dataset.json names dem.tif");
            Assert.That(pct, Is.InRange(97.5, 99.9));
        });
    }

    [Test]
    public void CoveredSettlements_WithoutTerrain_DiffersFromTheDemsPrediction()
    {
        var flat = CoverageAnalysis.CoveredSettlements(sample with { Dem = null });
        var changed = Enumerable.Range(0, sample.Settlements.Count).Count(s => !flat[s].SequenceEqual(withTerrain[s]));
        Assert.That(changed, Is.GreaterThan(sample.Settlements.Count / 50), "ridges and hilltops change the covered villages of some technology");
    }
}
