using NUnit.Framework;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Validation;
using SoTTTT.IO;
using SoTTTT.IO.Loading;
using SoTTTT.IO.Writing;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

public class RulesReaderTests
{
    private static (ProvinceRules Rules, List<(string? Column, string Code)> Problems) Parse(string json)
    {
        var problems = new ProblemCollector();
        var rules = RulesReader.Parse(json, "rules.json", problems);
        return (rules, problems.Sorted().Select(p => (p.Column, p.Code)).ToList());
    }

    [Test]
    public void Parse_EmptyObject_Defaults()
    {
        var (rules, problems) = Parse("{}");
        Assert.That(problems, Is.Empty);
        Assert.That(RulesWriter.ToJson(rules), Is.EqualTo(RulesWriter.ToJson(ProvinceRules.Default)));
    }

    [Test]
    public void Parse_EveryKey_Read()
    {
        var (rules, problems) = Parse("""
            {
              // a province's own plan
              "tower_classes": ["A1a", {"name": "A2a", "max_tenants": 2}, {"name": "A2b", "bulky": true, "max_tenants": 5}, "C1"],
              "co_location_m": 25,
              "must_share_m": {"urban": 100, "non_urban": 500},
              "min_spacing_m": [{"class": "a2b", "up_to_height_m": 40, "urban": 250, "non_urban": 450}],
              "plan_tolerance_m": 50,
              "shared_duct": {"corridor_m": 10, "min_length_m": 0},
              "indicators": {"fibre_reach_m": 300},
              "coverage": {"technologies": {"4G": {"threshold_dbm": -100}}}
            }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(rules.TowerClasses.Select(c => (c.Name, c.Bulky, c.MaxTenants)), Is.EqualTo(new (string, bool, int?)[]
            {
                ("A1a", false, 2), ("A2a", true, 2), ("A2b", true, 5), ("C1", true, null),
            }));
            Assert.That(rules.CoLocationM, Is.EqualTo(25));
            Assert.That(rules.MustShareM, Is.EqualTo(new DistancePair(100, 500)));
            Assert.That(rules.MinSpacing.Single(), Is.EqualTo(new SpacingRule("A2b", null, 40, new DistancePair(250, 450))));
            Assert.That(rules.PlanToleranceM, Is.EqualTo(new DistancePair(50, 50)));
            Assert.That((rules.DuctCorridorM, rules.DuctMinLengthM, rules.FibreReachM), Is.EqualTo((10.0, 0.0, 300.0)));
            Assert.That(rules.Coverage.G4.ThresholdDbm, Is.EqualTo(-100));
        });
    }

    [Test]
    public void Parse_PlanToleranceNull_Off() => Assert.That(Parse("{\"plan_tolerance_m\": null}").Rules.PlanToleranceM, Is.Null);

    [Test]
    public void Parse_ClassesWithoutA2a_DefaultSpacingRowsDropped()
    {
        var rules = Parse("{\"tower_classes\": [\"A1\", \"A2b\"]}").Rules;
        Assert.That(rules.MinSpacing.Select(r => r.Class), Is.EqualTo(new[] { "A2b" }));
    }

    [Test]
    public void Parse_BadValues_EveryProblemWithItsKey()
    {
        var (_, problems) = Parse("""
            {
              "tower_classes": [{"bulky": false}, {"name": "A2b", "max_tenants": 0}],
              "co_location_m": -1,
              "must_share_m": {"urban": 100, "rural": 400},
              "min_spacing_m": [{"class": "Z9", "urban": 100, "non_urban": 200}, {"class": "A2a", "above_height_m": 20, "up_to_height_m": 10, "urban": 1, "non_urban": 2}],
              "shared_duct": {"corridor_m": "wide"}
            }
            """);
        Assert.That(problems, Is.EquivalentTo(new (string?, string)[]
        {
            ("tower_classes[0]", ProblemCodes.InvalidJson),
            ("tower_classes[1].max_tenants", ProblemCodes.ValueOutOfRange),
            ("co_location_m", ProblemCodes.ValueOutOfRange),
            ("must_share_m.rural", ProblemCodes.UnknownValue),
            ("must_share_m", ProblemCodes.InvalidJson),
            ("min_spacing_m[0].class", ProblemCodes.UnknownTowerType),
            ("min_spacing_m[1]", ProblemCodes.ValueOutOfRange),
            ("shared_duct.corridor_m", ProblemCodes.ValueOutOfRange),
        }));
    }

    [Test]
    public void Writer_RoundTrip_SameRules()
    {
        var (rules, _) = Parse("{\"must_share_m\": {\"urban\": 80, \"non_urban\": 300}, \"plan_tolerance_m\": null, \"min_spacing_m\": [{\"class\": \"A2a\", \"above_height_m\": 15, \"urban\": 1, \"non_urban\": 2}]}");
        var json = RulesWriter.ToJson(rules);
        var (again, problems) = Parse(json);
        Assert.That(problems, Is.Empty);
        Assert.That(RulesWriter.ToJson(again), Is.EqualTo(json));
    }

    [Test]
    public void LoadRules_DatasetWithBadRules_Problems()
    {
        using var ds = new TempDataset();
        ds.File("rules.json", "{\"co_location_m\": 0}");
        var result = DatasetLoader.LoadRules(ds.Folder);
        Assert.That((result.Rules, result.Problems.Single().File, result.Problems.Single().Code), Is.EqualTo(((ProvinceRules?)null, "rules.json", ProblemCodes.ValueOutOfRange)));
    }
}
