using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

public class CoverageGainEstimatorTests
{
    // Existing Viettel 2G site B1 (urban, 900 MHz, 30 m, 40 dBm): range 1.442 km by hand (Okumura–Hata with the 3 dB body
    // loss, see CoverageAnalysisTests), so it covers S1 (1.2 km north) but not S2 (2 km north). The new site stands at S2
    // with the 2G defaults (900 MHz, 58 dBm) on a 30 m tower: it reaches S1 (0.8 km) and S2, and S3 7.2 km away lies beyond
    // (allowed 150 dB → 4.68 km on the Hata urban line).
    private static CoverageGainEstimator Estimator() => new(new CoverageProvince()
        .Bts("B1", "Viettel", Technology.G2, 607000, 2305000, bandMHz: 900, heightM: 30, eirpDbm: 40)
        .Settlement("S1", 607000, 2306200, population: 1000)
        .Settlement("S2", 607000, 2307000, population: 300)
        .Settlement("S3", 601000, 2302000, population: 50)
        .Build());

    private static TowerApplication At(string op, Technology? tech) =>
        new("HS1", op, TestNetwork.At(607000, 2307000), "A2b", 30, tech, null, null);

    [Test]
    public void Estimate_SameOperator_OnlySettlementsNotYetCovered()
    {
        var gain = Estimator().Estimate(At("Viettel", Technology.G2))!;
        Assert.Multiple(() =>
        {
            Assert.That(gain.SettlementIds, Is.EqualTo(new[] { "S2" }));
            Assert.That(gain.Population, Is.EqualTo(300));
        });
    }

    [Test]
    public void Estimate_OtherOperator_EverySettlementInRange()
    {
        var gain = Estimator().Estimate(At("MobiFone", Technology.G2))!;
        Assert.That((gain.Settlements, gain.Population), Is.EqualTo((2, 1300L)));
    }

    [Test]
    public void Estimate_NoTechnology_Null() => Assert.That(Estimator().Estimate(At("Viettel", null)), Is.Null);
}
