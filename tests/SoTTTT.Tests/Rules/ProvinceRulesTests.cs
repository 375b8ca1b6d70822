using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.Tests.Rules;

/// <summary>The default spacing table is DOMAIN.md's (Quảng Nam plan 2017–2020), with A2b non-urban 500 m.</summary>
public class ProvinceRulesTests
{
    private static readonly ProvinceRules Rules = ProvinceRules.Default;

    [TestCase("A2a", 12.0, true, ExpectedResult = 150.0)]
    [TestCase("A2a", 15.0, false, ExpectedResult = 200.0, Description = "15 m is in the ≤ 15 m band")]
    [TestCase("A2a", 15.1, true, ExpectedResult = 200.0)]
    [TestCase("A2a", 30.0, false, ExpectedResult = 350.0)]
    [TestCase("A2a", null, false, ExpectedResult = 350.0, Description = "unknown height: the stricter band")]
    [TestCase("A2b", 45.0, true, ExpectedResult = 300.0)]
    [TestCase("A2b", 45.0, false, ExpectedResult = 500.0)]
    [TestCase("A1a", 20.0, false, ExpectedResult = null, Description = "non-bulky: no spacing row")]
    [TestCase("A2c", 20.0, false, ExpectedResult = null, Description = "no default row")]
    public double? MinSpacingM_DefaultTable(string cls, double? height, bool urban) => Rules.MinSpacingM(cls, height, urban);

    [Test]
    public void RequiredSpacingM_LargerOfTheTwo_NoneWhenOneHasNoRow()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rules.RequiredSpacingM("A2a", 12, "A2b", 40, urban: true), Is.EqualTo(300));
            Assert.That(Rules.RequiredSpacingM("A2a", 12, "A1b", 20, urban: true), Is.Null);
            Assert.That(Rules.MaxSpacingM, Is.EqualTo(500));
        });
    }

    [Test]
    public void Defaults_ClassesAndDistances()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rules.TowerClasses.Select(c => (c.Name, c.Bulky, c.MaxTenants)), Is.EqualTo(new (string, bool, int?)[]
            {
                ("A1", false, 2), ("A1a", false, 2), ("A1b", false, 2), ("A2", true, 3), ("A2a", true, 3), ("A2b", true, 4), ("A2c", true, 4),
            }));
            Assert.That(Codes.DefaultTowerClasses, Is.EqualTo(Rules.TowerClasses.Select(c => c.Name)));
            Assert.That((Rules.CoLocationM, Rules.MustShareM, Rules.PlanToleranceM), Is.EqualTo((20.0, new DistancePair(100, 400), (DistancePair?)new DistancePair(100, 400))));
            Assert.That((Rules.DuctCorridorM, Rules.DuctMinLengthM), Is.EqualTo((15.0, 200.0)));
        });
    }

    [Test]
    public void MaxTenants_TowerFigureWinsOverClass()
    {
        var at = Support.TestNetwork.At(600000, 2300000);
        Assert.Multiple(() =>
        {
            Assert.That(Rules.MaxTenants(new Tower("T", at, null, "A2b", 40, TowerStatus.Existing, 2)), Is.EqualTo(2));
            Assert.That(Rules.MaxTenants(new Tower("T", at, null, "A2b", 40, TowerStatus.Existing, null)), Is.EqualTo(4));
            Assert.That(Rules.MaxTenants(new Tower("T", at, null, null, 40, TowerStatus.Existing, null)), Is.Null);
        });
    }
}
