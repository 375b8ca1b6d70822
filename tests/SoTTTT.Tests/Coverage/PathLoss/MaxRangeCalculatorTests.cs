using NUnit.Framework;
using SoTTTT.Core.Coverage.PathLoss;

namespace SoTTTT.Tests.Coverage.PathLoss;

public class MaxRangeCalculatorTests
{
    [TestCase("okumura-hata", 900, 40, 1.5, "urban", 58, -95)]
    [TestCase("okumura-hata", 900, 40, 1.5, "open", 58, -70)]
    [TestCase("cost231-hata", 1800, 30, 1.5, "urban-large", 60, -95)]
    [TestCase("cost231-hata", 1800, 30, 1.5, "suburban", 60, -95)]
    [TestCase("3gpp-rma", 700, 35, 1.5, "los", 60, -60)]
    [TestCase("3gpp-rma", 700, 35, 1.5, "nlos", 60, -70)]
    [TestCase("3gpp-uma", 3500, 25, 1.5, "los", 60, -65)]
    [TestCase("3gpp-uma", 3500, 25, 1.5, "nlos", 60, -95)]
    [TestCase("free-space", 2400, null, null, "", 20, -90)]
    public void Solve_WithinRange_LossAtMaxRangeEqualsBudget(string modelName, double f, double? hb, double? hm, string env, double eirpDbm, double thresholdDbm)
    {
        var model = PathLossModels.ByName(modelName)!;
        var result = MaxRangeCalculator.Solve(model, f, hb, hm, env, eirpDbm, thresholdDbm);
        Assert.That(result.Status, Is.EqualTo(MaxRangeStatus.WithinRange), $"allowed {result.AllowedLossDb} dB");
        var loss = model.LossDb(new PathLossInput(f, result.MaxRangeKm!.Value, hb, hm, env));
        Assert.Multiple(() =>
        {
            Assert.That(loss.LossDb, Is.EqualTo(eirpDbm - thresholdDbm).Within(0.01));
            Assert.That(loss.Extrapolated, Is.False);
            Assert.That(result.Extrapolated, Is.False);
        });
    }

    [Test]
    public void Solve_FreeSpace_MatchesClosedForm()
    {
        // Invert P.525: d = 10^((L − 32.45 − 20 log10 f) / 20) km; L = 20 − (−90) = 110 dB at 2400 MHz → 3.155 km.
        var expected = Math.Pow(10, (110 - 32.45 - (20 * Math.Log10(2400))) / 20);
        var result = MaxRangeCalculator.Solve(new FreeSpaceModel(), 2400, null, null, "", 20, -90);
        Assert.That(result.MaxRangeKm, Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void Solve_ReceiveGain_AddsToBudget()
    {
        var result = MaxRangeCalculator.Solve(new FreeSpaceModel(), 900, null, null, "", 40, -100, receiveGainDbi: 3);
        Assert.That(result.AllowedLossDb, Is.EqualTo(143));
    }

    [Test]
    public void Solve_BudgetExceedsLossAt20Km_BeyondRange()
    {
        var result = MaxRangeCalculator.Solve(new OkumuraHataModel(), 900, 60, 1.5, "open", 70, -120);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(MaxRangeStatus.BeyondRange));
            Assert.That(result.MaxRangeKm, Is.Null);
            Assert.That(result.DistanceRangeKm, Is.EqualTo(new ParameterRange(1, 20)));
        });
    }

    [Test]
    public void Solve_BudgetBelowLossAt1Km_BelowRange()
    {
        var result = MaxRangeCalculator.Solve(new OkumuraHataModel(), 900, 30, 1.5, "urban", 20, -80);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(MaxRangeStatus.BelowRange));
            Assert.That(result.MaxRangeKm, Is.Null);
        });
    }

    [Test]
    public void Solve_FrequencyOutsideModel_FlaggedExtrapolated()
    {
        var result = MaxRangeCalculator.Solve(new Cost231HataModel(), 2600, 30, 1.5, "urban", 60, -100);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(MaxRangeStatus.WithinRange));
            Assert.That(result.OutOfRange.Select(o => o.Parameter), Is.EqualTo(new[] { "freq_mhz" }));
        });
    }
}
