using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.Tests.Coverage;

public class LinkBudgetTests
{
    [TestCase(0.5, 0.0)]
    [TestCase(0.75, 0.6744897501960817)]
    [TestCase(0.9, 1.2815515655446004)]
    [TestCase(0.95, 1.6448536269514722)]
    [TestCase(0.975, 1.959963984540054)]
    [TestCase(0.1, -1.2815515655446004)]
    [TestCase(1e-10, -6.361340902404056)]
    public void NormalQuantile_PublishedPercentagePoints(double p, double z)
    {
        // Standard normal percentage points as tabulated (e.g. Abramowitz & Stegun Table 26.5; NIST/SEMATECH handbook 1.3.6.7.1).
        Assert.That(NormalQuantile.Of(p), Is.EqualTo(z).Within(1e-12));
    }

    [TestCase(1.4, 6)]
    [TestCase(5, 25)]
    [TestCase(10, 50)]
    [TestCase(20, 100)]
    public void ReferenceSignal_Lte_PerResourceElement(double bandwidthMHz, int prb)
    {
        // DOMAIN.md: RSRP ≈ EIRP_total − 10·log10(12·N_PRB); 20 MHz → 100 PRB → 1,200 RE → −30.8 dB; 10 MHz → −27.8 dB.
        var signal = ReferenceSignal.For(Technology.G4, bandwidthMHz, null, null);
        Assert.Multiple(() =>
        {
            Assert.That(signal.Name, Is.EqualTo("RSRP"));
            Assert.That(signal.ResourceBlocks, Is.EqualTo(prb));
            Assert.That(signal.OffsetDb, Is.EqualTo(-10 * Math.Log10(12.0 * prb)).Within(1e-12));
        });
    }

    [Test]
    public void ReferenceSignal_DomainFigures()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReferenceSignal.For(Technology.G4, 20, null, null).OffsetDb, Is.EqualTo(-30.8).Within(0.05), "DOMAIN.md: 20 MHz → −30.8 dB");
            Assert.That(ReferenceSignal.For(Technology.G4, 10, null, null).OffsetDb, Is.EqualTo(-27.8).Within(0.05), "DOMAIN.md: 10 MHz → −27.8 dB");
            Assert.That(ReferenceSignal.For(Technology.G3, null, null, 10).OffsetDb, Is.EqualTo(-10).Within(1e-12), "DOMAIN.md: CPICH ≈ 10 % → −10 dB");
            Assert.That(ReferenceSignal.For(Technology.G2, null, null, null).OffsetDb, Is.Zero, "DOMAIN.md: 2G BCCH at full carrier power");
            // TS 38.101-1 Table 5.3.2-1: 100 MHz at 30 kHz = 273 PRB.
            Assert.That(ReferenceSignal.For(Technology.G5, 100, 30, null).ResourceBlocks, Is.EqualTo(273));
            Assert.That(ReferenceSignal.For(Technology.G5, 100, 30, null).OffsetDb, Is.EqualTo(-10 * Math.Log10(12.0 * 273)).Within(1e-12));
        });
    }

    [Test]
    public void Default4GRural_BudgetAndRange_ByHand()
    {
        // Issue 9 "must show": the default 4G BTS (60 dBm total, 20 MHz, 1800 MHz, 30 m) in a rural place.
        // RSRP EIRP = 60 − 10·log10(1200) = 29.208 dBm; allowed loss = 29.208 − 3 (body loss, DOMAIN.md) + 110 = 136.208 dB.
        // 3GPP TR 38.901 RMa NLOS (h = 5 m, W = 20 m, hUT = 1.5 m), computed independently with the table's formula:
        // PL'(d3D) = 126.3125 dB at 1 km, slope 43.42 − 3.1·log10 30 = 38.841 dB/decade → d ≈ 1.7984 km
        // (bisection in a separate script on the exact formula: 1.798437 km).
        var summary = BudgetSummary.For(CoverageRules.Default, [Technology.G4]);
        var rural = summary.Single(s => s.Environment == CoverageEnvironment.Rural);
        Assert.Multiple(() =>
        {
            Assert.That(rural.Budget.ReferenceEirpDbm, Is.EqualTo(29.2082).Within(1e-4));
            Assert.That(rural.Budget.MaxPathLossDb, Is.EqualTo(136.2082).Within(1e-4));
            Assert.That(rural.Model, Is.EqualTo("3gpp-rma"));
            Assert.That(rural.RangeKm, Is.EqualTo(1.798437).Within(1e-5));
            Assert.That(summary.Select(s => s.RangeKm), Is.Ordered.Descending, "rural ≥ suburban ≥ urban");
        });
    }

    [Test]
    public void ShadowingMargin_CellEdge90Pct_Is1282SigmaOfTheEnvironment()
    {
        // DOMAIN.md: cell-edge probability 90 % → 1.28 σ; σ rural 6 dB, urban 8 dB by default. Indoor loss by environment.
        var rules = CoverageRules.Default with { CellEdgeProbabilityPct = 90, Place = ReceiverPlace.Indoor };
        var rural = LinkBudget.For(Technology.G4, 60, null, rules, CoverageEnvironment.Rural);
        var urban = LinkBudget.For(Technology.G4, 60, null, rules, CoverageEnvironment.Urban);
        Assert.Multiple(() =>
        {
            Assert.That(rural.ShadowMarginDb, Is.EqualTo(1.2815515655446004 * 6).Within(1e-9));
            Assert.That(urban.ShadowMarginDb, Is.EqualTo(1.2815515655446004 * 8).Within(1e-9));
            Assert.That(rural.PenetrationLossDb, Is.EqualTo(12));
            Assert.That(urban.PenetrationLossDb, Is.EqualTo(18));
            Assert.That(urban.MaxPathLossDb, Is.EqualTo(60 - (10 * Math.Log10(1200)) - 3 - 18 - (1.2815515655446004 * 8) + 110).Within(1e-9));
            Assert.That(rural.LevelDbm(100, 0), Is.EqualTo(60 - (10 * Math.Log10(1200)) - 100 - 3 - 12 - (1.2815515655446004 * 6)).Within(1e-9));
        });
    }
}
