using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

/// <summary>
/// The boresight range solve (false position, then the fixed 10⁻¹² grid) and the engine's sharing of one solve among BTS
/// of one configuration (issue 13: 350,000 national footprints). The reference is the definition of the range itself:
/// the largest distance whose loss meets the budget, checked on the footprint's own <see cref="BtsFootprint.LossDb"/>.
/// </summary>
public class RangeSolveTests
{
    [Test]
    public void Range_EveryBandHeightPowerEnvironment_MeetsTheBudgetAndTheNextGridStepDoesNot(
        [Values(450, 700, 900, 1800, 2100, 2600, 3500)] double bandMHz)
    {
        var checkedRanges = 0;
        foreach (var environment in Enum.GetValues<CoverageEnvironment>())
        {
            foreach (var heightM in new[] { 12.0, 25, 42.5, 60 })
            {
                foreach (var eirp in new[] { 30.0, 45, 55, 65 })
                {
                    foreach (var tech in new[] { Technology.G2, Technology.G4 })
                    {
                        var bts = new Bts("B", "Viettel", tech, TestNetwork.At(0, 0), null, bandMHz, heightM, eirp, null, null, null, null);
                        var f = FootprintCalculator.Compute(0, bts, CoverageRules.Default, environment);
                        var allowed = f.Budget.MaxPathLossDb;
                        if (f.MaxRangeKm == 0)
                        {
                            Assert.That(f.LossDb(0.001), Is.GreaterThan(allowed), $"{bandMHz} MHz {heightM} m {eirp} dBm {environment}: range 0 but the nearest place meets the budget");
                            continue;
                        }

                        if (f.RangeCapped)
                        {
                            Assert.That(f.LossDb(f.ReachKm), Is.LessThanOrEqualTo(allowed));
                            continue;
                        }

                        checkedRanges++;
                        Assert.That(f.LossDb(f.MaxRangeKm), Is.LessThanOrEqualTo(allowed), $"{bandMHz} MHz {heightM} m {eirp} dBm {environment}: the range does not meet the budget");
                        Assert.That(f.LossDb(f.MaxRangeKm * (1 + 2e-12)), Is.GreaterThan(allowed), $"{bandMHz} MHz {heightM} m {eirp} dBm {environment}: a place 2·10⁻¹² farther still meets the budget");
                    }
                }
            }
        }

        Assert.That(checkedRanges, Is.GreaterThan(20), "too few ranges inside (0, reach) to test the solve");
    }

    [Test]
    public void Range_HataUrbanWorkedExample_MatchesTheClosedForm()
    {
        // Hata (1980), small/medium city, 900 MHz, hb 30 m, hm 1.5 m, worked in full precision (CoverageAnalysisTests
        // carries the same line rounded to 4 decimals): a(hm) = (1.1·log10 900 − 0.7)·1.5 − (1.56·log10 900 − 0.8),
        // L(d) = 69.55 + 26.16·log10 900 − 13.82·log10 30 − a(hm) + (44.9 − 6.55·log10 30)·log10 d
        //      = 126.40328648085746 + 35.224855781586214·log10 d; EIRP 40 dBm, body loss 3 dB, 2G threshold −95 dBm allow
        // 132 dB, reached at d = 10^((132 − 126.40328648085746) / 35.224855781586214) = 1.4417346938250004 km. The solve
        // answers from below, within one 10⁻¹² grid step.
        const double ClosedFormKm = 1.4417346938250004;
        var bts = new Bts("B", "Viettel", Technology.G2, TestNetwork.At(0, 0), null, 900, 30, 40, null, null, null, null);
        var f = FootprintCalculator.Compute(0, bts, CoverageRules.Default, CoverageEnvironment.Urban);
        Assert.That(f.Model.Name, Is.EqualTo("okumura-hata"));
        Assert.That(f.MaxRangeKm, Is.LessThanOrEqualTo(ClosedFormKm * (1 + 1e-14)));
        Assert.That(f.MaxRangeKm, Is.GreaterThan(ClosedFormKm * (1 - 2e-12)));
    }

    [Test]
    public void Engine_SharedSolvesAndTerms_GiveEveryFootprintTheRangeAndLevelsItHasAlone()
    {
        // The sample province: 2,952 BTS. The engine solves each configuration once; every footprint's range, capped flag
        // and extrapolation findings, and its level at a few places, must be exactly what the same BTS gets on its own.
        var dataset = DatasetLoader.Load(DemoSample.Folder).Dataset!;
        var engine = new CoverageEngine(dataset);
        var shared = engine.Footprints();
        Assert.That(engine.RangeSolutionCount, Is.InRange(1, shared.Length));
        for (var i = 0; i < shared.Length; i++)
        {
            var alone = FootprintCalculator.Compute(i, dataset.Bts[i], engine.Rules, engine.EnvironmentAt(dataset.Bts[i].Location.Coordinate), engine.ModelOverride, engine.Terrain);
            Assert.That(shared[i].MaxRangeKm, Is.EqualTo(alone.MaxRangeKm), $"BTS {dataset.Bts[i].Id}");
            Assert.That(shared[i].RangeCapped, Is.EqualTo(alone.RangeCapped), $"BTS {dataset.Bts[i].Id}");
            Assert.That(shared[i].OutOfRange, Is.EqualTo(alone.OutOfRange), $"BTS {dataset.Bts[i].Id}");

            // The engine's footprints share their loss terms with every footprint of the same inputs to them: the level
            // anywhere must still be the one the BTS gets alone.
            foreach (var (dx, dy) in new[] { (900.0, 1300.0), (-4200.0, 250.0), (60.0, -11_500.0) })
            {
                Assert.That(shared[i].LevelDbm(shared[i].X + dx, shared[i].Y + dy), Is.EqualTo(alone.LevelDbm(alone.X + dx, alone.Y + dy)), $"BTS {dataset.Bts[i].Id} at ({dx}, {dy}) m");
            }
        }
    }

    [Test]
    public void Engine_TwoBtsOfOneConfiguration_ShareOneSolve()
    {
        var dataset = new CoverageProvince()
            .Bts("A", "Viettel", Technology.G4, 601000, 2301000, 1800, 30, 60)
            .Bts("B", "Viettel", Technology.G4, 602000, 2302000, 1800, 30, 60)
            .Bts("C", "Viettel", Technology.G4, 603000, 2303000, 1800, 31, 60)
            .Build();
        var engine = new CoverageEngine(dataset);
        var f = engine.Footprints();
        Assert.That(engine.RangeSolutionCount, Is.EqualTo(2));
        Assert.That(f[0].MaxRangeKm, Is.EqualTo(f[1].MaxRangeKm));
        Assert.That(f[2].MaxRangeKm, Is.GreaterThan(f[0].MaxRangeKm), "a higher antenna reaches farther");
    }
}
