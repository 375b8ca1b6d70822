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
            Assert.That(rules.Coverage.For(Technology.G4), Is.EqualTo(new TechnologyCoverage(-105, 2600, 60, 30) { BandwidthMHz = 20 }));
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
        var rules = ProvinceRules.Default with
        {
            Coverage = CoverageRules.Default.With(Technology.G5, new TechnologyCoverage(-100, 3700, 65, 20) { BandwidthMHz = 40, SubcarrierSpacingKHz = 15 }) with
            {
                MaxAttenuationDb = 30,
                Place = ReceiverPlace.InCar,
                BodyLossDb = 0,
                InCarLossDb = 6,
                IndoorLossDb = new EnvironmentValues(20, 14, 10),
                CellEdgeProbabilityPct = 90,
                ShadowingSigmaDb = new EnvironmentValues(10, 8, 7),
                MaxRangeKm = 20,
            },
        };
        var problems = new ProblemCollector();
        var back = RulesReader.Parse(RulesWriter.ToJson(rules), "rules.json", problems);
        Assert.Multiple(() =>
        {
            Assert.That(problems.Count, Is.Zero);
            Assert.That(back.Coverage, Is.EqualTo(rules.Coverage));
        });
    }

    [Test]
    public void Parse_LinkBudgetKeys_ReadWithEnvironmentsAndChannels()
    {
        var problems = new ProblemCollector();
        var rules = RulesReader.Parse(
            """
            {"coverage": {"place": "indoor", "body_loss_db": 0, "indoor_loss_db": {"urban": 20, "suburban": 15, "rural": 10},
              "cell_edge_probability_pct": 75, "shadowing_sigma_db": 7, "max_range_km": 15,
              "technologies": {"3G": {"pilot_share_pct": 15}, "4G": {"bandwidth_mhz": 10}, "5G": {"bandwidth_mhz": 50, "subcarrier_spacing_khz": 15}}}}
            """,
            "rules.json",
            problems);
        var c = rules.Coverage;
        Assert.Multiple(() =>
        {
            Assert.That(problems.Count, Is.Zero);
            Assert.That(c.Place, Is.EqualTo(ReceiverPlace.Indoor));
            Assert.That(c.BodyLossDb, Is.Zero);
            Assert.That(c.IndoorLossDb, Is.EqualTo(new EnvironmentValues(20, 15, 10)));
            Assert.That(c.CellEdgeProbabilityPct, Is.EqualTo(75));
            Assert.That(c.ShadowingSigmaDb, Is.EqualTo(EnvironmentValues.All(7)));
            Assert.That(c.MaxRangeKm, Is.EqualTo(15));
            Assert.That(c.G3.PilotSharePct, Is.EqualTo(15));
            Assert.That(c.G4.BandwidthMHz, Is.EqualTo(10));
            Assert.That((c.G5.BandwidthMHz, c.G5.SubcarrierSpacingKHz), Is.EqualTo(((double?)50, (double?)15)));
        });
    }

    [Test]
    public void Parse_BadLinkBudgetValues_EveryProblemNamed()
    {
        var problems = new ProblemCollector();
        RulesReader.Parse(
            """
            {"coverage": {"place": "rooftop", "cell_edge_probability_pct": 100, "shadowing_sigma_db": {"urban": 8}, "max_range_km": 0,
              "technologies": {"4G": {"bandwidth_mhz": 12, "threshold_dbm": 500}, "5G": {"bandwidth_mhz": 100, "subcarrier_spacing_khz": 15}, "2G": {"bandwidth_mhz": 5}}}}
            """,
            "rules.json",
            problems);
        Assert.That(problems.Sorted().Select(p => p.Column), Is.EquivalentTo(new[]
        {
            "coverage.place", "coverage.cell_edge_probability_pct", "coverage.shadowing_sigma_db.suburban", "coverage.shadowing_sigma_db.rural",
            "coverage.max_range_km", "coverage.technologies.4G.bandwidth_mhz", "coverage.technologies.4G.threshold_dbm",
            "coverage.technologies.5G.bandwidth_mhz", "coverage.technologies.2G.bandwidth_mhz",
        }));
    }
}
