using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.IO.Layers;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

public class CoverageLayersTests
{
    // The attribute contract of maps/layers.json (maps/README.md, "Declared, provider still to come").
    private static readonly string[] AreaFields = ["tech", "operator", "threshold_dbm", "area_km2"];
    private static readonly string[] SettlementFields = ["id", "name", "commune_code", "population", "tech", "operator", "covered", "best_level_dbm"];
    private static readonly string[] GapFields = ["id", "tech", "settlements", "population", "area_km2", "commune_code"];
    private static readonly string[] UncoveredFields = ["id", "name", "commune_code", "population", "tech", "gap_id"];

    [Test]
    public void Layers_WeakSite_ContractFieldsAndValues()
    {
        // One weak Viettel 4G site in rural C1 covers S_near; S_far (pop 300) lies in C2's 4G gap, which sorts before
        // C1's (no people, 50 km² less the site's disc); gaps split at commune boundaries.
        var dataset = new CoverageProvince()
            .Bts("B1", "Viettel", Technology.G4, 602550, 2305050, bandMHz: 1800, heightM: 30, eirpDbm: 25)
            .Settlement("S_near", 602550, 2305050, population: 500)
            .Settlement("S_far", 608000, 2308000, population: 300)
            .Build();
        var result = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Commune, Technology.G4));

        var area = CoverageLayers.AreaTable(dataset, result);
        var points = CoverageLayers.SettlementsTable(dataset, result);
        var gaps = CoverageLayers.GapsTable(dataset, result);
        var uncovered = CoverageLayers.UncoveredTable(dataset, result);

        Assert.Multiple(() =>
        {
            Assert.That(area.Fields.Select(f => f.Name), Is.EqualTo(AreaFields));
            Assert.That(points.Fields.Select(f => f.Name), Is.EqualTo(SettlementFields));
            Assert.That(gaps.Fields.Select(f => f.Name), Is.EqualTo(GapFields));
            Assert.That(uncovered.Fields.Select(f => f.Name), Is.EqualTo(UncoveredFields));
            Assert.That(area.Rows.Select(r => r.Values[1]), Is.EqualTo(new object?[] { "Viettel", null }), "the operator layer, then any operator");
            Assert.That(points.Rows.Select(r => (r.Values[0], r.Values[2], r.Values[5], r.Values[6])), Is.EqualTo(new[]
            {
                ((object?)"S_near", (object?)"C1", (object?)"Viettel", (object?)true),
                ("S_far", "C2", null, false),
            }));
            Assert.That(gaps.Rows.Select(g => (g.Values[2], g.Values[3], g.Values[5])), Is.EqualTo(new (object?, object?, object?)[] { (1L, 300L, "C2"), (0L, 0L, "C1") }));
            Assert.That(uncovered.Rows.Single().Values[0], Is.EqualTo("S_far"));
            Assert.That(uncovered.Rows.Single().Values[5], Is.EqualTo(gaps.Rows[0].Values[0]));
        });
    }
}
