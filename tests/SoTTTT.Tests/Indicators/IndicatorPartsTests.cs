using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Writing;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Indicators;

/// <summary>
/// A table of chosen columns (<c>indicators --columns</c>) computes only the parts they need: every column of it must
/// read as in the whole table, on every unit of every level of the committed samples.
/// </summary>
public sealed class IndicatorPartsTests
{
    private static IEnumerable<TestCaseData> Samples() =>
    [
        new TestCaseData(DemoSample.Folder).SetName("ChosenColumns_ReadAsInTheWholeTable(sample-province)"),
        new TestCaseData(global::SoTTTT.Cli.Commands.DemoCommand.SampleFolder(global::SoTTTT.Cli.Commands.DemoCommand.MountainSample)).SetName("ChosenColumns_ReadAsInTheWholeTable(sample-mountain)"),
    ];

    [TestCaseSource(nameof(Samples))]
    public void ChosenColumns_ReadAsInTheWholeTable(string folder)
    {
        var dataset = DatasetLoader.Load(folder).Dataset!;
        var checkedColumns = 0;
        foreach (var level in new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune }.Where(l => dataset.AdminUnits.Any(u => u.Level == l)))
        {
            var whole = IndicatorsAnalysis.Run(dataset, level, targetRadiusKm: 2.0);
            var wholeColumns = IndicatorColumns.For(whole);
            var partial = new Dictionary<IndicatorParts, IndicatorTable>();
            foreach (var (name, cell) in wholeColumns)
            {
                var parts = IndicatorPartsOf.For(name);
                if (!partial.TryGetValue(parts, out var table))
                {
                    partial[parts] = table = IndicatorsAnalysis.Run(dataset, level, parts, targetRadiusKm: 2.0);
                    Assert.That(table.Parts & ~(IndicatorParts.Bts | IndicatorParts.Settlements), Is.EqualTo(parts & ~(IndicatorParts.Bts | IndicatorParts.Settlements)), "only the parts asked for (coverage brings BTS and settlements, postal access settlements)");
                }

                var chosen = IndicatorColumns.For(table with { Columns = [name] });
                Assert.That(chosen.Select(c => c.Name), Is.EqualTo(IndicatorColumns.Identity.Concat(IndicatorColumns.Identity.Contains(name) ? [] : [name])));
                var shown = chosen.Single(c => c.Name == name);
                Assert.That(table.Rows.Select(r => shown.Cell(r)), Is.EqualTo(whole.Rows.Select(r => cell(r))), $"{level} {name} (parts {parts})");
                checkedColumns++;
            }

            // The cheap parts alone leave the costly ones out: nothing of BTS, positions, fibre or coverage is computed.
            var cheap = partial.GetValueOrDefault(IndicatorParts.None) ?? IndicatorsAnalysis.Run(dataset, level, IndicatorParts.None);
            Assert.That(cheap.Rows.Sum(r => r.Bts + r.TowerPositions + r.FibreRoutes + r.Settlements + r.PostalPoints), Is.Zero);
            Assert.That(new[] { whole.Rows.Sum(r => r.Bts), whole.Rows.Sum(r => r.TowerPositions), whole.Rows.Sum(r => r.FibreRoutes) }, Is.All.GreaterThan(0));
        }

        Assert.That(checkedColumns, Is.GreaterThan(100));
    }

    [Test]
    public void APrefix_NeedsWhatAnyOfItsColumnsNeeds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(IndicatorPartsOf.For("postal_access_mean_km"), Is.EqualTo(IndicatorParts.PostalAccess | IndicatorParts.Settlements));
            Assert.That(IndicatorPartsOf.For("bts_viettel"), Is.EqualTo(IndicatorParts.Bts));
            Assert.That(IndicatorPartsOf.For("bts*"), Is.EqualTo(IndicatorParts.Bts | IndicatorParts.Positions));
            Assert.That(IndicatorPartsOf.For("settlements*"), Is.EqualTo(IndicatorParts.Settlements | IndicatorParts.FibreReach | IndicatorParts.Coverage | IndicatorParts.Bts));
            Assert.That(IndicatorPartsOf.For("*"), Is.EqualTo(IndicatorParts.All));
            Assert.That(IndicatorPartsOf.For("population"), Is.EqualTo(IndicatorParts.Settlements));
            Assert.That(IndicatorPartsOf.For("postal_points_kiosk"), Is.EqualTo(IndicatorParts.Postal));
            Assert.That(IndicatorPartsOf.For("area_km2"), Is.EqualTo(IndicatorParts.None));
        });
    }

    [Test]
    public void AColumnOfAPartLeftOut_IsNeverShown()
    {
        var dataset = DatasetLoader.Load(DemoSample.Folder).Dataset!;
        var table = IndicatorsAnalysis.Run(dataset, AdminLevel.District, IndicatorParts.PostalAccess) with { Columns = ["fibre_km"] };
        Assert.That(() => IndicatorColumns.For(table), Throws.InvalidOperationException.With.Message.Contains("fibre_km"));
    }
}
