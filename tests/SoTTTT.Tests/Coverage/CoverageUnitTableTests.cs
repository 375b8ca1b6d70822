using NUnit.Framework;
using SoTTTT.Cli.Commands;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

/// <summary>
/// The unit table alone (<see cref="CoverageAnalysis.UnitTable"/>, what <c>coverage --no-raster --out FILE.csv</c>
/// computes; issue 13's settlements-in-range question) must be the table of the whole analysis row for row, and the
/// footprints a dataset keeps (<see cref="KeptFootprints"/>) must be the ones a fresh engine makes.
/// </summary>
public sealed class CoverageUnitTableTests
{
    private const string Province = "sample-province";

    private static readonly Dictionary<string, Dataset> Loaded = [];

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var sample in new[] { Province, DemoCommand.MountainSample })
        {
            foreach (var level in new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune })
            {
                foreach (var terrain in sample == DemoCommand.MountainSample ? new[] { true, false } : [true])
                {
                    yield return new TestCaseData(sample, level, terrain, null, null).SetName($"UnitTable_IsTheWholeRunsTable({sample},{level},terrain {terrain})");
                }
            }

            yield return new TestCaseData(sample, AdminLevel.Commune, true, Technology.G4, null).SetName($"UnitTable_IsTheWholeRunsTable({sample},commune,4G only)");
            yield return new TestCaseData(sample, AdminLevel.District, true, null, "Viettel").SetName($"UnitTable_IsTheWholeRunsTable({sample},district,Viettel only)");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void UnitTable_IsTheWholeRunsTable(string sample, AdminLevel level, bool terrain, Technology? tech, string? op)
    {
        var dataset = Load(sample);
        Assert.That(dataset.AdminUnits.Any(u => u.Level == level), Is.True, $"{sample} has {level} units");
        var options = new CoverageOptions(level, tech, op) { Raster = false, Terrain = terrain };
        var whole = CoverageAnalysis.Run(dataset, options);
        var (rows, unassigned) = CoverageAnalysis.UnitTable(dataset, options);
        Assert.Multiple(() =>
        {
            Assert.That(whole.Rows, Is.Not.Empty);
            Assert.That(whole.Rows.Any(r => r.SettlementsCovered > 0), Is.True, "something is covered, so the flags are tested");
            Assert.That(whole.Rows.Any(r => r.SettlementsCovered < r.SettlementsTotal), Is.True, "something is not, so the flags are tested both ways");
            Assert.That(rows, Is.EqualTo(whole.Rows));
            Assert.That(unassigned, Is.EqualTo(whole.UnassignedSettlements));
        });
    }

    [Test]
    public void UnitTable_WithTheRaster_IsRefused()
    {
        var dataset = Load(Province);
        Assert.That(() => CoverageAnalysis.UnitTable(dataset, new CoverageOptions(AdminLevel.Province)), Throws.ArgumentException);
    }

    [Test]
    public void KeptFootprints_AreTheOnesAFreshEngineMakes()
    {
        // A copy made with `with` is a dataset of its own: its footprints are made afresh, not taken from the original's.
        var dataset = Load(Province) with { };
        var kept = KeptFootprints.For(dataset)!;
        var fresh = new CoverageEngine(dataset).Footprints();
        Assert.That(kept.All, Has.Count.EqualTo(dataset.Bts.Count));
        Assert.Multiple(() =>
        {
            Assert.That(KeptFootprints.For(dataset), Is.SameAs(kept), "made once per dataset");
            for (var b = 0; b < fresh.Length; b++)
            {
                var (k, f) = (kept.All[b], fresh[b]);
                Assert.That((k.Index, k.Id, k.MaxRangeKm, k.RangeCapped, k.Environment, k.Model.Name, k.EirpDbm, k.EffectiveHeightM, k.Terrain), Is.EqualTo((f.Index, f.Id, f.MaxRangeKm, f.RangeCapped, f.Environment, f.Model.Name, f.EirpDbm, f.EffectiveHeightM, f.Terrain)), f.Id);
                Assert.That(k.LevelDbm(k.X + 700, k.Y - 300), Is.EqualTo(f.LevelDbm(f.X + 700, f.Y - 300)), f.Id);
            }
        });
    }

    [Test]
    public void KeptFootprints_NotKeptOverADemOrUnderAnImposedModel()
    {
        var mountain = Load(DemoCommand.MountainSample);
        var model = new ModelOverride(Core.Coverage.PathLoss.PathLossModels.ByName("free-space")!, string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(mountain.Dem, Is.Not.Null);
            Assert.That(KeptFootprints.For(mountain), Is.Null, "over the DEM each run judges (and counts) its own terrain paths");
            Assert.That(KeptFootprints.For(mountain, terrain: false)!.All.All(f => f.Terrain is null), Is.True, "--no-terrain: flat footprints");
            Assert.That(KeptFootprints.For(Load(Province), model), Is.Null);
        });
    }

    [Test]
    public void BtsUnits_AreWhereTheLocatorPutsEachBts()
    {
        var dataset = Load(Province);
        var locator = DatasetIndexes.Locator(dataset);
        var units = DatasetIndexes.BtsUnits(dataset);
        Assert.That(units, Has.Count.EqualTo(dataset.Bts.Count));
        Assert.Multiple(() =>
        {
            for (var b = 0; b < dataset.Bts.Count; b++)
            {
                Assert.That(units[b] < 0 ? null : dataset.AdminUnits[units[b]].Code, Is.EqualTo(locator.Locate(dataset.Bts[b].Location)?.Code), dataset.Bts[b].Id);
            }
        });
    }

    [Test]
    public void Cli_NoRasterCsv_IsTheFoldersCoverageCsv()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sotttt-unittable-" + Guid.NewGuid().ToString("N"));
        try
        {
            var file = folder + ".csv";
            var (exitWhole, _, errWhole) = CliRunner.Run("coverage", DemoSample.Folder, "--level", "commune", "--no-raster", "--out", folder);
            var (exitFile, _, errFile) = CliRunner.Run("coverage", DemoSample.Folder, "--level", "commune", "--no-raster", "--out", file);
            var (exitOut, output, errOut) = CliRunner.Run("coverage", DemoSample.Folder, "--level", "commune", "--no-raster", "--format", "csv");
            Assert.That((exitWhole, exitFile, exitOut), Is.EqualTo((0, 0, 0)), errWhole + errFile + errOut);
            var expected = File.ReadAllText(Path.Combine(folder, "coverage.csv"));
            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllText(file), Is.EqualTo(expected));
                Assert.That(output, Is.EqualTo(expected));
            });
            File.Delete(file);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, true);
            }
        }
    }

    private static Dataset Load(string sample)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(sample, out var dataset))
            {
                var loaded = DatasetLoader.Load(DemoCommand.SampleFolder(sample));
                Assert.That(loaded.Dataset, Is.Not.Null, string.Join("\n", loaded.Problems.Select(p => p.ToString())));
                Loaded[sample] = dataset = loaded.Dataset!;
            }

            return dataset;
        }
    }
}
