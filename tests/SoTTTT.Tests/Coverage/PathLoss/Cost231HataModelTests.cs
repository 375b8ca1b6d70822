using NUnit.Framework;
using SoTTTT.Core.Coverage.PathLoss;

namespace SoTTTT.Tests.Coverage.PathLoss;

public class Cost231HataModelTests
{
    private static readonly Cost231HataModel Model = new();

    // COST 231 final report (1999) §4.4.1, written out for 1800 MHz, d = 5 km, hb = 40 m, hm = 1.5 m, with
    // log10 1800 = 3.255273, log10 40 = 1.602060, log10 5 = 0.698970:
    //   a(hm) = (1.1·3.255273 − 0.7)·1.5 − (1.56·3.255273 − 0.8)                          = 0.042975
    //   L = 46.3 + 33.9·3.255273 − 13.82·1.602060 − a(hm) + (44.9 − 6.55·1.602060)·0.698970 + C_M
    //     = 46.3 + 110.353738 − 22.140469 − 0.042975 + 24.049116 + C_M                      = 158.519410 + C_M
    private const double Medium1800MHz5KmDb = 46.3 + 110.353738 - 22.140469 - 0.042975 + 24.049116;

    [TestCase("urban", 0.0, TestName = "LossDb_Urban1800MHz_MediumCityCm0")]
    [TestCase("suburban", 0.0, TestName = "LossDb_Suburban1800MHz_SameAsMediumCityCm0")]
    [TestCase("urban-large", 3.0, TestName = "LossDb_Metropolitan1800MHz_Cm3dB")]
    public void LossDb_1800MHz5Km_MatchesCost231TermByTerm(string environment, double cmDb)
    {
        var result = Model.LossDb(new PathLossInput(1800, 5, 40, 1.5, environment));
        Assert.Multiple(() =>
        {
            Assert.That(result.LossDb, Is.EqualTo(Medium1800MHz5KmDb + cmDb).Within(0.01));
            Assert.That(result.Extrapolated, Is.False);
        });
    }

    [Test]
    public void LossDb_Ns3Reference2114MHz_150_64dBFlaggedAsExtrapolated()
    {
        // ns-3 okumura-hata test suite, "COST231 OH Urban small city and suburban": 2114 MHz, d = 2 km, hb = 30 m,
        // hm = 1 m → 150.64 dB (two decimals, so compared to 0.005 dB). 2114 MHz lies above COST-231's 2000 MHz.
        var result = Model.LossDb(new PathLossInput(2114, 2, 30, 1, "urban"));
        Assert.Multiple(() =>
        {
            Assert.That(result.LossDb, Is.EqualTo(150.64).Within(0.005));
            Assert.That(result.OutOfRange.Select(o => o.Parameter), Is.EqualTo(new[] { "freq_mhz" }));
        });
    }

    [Test]
    public void Environments_NoOpenArea()
    {
        Assert.That(Model.Environments, Is.EqualTo(new[] { "urban-large", "urban", "suburban" }));
    }
}
