using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.Core.Terrain;
using SoTTTT.IO.Terrain;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

/// <summary>
/// Coverage over a DEM (issue 9): ITM over each path's profile on top of the statistical model, the effective height of
/// hilltop sites, and the dataset's <c>dem</c>. DEMs are built in the analysis CRS (VN-2000 TM-3 105°30'), 30 m pixels,
/// over CoverageProvince (600000..610000 × 2300000..2310000, rural C1 west of x = 605000).
/// </summary>
public sealed class TerrainCoverageTests
{
    private const double Pixel = 30;

    /// <summary>A 12 km × 12 km DEM around the province, 100 m above sea level plus <paramref name="bump"/>(x, y).</summary>
    private static ElevationGrid Dem(Func<double, double, double> bump)
    {
        const double minX = 599000, maxY = 2311000;
        const int n = 400;
        var values = new float[n * n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                values[(r * n) + c] = (float)(100 + bump(minX + ((c + 0.5) * Pixel), maxY - ((r + 0.5) * Pixel)));
            }
        }

        return new ElevationGrid(new GridGeometry(TestNetwork.Crs, minX, maxY, Pixel, Pixel, n, n), values);
    }

    /// <summary>A north–south ridge 250 m high at x = 603000, 200 m wide at half height.</summary>
    private static double Ridge(double x, double y) => 250 * Math.Exp(-Math.Pow((x - 603000) / 120, 2));

    private static Dataset Province(ElevationGrid? dem) => new CoverageProvince()
        .Bts("B1", "Viettel", Technology.G4, 602000, 2305000, bandMHz: 1800, heightM: 30, eirpDbm: 60)
        .Settlement("FRONT", 601000, 2305000)
        .Settlement("BEHIND", 603500, 2305000)
        .Build() with
    { Dem = dem, DemSource = dem is null ? null : "dem.tif" };

    private static double Level(CoverageResult r, string id) => r.Settlements.Single(s => s.Settlement.Id == id).BestLevelDbm[0];

    [Test]
    public void OneRidge_SettlementBehindUncovered_InFrontCovered()
    {
        // The default rural 4G budget reaches 1.80 km on flat ground (LinkBudgetTests), so both villages — 1.0 km west
        // and 1.5 km east of the site — are covered without terrain. A 250 m ridge 1 km east, 0.5 km before BEHIND,
        // shadows it: knife-edge diffraction alone is ≈ 40 dB there (v ≈ 30), far beyond the 136.2 dB budget.
        var flat = CoverageAnalysis.Run(Province(null), new CoverageOptions(AdminLevel.Province) { Raster = false });
        var ridged = CoverageAnalysis.Run(Province(Dem(Ridge)), new CoverageOptions(AdminLevel.Province) { Raster = false });

        Assert.Multiple(() =>
        {
            Assert.That(flat.Uncovered, Is.Empty, "flat ground: both within 1.8 km");
            Assert.That(ridged.Uncovered.Select(u => u.Settlement.Id), Is.EqualTo(new[] { "BEHIND" }));
            Assert.That(Level(ridged, "FRONT"), Is.EqualTo(Level(flat, "FRONT")).Within(1e-9), "in front the statistical loss still decides");
            Assert.That(ridged.Uncovered.Single().BestLevelDbm, Is.LessThan(-130), "the ridge costs tens of dB");
            Assert.That(ridged.Terrain!.PathsWithoutData, Is.Zero);
            Assert.That(ridged.Terrain.Paths, Is.GreaterThan(0));
        });
    }

    [Test]
    public void FlatDem_SamePredictionAsWithoutDem()
    {
        // On flat ground ITM's loss (line of sight, two-ray regime) stays below the 3GPP NLOS loss, so the DEM changes
        // nothing: the statistical model holds the clutter, ITM the ridges.
        var flat = CoverageAnalysis.Run(Province(null), new CoverageOptions(AdminLevel.Province));
        var dem = CoverageAnalysis.Run(Province(Dem((_, _) => 0)), new CoverageOptions(AdminLevel.Province));
        Assert.Multiple(() =>
        {
            Assert.That(dem.Settlements.Select(s => s.BestLevelDbm[0]), Is.EqualTo(flat.Settlements.Select(s => s.BestLevelDbm[0])).Within(1e-9));
            Assert.That(dem.Rows.Select(r => r.AreaCoveredPct), Is.EqualTo(flat.Rows.Select(r => r.AreaCoveredPct)));
            Assert.That(dem.Footprints.Single().EffectiveHeightM, Is.EqualTo(30).Within(1e-9));
            Assert.That(dem.Footprints.Single().SiteElevationM, Is.EqualTo(100).Within(1e-6));
        });
    }

    [Test]
    public void Raster_OverRidge_CellsBehindItUncovered()
    {
        // The raster judges every cell on its own profile: east of the ridge the flat-ground disc is cut off.
        var ridged = CoverageAnalysis.Run(Province(Dem(Ridge)), new CoverageOptions(AdminLevel.Province));
        var flat = CoverageAnalysis.Run(Province(null), new CoverageOptions(AdminLevel.Province));
        var r = ridged.Raster!;
        var f = ridged.Footprints.Single();
        int Covered(CoverageResult result, Func<double, bool> side)
        {
            var n = 0;
            for (var i = 0; i < r.Width; i++)
            {
                for (var j = 0; j < r.Height; j++)
                {
                    n += side(r.OriginX + ((i + 0.5) * r.CellM)) && result.Raster!.Covered(0, i, j) ? 1 : 0;
                }
            }

            return n;
        }

        Assert.Multiple(() =>
        {
            Assert.That(Covered(ridged, x => x < 602900), Is.EqualTo(Covered(flat, x => x < 602900)), "west of the ridge nothing changes");
            Assert.That(Covered(flat, x => x > 603300), Is.GreaterThan(50), "precondition: flat ground covers east of the ridge");
            Assert.That(Covered(ridged, x => x > 603300), Is.LessThan(Covered(flat, x => x > 603300) / 10));
            Assert.That(f.Covers(603500, 2305000), Is.False);
        });
    }

    [Test]
    public void CoveredSettlements_OmniSiteBehindRidge_SameFlagsAsTheAnalysis()
    {
        // The indicators' covered flags (CoveredSettlements) once took "an omni BTS covers everything within its range"
        // for granted; over a DEM the ridge must decide there as it does in Run.
        var dataset = Province(Dem(Ridge));
        var flags = CoverageAnalysis.CoveredSettlements(dataset);
        var run = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province) { Raster = false });
        var ids = dataset.Settlements.Select(s => s.Id).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(flags[ids.IndexOf("FRONT")][(int)Technology.G4], Is.True);
            Assert.That(flags[ids.IndexOf("BEHIND")][(int)Technology.G4], Is.False, "behind the ridge");
            Assert.That(run.Uncovered.Select(u => u.Settlement.Id), Is.EqualTo(new[] { "BEHIND" }));
        });
    }

    [Test]
    public void Covers_OverTerrain_EqualsLevelAgainstThreshold()
    {
        // Covers skips the ITM path where the statistical loss alone fails; it must still answer as LevelDbm does.
        var f = CoverageAnalysis.Run(Province(Dem(Ridge)), new CoverageOptions(AdminLevel.Province) { Raster = false }).Footprints.Single();
        var disagree = new List<string>();
        for (var x = 599500.0; x <= 605500; x += 125)
        {
            for (var y = 2302500.0; y <= 2307500; y += 125)
            {
                if (f.Covers(x, y) != (f.LevelDbm(x, y) >= f.ThresholdDbm))
                {
                    disagree.Add($"({x}, {y})");
                }
            }
        }

        Assert.That(disagree, Is.Empty);
    }

    [Test]
    public void HilltopSite_EffectiveHeightAboveSurroundings_LongerReach()
    {
        // A 300 m hill (1 km wide) under the site, plain at 100 m beyond 3 km: the Hata/3GPP base height becomes the mast
        // plus the hill above the mean terrain 3–15 km away (Hata 1980's effective height), ≈ 30 + 300 m.
        var hill = Dem((x, y) => 300 * Math.Exp(-(Math.Pow(x - 602000, 2) + Math.Pow(y - 2305000, 2)) / (500.0 * 500)));
        var onHill = CoverageAnalysis.Run(Province(hill), new CoverageOptions(AdminLevel.Province) { Raster = false }).Footprints.Single();
        var onFlat = CoverageAnalysis.Run(Province(null), new CoverageOptions(AdminLevel.Province) { Raster = false }).Footprints.Single();
        Assert.Multiple(() =>
        {
            Assert.That(onHill.SiteElevationM, Is.EqualTo(400).Within(1), "bilinear between 30 m pixels near the top");
            Assert.That(onHill.EffectiveHeightM, Is.EqualTo(330).Within(1), "ring mean ≈ 100 m (the hill is negligible 3 km out)");
            Assert.That(onHill.MaxRangeKm, Is.GreaterThan(onFlat.MaxRangeKm * 1.5));
            Assert.That(onHill.OutOfRange.Select(o => o.Parameter), Does.Contain("hb_m"), "330 m is beyond RMa's 150 m: extrapolated and flagged");
        });
    }

    [Test]
    public void Cli_DatasetDem_UsedAndReported_NoTerrainSwitchesItOff()
    {
        using var ds = new TempDataset("Núi", "VN2000:105.5");
        ds.File("dataset.json", """{"name": "Núi", "crs": "VN2000:105.5", "dem": "dem.tif"}""");
        GeoTiffWriter.Write(Path.Combine(ds.Folder, "dem.tif"), Dem(Ridge));
        ds.File("bts.csv", "id,operator,tech,band_mhz,antenna_height_m,eirp_dbm,x,y\nB1,Viettel,4G,1800,30,60,602000,2305000\n");
        ds.File("settlements.csv", "id,population,x,y\nFRONT,100,601000,2305000\nBEHIND,100,603500,2305000\n");

        var (exit, output, error) = CliRunner.Run("coverage", ds.Folder, "--format", "json");
        var (exitFlat, outputFlat, _) = CliRunner.Run("coverage", ds.Folder, "--format", "json", "--no-terrain");

        Assert.That((exit, exitFlat), Is.EqualTo((0, 0)), error);
        using var doc = JsonDocument.Parse(output);
        using var flat = JsonDocument.Parse(outputFlat);
        var terrain = doc.RootElement.GetProperty("terrain");
        Assert.Multiple(() =>
        {
            Assert.That(terrain.GetProperty("dem").GetString(), Is.EqualTo("dem.tif"));
            Assert.That(terrain.GetProperty("model").GetString(), Is.EqualTo("itm"));
            Assert.That(terrain.GetProperty("paths_without_data").GetInt64(), Is.Zero);
            Assert.That(doc.RootElement.GetProperty("rows")[0].GetProperty("settlements_covered").GetInt32(), Is.EqualTo(1));
            Assert.That(flat.RootElement.GetProperty("terrain").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(flat.RootElement.GetProperty("rows")[0].GetProperty("settlements_covered").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Loader_PointsOffTheDem_EveryOneReportedWithLonLat()
    {
        using var ds = new TempDataset("Núi", "VN2000:105.5");
        ds.File("dataset.json", """{"name": "Núi", "crs": "VN2000:105.5", "dem": "dem.tif"}""");
        GeoTiffWriter.Write(Path.Combine(ds.Folder, "dem.tif"), Dem(Ridge));
        ds.File("bts.csv", "id,operator,tech,x,y\nB1,Viettel,4G,602000,2305000\nB2,Viettel,4G,620000,2305000\n");
        ds.File("settlements.csv", "id,x,y\nS1,630000,2305000\n");

        var (exit, _, error) = CliRunner.Run("coverage", ds.Folder, "--lang", "en");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("DEM_OUTSIDE_EXTENT").And.Contain("B2").And.Contain("S1").And.Contain("lon 10"));
            Assert.That(error, Does.Not.Contain("B1 "));
        });
    }

    [TestCase("../dem.tif", "FILE_OUTSIDE_DATASET")]
    [TestCase("/etc/hostname", "FILE_OUTSIDE_DATASET")]
    [TestCase("missing.tif", "DEM_UNREADABLE")]
    public void Settings_DemOutsideFolderOrMissing_Refused(string dem, string code)
    {
        using var ds = new TempDataset("Núi", "VN2000:105.5");
        ds.File("dataset.json", $$"""{"name": "Núi", "crs": "VN2000:105.5", "dem": "{{dem}}"}""");
        ds.File("bts.csv", "id,operator,tech,x,y\nB1,Viettel,4G,602000,2305000\n");
        var (exit, _, error) = CliRunner.Run("indicators", ds.Folder, "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain(code).And.Contain("dataset.json"));
        });
    }
}
