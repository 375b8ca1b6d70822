using NUnit.Framework;
using SoTTTT.Core.Coverage.PathLoss;

namespace SoTTTT.Tests.Coverage.PathLoss;

public class FreeSpaceModelTests
{
    private static readonly FreeSpaceModel Model = new();

    // T. S. Rappaport, Wireless Communications: Principles and Practice, 2nd ed., Example 4.2: 50 W (47.0 dBm) into a
    // unity-gain antenna at 900 MHz, unity-gain receive antenna: Pr(100 m) = -24.5 dBm, Pr(10 km) = -64.5 dBm.
    // The book prints one decimal, so the comparison is to 0.05 dB.
    [TestCase(0.1, -24.5, TestName = "LossDb_Rappaport42At100m_ReceivedMinus24_5dBm")]
    [TestCase(10.0, -64.5, TestName = "LossDb_Rappaport42At10km_ReceivedMinus64_5dBm")]
    public void LossDb_RappaportExample4_2_ReceivedLevelMatches(double distanceKm, double publishedDbm)
    {
        var eirpDbm = 10 * Math.Log10(50 * 1000.0);
        var loss = Model.LossDb(new PathLossInput(900, distanceKm, null, null, "")).LossDb;
        Assert.That(eirpDbm - loss, Is.EqualTo(publishedDbm).Within(0.05));
    }

    [Test]
    public void LossDb_2400MHz1km_MatchesP525TermByTerm()
    {
        // ITU-R P.525 §2.1: L = 32.45 + 20 log10 f(MHz) + 20 log10 d(km) = 32.45 + 67.604 + 0 = 100.054 dB.
        var expected = 32.45 + (20 * 3.380211) + (20 * 0.0);
        var result = Model.LossDb(new PathLossInput(2400, 1, null, null, ""));
        Assert.Multiple(() =>
        {
            Assert.That(result.LossDb, Is.EqualTo(expected).Within(0.01));
            Assert.That(result.Extrapolated, Is.False);
        });
    }

    [TestCase(900, 0.1)]
    [TestCase(3500, 7.5)]
    [TestCase(28_000, 0.2)]
    public void LossDb_AnyLink_WithinThreeThousandthsOfExactFriis(double freqMHz, double distanceKm)
    {
        // Friis with the exact speed of light: L = 20 log10(4π d f / c); 32.45 exceeds 20 log10(4π·10⁹/c) by 0.0022 dB.
        var exact = 20 * Math.Log10(4 * Math.PI * distanceKm * 1000 * freqMHz * 1e6 / 299_792_458);
        Assert.That(Model.LossDb(new PathLossInput(freqMHz, distanceKm, null, null, "")).LossDb, Is.EqualTo(exact).Within(0.003));
    }
}
