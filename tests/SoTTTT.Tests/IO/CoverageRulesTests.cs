using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.IO.Loading;
using SoTTTT.IO.Writing;

namespace SoTTTT.Tests.IO;

public class CoverageRulesTests
{
    [Test]
    public void Parse_CoverageSection_OverridesOnlyGivenKeys()
    {
        var problems = new ProblemCollector();
        var rules = RulesReader.Parse("""{"coverage": {"receiver_height_m": 2, "technologies": {"4G": {"threshold_dbm": -105, "band_mhz": 2600}}}}""", "rules.json", problems);
        Assert.Multiple(() =>
        {
            Assert.That(problems.Count, Is.Zero);
            Assert.That(rules.Coverage.ReceiverHeightM, Is.EqualTo(2));
            Assert.That(rules.Coverage.For(Technology.G4), Is.EqualTo(new TechnologyCoverage(-105, 2600, 60, 30)));
            Assert.That(rules.Coverage.For(Technology.G2), Is.EqualTo(CoverageRules.Default.G2));
            Assert.That(rules.Coverage.BeamwidthDeg, Is.EqualTo(65));
        });
    }

    [Test]
    public void Parse_DefaultThresholds_AsDocumented()
    {
        // DOMAIN.md "Radio coverage": −95 dBm for 2G/3G, −110 dBm RSRP for 4G/5G.
        var d = CoverageRules.Default;
        Assert.That(new[] { d.G2.ThresholdDbm, d.G3.ThresholdDbm, d.G4.ThresholdDbm, d.G5.ThresholdDbm }, Is.EqualTo(new[] { -95.0, -95, -110, -110 }));
    }

    [Test]
    public void Parse_BadCoverageValues_Problems()
    {
        var problems = new ProblemCollector();
        RulesReader.Parse("""{"coverage": {"beamwidth_deg": -5, "technologies": {"6G": {}, "2G": {"threshold_dbm": "low", "eirp": 40}}}}""", "rules.json", problems);
        Assert.That(problems.Sorted().Select(p => p.Column), Is.EquivalentTo(new[] { "coverage.beamwidth_deg", "coverage.technologies.6G", "coverage.technologies.2G.eirp", "coverage.technologies.2G.threshold_dbm" }));
    }

    [Test]
    public void Writer_RoundTrip_SameRules()
    {
        var rules = ProvinceRules.Default with { Coverage = CoverageRules.Default.With(Technology.G5, new TechnologyCoverage(-100, 3700, 65, 20)) with { MaxAttenuationDb = 30 } };
        var problems = new ProblemCollector();
        var back = RulesReader.Parse(RulesWriter.ToJson(rules), "rules.json", problems);
        Assert.Multiple(() =>
        {
            Assert.That(problems.Count, Is.Zero);
            Assert.That(back.Coverage, Is.EqualTo(rules.Coverage));
        });
    }
}
