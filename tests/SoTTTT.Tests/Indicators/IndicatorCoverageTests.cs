using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Indicators;

public class IndicatorCoverageTests
{
    [Test]
    public void Indicators_CoverageColumns_FromSettlementCoverage()
    {
        // CoverageProvince: one urban 2G site at 900 MHz, 30 m, 40 dBm; by hand (Okumura–Hata with the 3 dB body loss, see
        // CoverageAnalysisTests) its range is 1.442 km, so S1 at 1.2 km is covered and S2 at 2 km is not: 50 % of villages
        // for 2G; no 4G BTS at all, so 4G is no data (empty), not 0 %.
        var dataset = OneSiteTwoVillages();

        var row = IndicatorsAnalysis.Run(dataset, AdminLevel.Province).Rows.Single();

        Assert.Multiple(() =>
        {
            Assert.That(row.SettlementsCoveredPctByTech[Technology.G2], Is.EqualTo(50));
            Assert.That(row.SettlementsCoveredPctByTech.ContainsKey(Technology.G4), Is.False);
        });
    }

    [Test]
    public void Indicators_SeveralLevelsAndAChangedCopy_EachDatasetItsOwnCoverage()
    {
        // The covered flags are kept per dataset (the report runs every level of one dataset): a second level reuses them,
        // and a copy with another BTS list (a new dataset, as `with` makes) gets its own. Same site as above: S1 covered, S2 not.
        var dataset = OneSiteTwoVillages();
        var nearer = dataset with { Bts = [dataset.Bts[0] with { Location = dataset.Settlements[1].Location }] };

        var first = IndicatorsAnalysis.Run(dataset, AdminLevel.Province).Rows.Single();
        var moved = IndicatorsAnalysis.Run(nearer, AdminLevel.Province).Rows.Single();
        var again = IndicatorsAnalysis.Run(dataset, AdminLevel.Province).Rows.Single();

        Assert.Multiple(() =>
        {
            Assert.That(first.SettlementsCoveredPctByTech[Technology.G2], Is.EqualTo(50));
            Assert.That(moved.SettlementsCoveredPctByTech[Technology.G2], Is.EqualTo(100), "the BTS moved to S2 (0.8 km from S1, range 1.442 km) covers both");
            Assert.That(again.SettlementsCoveredPctByTech[Technology.G2], Is.EqualTo(50));
        });
    }

    /// <summary>One urban 2G site (900 MHz, 30 m, 40 dBm) with S1 1.2 km north of it and S2 2 km north.</summary>
    private static Dataset OneSiteTwoVillages() => new CoverageProvince()
        .Bts("B1", "Viettel", Technology.G2, 607000, 2305000, bandMHz: 900, heightM: 30, eirpDbm: 40)
        .Settlement("S1", 607000, 2306200)
        .Settlement("S2", 607000, 2307000)
        .Build();

    [Test]
    public void Indicators_Json_HasCoverageKeys()
    {
        using var ds = SmallProvince.Create();
        var (exit, output, error) = CliRunner.Run("indicators", ds.Folder, "--format", "json");
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var unit = doc.RootElement.GetProperty("units")[0];
        foreach (var key in new[] { "settlements_covered_pct_2g", "settlements_covered_pct_3g", "settlements_covered_pct_4g", "settlements_covered_pct_5g" })
        {
            var value = unit.GetProperty(key);
            Assert.That(value.ValueKind == JsonValueKind.Null || value.GetDouble() is >= 0 and <= 100, Is.True, $"{key}: {value}");
        }
    }
}
