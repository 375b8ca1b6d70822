using System.Globalization;
using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;
using SoTTTT.Core.Validation;
using SoTTTT.IO.Terrain;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// <c>pathloss --model itm</c> over a one-ridge DEM (GeoTIFF, WGS84, 3″): a 450 m ridge running north–south along
/// 103.5° E, 2 km wide, on a 250 m plain; one pixel without data at 103.30° E, 21.70° N.
/// <code>
///   z ▲           ╱╲
///     │          ╱  ╲            tx (103.42, 21.50)  30 m   ── in front: rx (103.46, 21.52), line of sight
///     │_________╱    ╲________   behind the ridge:   rx (103.56, 21.52), diffraction
///     └──────────────────────▶ lon
///       103.25   103.5   103.75
/// </code>
/// The model itself is checked in ItmPointToPointTests and SplatComparisonTests; these tests check the command.
/// </summary>
[TestFixture]
public sealed class PathLossItmCommandTests
{
    private string folder = null!;
    private string dem = null!;

    [OneTimeSetUp]
    public void WriteDem()
    {
        folder = Path.Combine(Path.GetTempPath(), "sotttt-itm-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        dem = Path.Combine(folder, "ridge.tif");
        const int n = 600;
        var cell = 1.0 / 1200;
        var values = new float[n * n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                var x = (103.25 + ((c + 0.5) * cell) - 103.5) * 103.6;
                values[(r * n) + c] = (float)(250 + (450 * Math.Exp(-(x / 2.0) * (x / 2.0))));
            }
        }

        values[(60 * n) + 60] = float.NaN;
        GeoTiffWriter.WriteFloat32(dem, new GridGeometry(CrsRegistry.Wgs84, 103.25, 21.75, cell, cell, n, n), values, new GeoTiffWriteOptions { Tiled = true, NoData = -9999 });
    }

    [OneTimeTearDown]
    public void DeleteDem() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Itm_ReceiverBehindRidge_ObstructedAndMuchLowerThanInFront()
    {
        var front = Json("--tx", "103.42,21.5", "--rx", "103.46,21.52");
        var behind = Json("--tx", "103.42,21.5", "--rx", "103.56,21.52");

        Assert.Multiple(() =>
        {
            Assert.That(front.GetProperty("los").GetBoolean(), Is.True);
            Assert.That(front.GetProperty("mode").GetString(), Is.EqualTo("line_of_sight"));
            Assert.That(behind.GetProperty("los").GetBoolean(), Is.False);
            Assert.That(behind.GetProperty("mode").GetString(), Is.EqualTo("double_horizon_diffraction"));
            Assert.That(behind.GetProperty("attenuation_db").GetDouble(), Is.GreaterThan(front.GetProperty("attenuation_db").GetDouble() + 40));
            Assert.That(behind.GetProperty("crs").GetString(), Is.EqualTo("VN2000:103"), "the TM-3 zone nearest to the path");
        });
    }

