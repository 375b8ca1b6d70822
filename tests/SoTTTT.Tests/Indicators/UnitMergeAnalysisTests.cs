using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Indicators;

public class UnitMergeAnalysisTests
{
    [Test]
    public void Run_Reform2025_ThreeCommunesMergedHalfInsideNot()
    {
        using var older = Reform2025.Older();
        using var newer = Reform2025.Newer();

        var merges = UnitMergeAnalysis.Run(Load(older), Load(newer), AdminLevel.Commune);

        Assert.That(merges.Select(m => (m.OldCode, m.NewCode, Math.Round(m.SharePct, 1))), Is.EqualTo(new[] { ("A1", "N01", 100.0), ("A2", "N01", 100.0), ("A3", "N01", 100.0) }));
    }

    // Old commune X is the box x 0..1000 m; the new commune Y starts at x = westM and runs to 5000 m.
    //   X: |----------|            share inside Y = (1000 − westM) / 1000
    //   Y:   |-------------------…
    [TestCase(80, true, TestName = "Run_92PctInside_Merged")]
    [TestCase(100, true, TestName = "Run_90PctInside_Merged")]
    [TestCase(150, false, TestName = "Run_85PctInside_NotMerged")]
    public void Run_ShareInside_MergedFromNinetyPct(int westM, bool merged)
    {
        using var older = Province("X", 0, 1000);
        using var newer = Province("Y", westM, 5000);

        var merges = UnitMergeAnalysis.Run(Load(older), Load(newer), AdminLevel.Commune);

        Assert.That(merges.Select(m => m.OldCode), merged ? Is.EqualTo(new[] { "X" }) : Is.Empty);
    }

    [Test]
    public void Run_SameCodeInBoth_NeverAMerge()
    {
        using var older = Province("X", 0, 1000);
        using var newer = Province("X", 0, 5000);

        Assert.That(UnitMergeAnalysis.Run(Load(older), Load(newer), AdminLevel.Commune), Is.Empty);
    }

    [Test]
    public void RemovedLevels_Reform2025_DistrictWithTwoOldUnits()
    {
        using var older = Reform2025.Older();
        using var newer = Reform2025.Newer();

        Assert.That(UnitMergeAnalysis.RemovedLevels(Load(older), Load(newer)), Is.EqualTo(new[] { (AdminLevel.District, 2) }));
    }

    private static TempDataset Province(string commune, int westM, int eastM)
    {
        var ds = new TempDataset("Tỉnh Thử", "VN2000:105.5");
        ds.File("admin_units.csv", $"""
            code,name,level,parent_code,wkt
            P,Tỉnh Thử,province,,"POLYGON((580000 2316000, 586000 2316000, 586000 2317000, 580000 2317000, 580000 2316000))"
            {commune},Xã {commune},commune,P,"POLYGON(({580000 + westM} 2316000, {580000 + eastM} 2316000, {580000 + eastM} 2317000, {580000 + westM} 2317000, {580000 + westM} 2316000))"
            """);
        return ds;
    }

    private static Dataset Load(TempDataset ds)
    {
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Dataset, Is.Not.Null, () => string.Join("\n", result.Problems));
        return result.Dataset!;
    }
}
