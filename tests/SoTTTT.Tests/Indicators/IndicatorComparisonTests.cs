using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;

namespace SoTTTT.Tests.Indicators;

public class IndicatorComparisonTests
{
    [Test]
    public void Of_MergedIntoUnitKeepingItsCode_OldIsOwnRowPlusMergedOnes()
    {
        // X (5 BTS) absorbs Y (3 BTS) and keeps its code and name; 10 BTS afterwards: 8 → 10, +2, +25 %.
        var older = Table(Row("X", "Xã X", 5), Row("Y", "Xã Y", 3));
        var newer = Table(Row("X", "Xã X", 10));

        var comparison = IndicatorComparison.Of(older, "2020", newer, "2025", [new UnitMerge("Y", "Xã Y", "X", "Xã X", 100)]);

        var bts = comparison.Changes.Single(c => c.Code == "X" && c.Indicator == "bts");
        Assert.Multiple(() =>
        {
            Assert.That(comparison.Units.Select(u => (u.Code, u.Status, u.MergedInto)), Is.EqualTo(new[] { ("Y", "merged", (string?)"X") }));
            Assert.That((bts.Old, bts.New, bts.Change, bts.ChangePct), Is.EqualTo(((double?)8, (double?)10, (double?)2, (double?)25)));
            Assert.That(bts.OldFrom, Is.EqualTo(new[] { "X", "Y" }));
        });
    }

    [Test]
    public void Of_MergeIntoCodeMissingFromNewer_IgnoredAndReportedRemoved()
    {
        var older = Table(Row("X", "Xã X", 5), Row("Y", "Xã Y", 3));
        var newer = Table(Row("X", "Xã X", 10));

        var comparison = IndicatorComparison.Of(older, null, newer, null, [new UnitMerge("Y", "Xã Y", "Z", "Xã Z", 100)]);

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Units.Select(u => (u.Code, u.Status)), Is.EqualTo(new[] { ("Y", "removed") }));
            Assert.That(comparison.Changes.Single(c => c.Indicator == "bts").Old, Is.EqualTo(5));
        });
    }

    private static IndicatorTable Table(params IndicatorRow[] rows) =>
        new("Tỉnh Thử", AdminLevel.Commune, "VN2000:105.5", 500, rows, new Dictionary<string, int>());

    private static IndicatorRow Row(string code, string name, int bts) =>
        new(code, name, AdminLevel.Commune, "P", null, null, null, 0, new Dictionary<string, int>(), null, null, 0, null, null,
            bts, new Dictionary<string, int>(), new Dictionary<string, int>(), bts, bts > 0 ? 1.0 : null, 0, new Dictionary<string, double>(), new Dictionary<string, double>(),
            1, null, null);
}
