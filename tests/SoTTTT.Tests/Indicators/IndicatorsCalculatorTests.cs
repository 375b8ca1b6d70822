using NUnit.Framework;
using SoTTTT.Core.Indicators;

namespace SoTTTT.Tests.Indicators;

public class IndicatorsCalculatorTests
{
    // National postal series, Ministry of Information and Communications (DOMAIN.md), S = 330,972 km².
    [TestCase(18_502, 2.39, TestName = "ServiceRadiusKm_NationalDec2008_2_39km")]
    [TestCase(17_976, 2.42, TestName = "ServiceRadiusKm_National2009_2_42km")]
    [TestCase(14_911, 2.66, TestName = "ServiceRadiusKm_NationalJune2012_2_66km")]
    public void ServiceRadiusKm_NationalSeries_MatchesPublished(int points, double publishedKm)
    {
        Assert.That(IndicatorsCalculator.ServiceRadiusKm(330_972, points), Is.EqualTo(publishedKm).Within(0.005));
    }

    [Test]
    public void ServiceRadiusKm_HaiDuong294Points_1_34km()
    {
        // Hải Dương department report (PRODUCT.md): 1,668.2 km², 294 service points, 1.34 km.
        Assert.That(IndicatorsCalculator.ServiceRadiusKm(1_668.2, 294), Is.EqualTo(1.34).Within(0.005));
    }

    [Test]
    public void ServiceRadiusKm_NoPointOrNoArea_Null()
    {
        Assert.Multiple(() =>
        {
            Assert.That(IndicatorsCalculator.ServiceRadiusKm(100, 0), Is.Null);
            Assert.That(IndicatorsCalculator.ServiceRadiusKm(null, 3), Is.Null);
            Assert.That(IndicatorsCalculator.PeoplePerPoint(1000, 0), Is.Null);
        });
    }

    [Test]
    public void PeoplePerPoint_NationalDec2008_4659()
    {
        // 2008: 18,502 points and 4,659 people per point imply ≈ 86.2 M people, the GSO's 2008 figure
        // (86.21 M); the formula must give back the published ratio from that population.
        Assert.That(IndicatorsCalculator.PeoplePerPoint(86_210_000, 18_502), Is.EqualTo(4_659).Within(1));
    }
}