    [Test]
    public void Itm_Json_SameAsTheModelOverTheProfile()
    {
        var json = Json("--tx", "103.42,21.5", "--rx", "103.56,21.52", "--eps", "13", "--sigma", "0.002", "--climate", "2", "--polarization", "h", "--time-pct", "90", "--location-pct", "80", "--situation-pct", "70");

        var grid = GeoTiffReader.Read(dem).Grid!;
        var zone = CrsRegistry.Tm3(103);
        var toZone = CoordinateTransformer.Create(CrsRegistry.Wgs84, zone);
        var (x0, y0) = toZone.Transform(103.42, 21.5);
        var (x1, y1) = toZone.Transform(103.56, 21.52);
        var profile = new TerrainProfiler(grid, zone).Extract(x0, y0, x1, y1).Profile!;
        var expected = ItmPointToPoint.Compute(profile, new ItmParameters(1800, 30, 1.5)
        {
            Permittivity = 13,
            ConductivitySPerM = 0.002,
            Climate = RadioClimate.ContinentalSubtropical,
            Polarization = Polarization.Horizontal,
            TimePct = 90,
            LocationPct = 80,
            SituationPct = 70,
        });
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("loss_db").GetDouble(), Is.EqualTo(expected.LossDb).Within(0.005));
            Assert.That(json.GetProperty("free_space_db").GetDouble(), Is.EqualTo(expected.FreeSpaceLossDb).Within(0.005));
            Assert.That(json.GetProperty("dist_km").GetDouble(), Is.EqualTo(expected.DistanceKm).Within(5e-5));
            Assert.That(json.GetProperty("kwx").GetInt32(), Is.EqualTo(expected.ErrorCode));
            Assert.That(json.GetProperty("polarization").GetString(), Is.EqualTo("h"));
            Assert.That(json.GetProperty("climate").GetInt32(), Is.EqualTo(2));
            Assert.That(json.GetProperty("tx_ground_m").GetDouble(), Is.EqualTo(profile.ElevationsM[0]).Within(0.005));
        });
    }

    [Test]
    public void Itm_Csv_HeaderAndOneRow()
    {
        var (exit, output, error) = CliRunner.Run(Args("--tx", "103.42,21.5", "--rx", "103.46,21.52", "--format", "csv"));

        Assert.That(exit, Is.Zero, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("model,freq_mhz,hb_m,hm_m,tx_lon,tx_lat,rx_lon,rx_lat,dist_km,loss_db,free_space_db,attenuation_db,mode,los,kwx,warnings,extrapolated"));
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[1], Does.StartWith("itm,1800,30,1.5,103.42,21.5,103.46,21.52,"));
            Assert.That(lines[1], Does.Contain(",line_of_sight,true,0,,false"));
        });
    }

    [Test]
    public void Itm_Table_ShowsLossModeAndParameters()
    {
        var (exit, output, _) = CliRunner.Run(Args("--tx", "103.42,21.5", "--rx", "103.56,21.52", "--format", "table", "--lang", "en"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(output, Does.Contain("Longley-Rice ITM").And.Contain("double_horizon_diffraction").And.Contain("eps 15, sigma 0.005 S/m, Ns 301, climate 5, v"));
        });
    }

    [TestCase(new[] { "--tx", "103.42,21.5", "--rx", "103.56,21.52", "--dist-km", "5" }, ProblemCodes.ConflictingOptions)]
    [TestCase(new[] { "--tx", "103.42;21.5", "--rx", "103.56,21.52" }, ProblemCodes.UnparsableNumber)]
    [TestCase(new[] { "--tx", "103.42,21.5", "--rx", "103.56,21.52", "--climate", "9" }, ProblemCodes.ValueOutOfRange)]
    [TestCase(new[] { "--tx", "103.42,21.5", "--rx", "103.56,21.52", "--polarization", "x" }, ProblemCodes.UnknownValue)]
    [TestCase(new[] { "--tx", "103.42,21.5", "--rx", "103.56,21.52", "--time-pct", "100" }, ProblemCodes.ValueOutOfRange)]
    [TestCase(new[] { "--tx", "103.42,21.5", "--rx", "103.9,21.52" }, ProblemCodes.DemOutsideExtent)]
    [TestCase(new[] { "--tx", "103.27,21.68", "--rx", "103.33,21.72" }, ProblemCodes.DemNoData)]
    [TestCase(new[] { "--tx", "103.42,21.5", "--rx", "103.56,21.52", "--freq-mhz", "25000" }, ProblemCodes.OutsideModelValidity)]
    [TestCase(new[] { "--tx", "103.42,21.5", "--rx", "103.4205,21.5" }, ProblemCodes.OutsideModelValidity)]
    public void Itm_BadInput_Exit2WithCode(string[] extra, string code)
    {
        var (exit, output, error) = CliRunner.Run(Args(extra));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain(code));
        });
    }

    [Test]
    public void Itm_MissingDem_MissingValue()
    {
        var (exit, _, error) = CliRunner.Run("pathloss", "--model", "itm", "--tx", "103.42,21.5", "--rx", "103.56,21.52", "--hb-m", "30", "--hm-m", "1.5", "--freq-mhz", "900");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--dem: MISSING_VALUE"));
        });
    }

    [Test]
    public void Itm_NotATiff_DemUnreadable()
    {
        var bad = Path.Combine(folder, "bad.tif");
        File.WriteAllText(bad, "no tiff");

        var (exit, _, error) = CliRunner.Run("pathloss", "--model", "itm", "--dem", bad, "--tx", "103.42,21.5", "--rx", "103.56,21.52", "--hb-m", "30", "--hm-m", "1.5", "--freq-mhz", "900");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain(ProblemCodes.DemUnreadable).And.Contain("bad.tif"));
        });
    }

    [Test]
    public void Itm_OutOfRangeAllowed_ComputedWithWarning()
    {
        var (exit, output, error) = CliRunner.Run(Args("--tx", "103.42,21.5", "--rx", "103.56,21.52", "--freq-mhz", "25000", "--allow-extrapolation", "--format", "json"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("extrapolated").GetBoolean(), Is.True);
            Assert.That(error, Does.Contain("freq_mhz"));
        });
    }

    [Test]
    public void DemWithOtherModel_ConflictingOptions()
    {
        var (exit, _, error) = CliRunner.Run("pathloss", "--model", "okumura-hata", "--dem", dem, "--freq-mhz", "900", "--dist-km", "5", "--hb-m", "30", "--hm-m", "1.5", "--env", "urban");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--dem: CONFLICTING_OPTIONS"));
        });
    }

    [Test]
    public void Batch_ItmRows_WrittenBackWithLossAndMode()
    {
        const string input = "tx_lon,tx_lat,rx_lon,rx_lat,hb_m,hm_m,freq_mhz,name\n103.42,21.5,103.46,21.52,30,1.5,900,front\n103.42,21.5,103.56,21.52,30,1.5,900,behind\n";

        var (exit, output, error) = CliRunner.RunWithInput(input, "pathloss", "--batch", "--model", "itm", "--dem", dem);

        Assert.That(exit, Is.Zero, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("tx_lon,tx_lat,rx_lon,rx_lat,hb_m,hm_m,freq_mhz,name,dist_km,loss_db,attenuation_db,mode,los,kwx"));
            Assert.That(lines[1], Does.StartWith("103.42,21.5,103.46,21.52,30,1.5,900,front,").And.Contain(",line_of_sight,true,"));
            Assert.That(lines[2], Does.StartWith("103.42,21.5,103.56,21.52,30,1.5,900,behind,").And.Contain(",double_horizon_diffraction,false,"));
        });
        var single = Json("--tx", "103.42,21.5", "--rx", "103.56,21.52", "--freq-mhz", "900");
        Assert.That(double.Parse(lines[2].Split(',')[9], CultureInfo.InvariantCulture), Is.EqualTo(single.GetProperty("loss_db").GetDouble()));
    }

    [Test]
    public void Batch_RowLeavingDem_Exit2NamingTheRow()
    {
        const string input = "tx_lon,tx_lat,rx_lon,rx_lat,hb_m,hm_m,freq_mhz\n103.42,21.5,103.46,21.52,30,1.5,900\n103.42,21.5,103.9,21.52,30,1.5,900\n103.42,21.5,103.46,21.52,30,x,900\n";

        var (exit, output, error) = CliRunner.RunWithInput(input, "pathloss", "--batch", "--model", "itm", "--dem", dem);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("stdin, row 3, column 'dem': DEM_OUTSIDE_EXTENT"));
            Assert.That(error, Does.Contain("stdin, row 4, column 'hm_m': UNPARSABLE_NUMBER"));
        });
    }

    [Test]
    public void Batch_DistanceRowsWithItm_ConflictingOptions()
    {
        var (exit, _, error) = CliRunner.RunWithInput("model,freq_mhz,dist_km,hb_m,hm_m,env\nitm,900,5,30,1.5,\n", "pathloss", "--batch");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("stdin, row 2, column 'model': CONFLICTING_OPTIONS"));
        });
    }

    private string[] Args(params string[] extra)
    {
        var args = new List<string> { "pathloss", "--model", "itm", "--dem", dem, "--hb-m", "30", "--hm-m", "1.5", "--freq-mhz", "1800" };
        for (var i = 0; i < extra.Length; i += 2)
        {
            var at = args.IndexOf(extra[i]);
            if (at >= 0 && i + 1 < extra.Length && !extra[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                args[at + 1] = extra[i + 1];
            }
            else
            {
                args.Add(extra[i]);
                if (i + 1 < extra.Length)
                {
                    if (extra[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        i--;
                    }
                    else
                    {
                        args.Add(extra[i + 1]);
                    }
                }
            }
        }

        return [.. args];
    }

    private JsonElement Json(params string[] extra)
    {
        var (exit, output, error) = CliRunner.Run([.. Args(extra), "--format", "json"]);
        Assert.That(exit, Is.Zero, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
