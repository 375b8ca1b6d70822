using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.Core.Validation;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Indicators;

/// <summary>Issue 11, "assignment that adds up", on <see cref="MekongProvince"/> (the figures are counted by hand from its sketch).</summary>
public class AssignmentTests
{
    private static LoadResult Load(TempDataset ds)
    {
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        return result;
    }

    [Test]
    public void Run_MekongProvince_PlaceholdersAndOffshoreSitesCountNowhere()
    {
        using var ds = MekongProvince.Create();
        var table = IndicatorsAnalysis.Run(Load(ds).Dataset!, AdminLevel.Province);
        var p = table.Rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(p.Bts, Is.EqualTo(9), "B01–B07, B13, B14 lie in the province polygon");
            Assert.That(table.Unassigned["bts"], Is.EqualTo(5));
            Assert.That(
                table.UnassignedItems.Where(u => u.Layer == "bts").Select(u => (u.Id, Math.Round(u.LonDeg, 6), Math.Round(u.LatDeg, 6), u.UnitCode)),
                Is.EqualTo(new[] { ("B08", 105.0, 9.0, (string?)null), ("B09", 106.6, 9.7, null), ("B10", 105.0, 9.0, null), ("B11", 105.0, 9.0, null), ("B12", 105.0, 9.0, null) }));
        });
    }

    [Test]
    public void Run_MekongProvince_EveryLevelAddsUp()
    {
        using var ds = MekongProvince.Create();
        var dataset = Load(ds).Dataset!;
        var tables = new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune }.ToDictionary(l => l, l => IndicatorsAnalysis.Run(dataset, l));
        Assert.Multiple(() =>
        {
            foreach (var (level, table) in tables)
            {
                Assert.That(table.Rows.Sum(r => r.Bts) + table.Unassigned.GetValueOrDefault("bts"), Is.EqualTo(dataset.Bts.Count), $"{level}: Σ rows + unassigned = all BTS");
            }

            // Parent = Σ children + the unassigned items the parent holds, at every level.
            foreach (var (parentLevel, childLevel) in new[] { (AdminLevel.Province, AdminLevel.District), (AdminLevel.District, AdminLevel.Commune) })
            {
                foreach (var parent in tables[parentLevel].Rows)
                {
                    var children = tables[childLevel].Rows.Where(r => r.ParentCode == parent.Code).Sum(r => r.Bts);
                    var held = tables[childLevel].UnassignedItems.Count(u => u.Layer == "bts" && u.UnitCode == parent.Code);
                    Assert.That(children + held, Is.EqualTo(parent.Bts), $"{parent.Code}");
                    var positions = tables[childLevel].Rows.Where(r => r.ParentCode == parent.Code).Sum(r => r.TowerPositions);
                    Assert.That(positions, Is.LessThanOrEqualTo(parent.TowerPositions), $"{parent.Code} positions");
                }
            }

            var communes = tables[AdminLevel.Commune];
            Assert.That(communes.Rows.Select(r => (r.Code, r.Bts)), Is.EqualTo(new[] { ("840101", 1), ("840102", 3), ("840201", 2), ("840202", 2) }));
            Assert.That(communes.UnassignedItems.Where(u => u.Layer == "bts").Select(u => (u.Id, u.UnitCode)), Is.EqualTo(new[]
            {
                ("B07", (string?)"8402"), ("B08", null), ("B09", null), ("B10", null), ("B11", null), ("B12", null),
            }));
            Assert.That(tables[AdminLevel.District].Rows.Select(r => (r.Code, r.Bts)), Is.EqualTo(new[] { ("8401", 4), ("8402", 5) }));
        });
    }

    [Test]
    public void Run_SiteBetweenCommuneAndProvinceCoastlines_NearestCommuneWithinTolerance()
    {
        using var ds = MekongProvince.Create();
        var table = IndicatorsAnalysis.Run(Load(ds).Dataset!, AdminLevel.Commune);
        var nearest = table.NearestUnitItems.Where(n => n.Layer == "bts").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(nearest.Select(n => (n.Id, n.UnitCode)), Is.EqualTo(new[] { ("B05", "840102"), ("B06", "840202") }));

            // B05 is 0.00005° east of 840102's edge, B06 0.002° east of 840202's (1° of longitude ≈ 109.7 km at 9.9°N).
            Assert.That(nearest[0].DistanceM, Is.EqualTo(5.5).Within(0.5));
            Assert.That(nearest[1].DistanceM, Is.EqualTo(219).Within(3));
            Assert.That(table.NearestUnitM, Is.EqualTo(500));
        });
    }

    [TestCase("100", new[] { "B05" })]
    [TestCase("0", new string[0])]
    [TestCase("250", new[] { "B05", "B06" })]
    public void Run_NearestUnitFromRules_SetsTheTolerance(string nearestUnitM, string[] nearestBts)
    {
        // rules.json nearest_unit_m replaces the 500 m default: B05 lies 5.5 m, B06 219 m beyond their communes' edges.
        using var ds = MekongProvince.Create();
        ds.File("rules.json", $"{{\"nearest_unit_m\": {nearestUnitM}}}");
        var table = IndicatorsAnalysis.Run(Load(ds).Dataset!, AdminLevel.Commune);
        Assert.Multiple(() =>
        {
            Assert.That(table.NearestUnitM, Is.EqualTo(double.Parse(nearestUnitM, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(table.NearestUnitItems.Where(n => n.Layer == "bts").Select(n => n.Id), Is.EqualTo(nearestBts));
        });
    }

    [TestCase("-1", "non-negative")]
    [TestCase("200000", "above the plausible")]
    public void Load_NearestUnitOutOfRange_IsAProblem(string nearestUnitM, string message)
    {
        using var ds = MekongProvince.Create();
        ds.File("rules.json", $"{{\"nearest_unit_m\": {nearestUnitM}}}");
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems.Select(p => p.ToString()), Has.Some.Contains("nearest_unit_m").And.Contains(message));
    }

    [Test]
    public void Run_TowersWithoutBts_CountAsPositions()
    {
        using var ds = MekongProvince.Create();
        var dataset = Load(ds).Dataset!;
        var communes = IndicatorsAnalysis.Run(dataset, AdminLevel.Commune);
        var province = IndicatorsAnalysis.Run(dataset, AdminLevel.Province).Rows.Single();
        Assert.Multiple(() =>
        {
            // T1 (B01 on it), T2 (no BTS), T3 (no BTS, in the strip), and inferred ~B02 (B02 + B14), ~B03, ~B04, ~B05, ~B06, ~B07, ~B13.
            Assert.That(province.TowerPositions, Is.EqualTo(10));
            Assert.That(communes.Rows.Single(r => r.Code == "840102").TowerPositions, Is.EqualTo(3), "T2, ~B02, ~B05");
            Assert.That(communes.UnassignedItems.Where(u => u.Layer == "towers").Select(u => (u.Id, u.UnitCode)), Is.EqualTo(new[] { ("T3", (string?)"8402") }));
        });
    }

    [Test]
    public void Load_MekongProvince_DataQualityWarningsOncePerKind()
    {
        using var ds = MekongProvince.Create();
        var notices = Load(ds).Notices;
        Assert.Multiple(() =>
        {
            Assert.That(notices.Select(n => (n.Code, n.File, n.FeatureId)), Is.EquivalentTo(new[]
            {
                (ProblemCodes.StackedPositions, "bts.csv", (string?)null),
                (ProblemCodes.NearDuplicatePositions, "bts.csv", null),
                (ProblemCodes.RoundDegreePositions, "bts.csv", null),
                (ProblemCodes.LowPrecisionCoordinates, "bts.csv", null),
                (ProblemCodes.ChildrenAreaMismatch, "admin_units.csv", "8402"),
            }));
            Assert.That(notices.Single(n => n.Code == ProblemCodes.StackedPositions).Message, Does.StartWith("4 points stand on 1 coordinate(s)").And.Contain("(105, 9) ×4: rows 9, 11, 12, 13"));
            Assert.That(notices.Single(n => n.Code == ProblemCodes.NearDuplicatePositions).Message, Does.Contain("row 3 (id B02) and row 15 (id B14)"));
            Assert.That(notices.Single(n => n.Code == ProblemCodes.RoundDegreePositions).Message, Does.StartWith("4 point(s)"));
            Assert.That(notices.Single(n => n.Code == ProblemCodes.LowPrecisionCoordinates).Message, Does.StartWith("1 point(s)").And.Contain("row 14 (id B13) at (106.34, 9.95)"));
            Assert.That(notices.Single(n => n.Code == ProblemCodes.ChildrenAreaMismatch).Message, Does.Contain("-10 %"));
        });
    }

    [Test]
    public void Load_MekongProvince_AnalysedInTheProvincesOwnZone()
    {
        using var ds = MekongProvince.Create();
        var crs = Load(ds).Dataset!.Crs;
        Assert.That((crs.CentralMeridianDeg, crs.Epsg), Is.EqualTo(((double?)105.5, (int?)9209)), "Trà Vinh: 105°30' (Circular 973/2001), EPSG:9209 whose area of use lists it");
    }

    [Test]
    public void Load_MekongSitesWithoutAdminUnits_ZoneOfTheDataCentresProvince()
    {
        using var ds = MekongProvince.Create();
        File.Delete(Path.Combine(ds.Folder, "admin_units.csv"));
        var crs = Load(ds).Dataset!.Crs;
        Assert.That(crs.CentralMeridianDeg, Is.EqualTo(105.5), "the median site lies in Trà Vinh: its zone, not the meridian nearest to 106.3° (106°15')");
    }
}
