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
        // CoverageProvince: one urban 2G site at 900 MHz, 30 m, 40 dBm; by hand (Okumura–Hata, see CoverageAnalysisTests)
        // its range is 1.754 km, so S1 at 1.5 km is covered and S2 at 2 km is not: 50 % of villages for 2G, 0 % for 4G.
        var dataset = new CoverageProvince()
            .Bts("B1", "Viettel", Technology.G2, 607000, 2305000, bandMHz: 900, heightM: 30, eirpDbm: 40)
            .Settlement("S1", 607000, 2306500)
            .Settlement("S2", 607000, 2307000)
            .Build();

        var row = IndicatorsAnalysis.Run(dataset, AdminLevel.Province).Rows.Single();

        Assert.Multiple(() =>
        {
            Assert.That(row.SettlementsCoveredPctByTech[Technology.G2], Is.EqualTo(50));
            Assert.That(row.SettlementsCoveredPctByTech[Technology.G4], Is.EqualTo(0));
        });
    }

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
            Assert.That(unit.GetProperty(key).GetDouble(), Is.InRange(0.0, 100.0), key);
        }
    }
}
