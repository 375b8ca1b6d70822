using System.Globalization;
using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

public class PathLossCommandTests
{
    private const string BatchHeader = "model,freq_mhz,dist_km,hb_m,hm_m,env\n";

    // Published values, as in the model tests: ns-3 okumura-hata and three-gpp-propagation-loss-model test suites
    // (two and four decimals); Rappaport, Wireless Communications 2nd ed., Example 4.2 (free space, 900 MHz, 100 m:
    // 47.0 dBm − L = −24.5 dBm, printed with one decimal). The CLI prints two decimals and the ns-3 values carry two
    // or four, so the two roundings together allow 0.01 dB.
    [TestCase("okumura-hata", "869", "2", "30", "1", "urban-large", 137.93)]
    [TestCase("okumura-hata", "869", "2", "30", "1", "urban", 137.88)]
    [TestCase("okumura-hata", "869", "2", "30", "1", "suburban", 128.03)]
    [TestCase("3gpp-rma", "5000", "1", "35", "1.5", "los", 108.5577)]
    [TestCase("3gpp-rma", "5000", "1", "35", "1.5", "nlos", 133.5223)]
    [TestCase("3gpp-uma", "5000", "1", "25", "1.5", "los", 109.7252)]
    [TestCase("3gpp-uma", "5000", "1", "25", "1.5", "nlos", 144.7641)]
    public void PathLoss_PublishedReference_JsonLossDbMatches(string model, string f, string d, string hb, string hm, string env, double publishedDb)
    {
        var (exit, output, error) = CliRunner.Run("pathloss", "--model", model, "--freq-mhz", f, "--dist-km", d, "--hb-m", hb, "--hm-m", hm, "--env", env, "--format", "json");
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("loss_db").GetDouble(), Is.EqualTo(publishedDb).Within(0.01));
            Assert.That(root.GetProperty("model").GetString(), Is.EqualTo(model));
            Assert.That(root.GetProperty("env").GetString(), Is.EqualTo(env));
            Assert.That(root.GetProperty("freq_mhz").GetDouble(), Is.EqualTo(double.Parse(f, CultureInfo.InvariantCulture)));
            Assert.That(root.GetProperty("dist_km").GetDouble(), Is.EqualTo(double.Parse(d, CultureInfo.InvariantCulture)));
            Assert.That(root.GetProperty("hb_m").GetDouble(), Is.EqualTo(double.Parse(hb, CultureInfo.InvariantCulture)));
            Assert.That(root.GetProperty("hm_m").GetDouble(), Is.EqualTo(double.Parse(hm, CultureInfo.InvariantCulture)));
            Assert.That(root.GetProperty("extrapolated").GetBoolean(), Is.False);
            Assert.That(error, Is.Empty);
        });
    }

    [Test]
    public void PathLoss_FreeSpaceRappaportExample4_2_CsvWithoutHeightsOrEnv()
    {
        var (exit, output, error) = CliRunner.Run("pathloss", "--model", "free-space", "--freq-mhz", "900", "--dist-km", "0.1");
        Assert.That(exit, Is.EqualTo(0), error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("model,env,freq_mhz,dist_km,hb_m,hm_m,loss_db,extrapolated"));
        var loss = double.Parse(lines[1].Split(',')[6], CultureInfo.InvariantCulture);
        Assert.That((10 * Math.Log10(50_000)) - loss, Is.EqualTo(-24.5).Within(0.05));
    }

    [Test]
    public void PathLoss_OutsideValidity_Exit2NamesParameterValueAndRange()
    {
        var (exit, output, error) = CliRunner.Run("pathloss", "--model", "cost231-hata", "--freq-mhz", "2600", "--dist-km", "0.5", "--hb-m", "30", "--hm-m", "1.5", "--env", "urban", "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("--freq-mhz: OUTSIDE_MODEL_VALIDITY: --freq-mhz = 2600 MHz is outside cost231-hata's valid range 1500–2000 MHz"));
            Assert.That(error, Does.Contain("--dist-km: OUTSIDE_MODEL_VALIDITY: --dist-km = 0.5 km is outside cost231-hata's valid range 1–20 km"));
            Assert.That(error, Does.Contain("--allow-extrapolation"));
        });
    }

    [Test]
    public void PathLoss_OutsideValidityVietnamese_MessageInVietnamese()
    {
        var (exit, _, error) = CliRunner.Run("pathloss", "--model", "3gpp-uma", "--freq-mhz", "3500", "--dist-km", "1", "--hb-m", "30", "--hm-m", "1.5", "--env", "nlos");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--hb-m: OUTSIDE_MODEL_VALIDITY: --hb-m = 30 m nằm ngoài phạm vi hợp lệ 25 m của 3gpp-uma"));
        });
    }

    [Test]
    public void PathLoss_AllowExtrapolation_FlaggedInJsonAndWarnedOnStderr()
    {
        // ns-3 okumura-hata suite, "COST231 OH Urban small city and suburban": 2114 MHz, 2 km, 30 m, 1 m → 150.64 dB.
        var (exit, output, error) = CliRunner.Run(
            "pathloss", "--model", "cost231-hata", "--freq-mhz", "2114", "--dist-km", "2", "--hb-m", "30", "--hm-m", "1", "--env", "suburban", "--allow-extrapolation", "--format", "json", "--lang", "en");
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var outside = root.GetProperty("out_of_range").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("loss_db").GetDouble(), Is.EqualTo(150.64).Within(0.005));
            Assert.That(root.GetProperty("extrapolated").GetBoolean(), Is.True);
            Assert.That(outside.GetProperty("parameter").GetString(), Is.EqualTo("freq_mhz"));
            Assert.That(outside.GetProperty("min").GetDouble(), Is.EqualTo(1500));
            Assert.That(outside.GetProperty("max").GetDouble(), Is.EqualTo(2000));
            Assert.That(error, Does.StartWith("warning: pathloss: extrapolated outside the valid range of cost231-hata: freq_mhz = 2114 MHz (valid 1500–2000 MHz)"));
        });
    }

    [TestCase("okumura-hata", "900", "40", "1.5", "urban", "58", "-95")]
    [TestCase("cost231-hata", "1800", "30", "1.5", "urban-large", "60", "-95")]
    [TestCase("3gpp-rma", "700", "35", "1.5", "nlos", "60", "-70")]
    [TestCase("3gpp-uma", "3500", "25", "1.5", "los", "60", "-65")]
    public void PathLoss_MaxRange_LossAtRangeEqualsEirpMinusThreshold(string model, string f, string hb, string hm, string env, string eirp, string threshold)
    {
        var (exit, output, error) = CliRunner.Run(
            "pathloss", "--model", model, "--freq-mhz", f, "--hb-m", hb, "--hm-m", hm, "--env", env, "--eirp-dbm", eirp, "--threshold-dbm", threshold, "--format", "json");
        Assert.That(exit, Is.EqualTo(0), error);
        using var range = JsonDocument.Parse(output);
        Assert.That(range.RootElement.GetProperty("range_status").GetString(), Is.EqualTo("within"));
        var maxRangeKm = range.RootElement.GetProperty("max_range_km").GetDouble();

        var back = CliRunner.Run(
            "pathloss", "--model", model, "--freq-mhz", f, "--hb-m", hb, "--hm-m", hm, "--env", env, "--dist-km", maxRangeKm.ToString(CultureInfo.InvariantCulture), "--format", "json");
        Assert.That(back.Exit, Is.EqualTo(0), back.Err);
        using var loss = JsonDocument.Parse(back.Out);
        var budget = double.Parse(eirp, CultureInfo.InvariantCulture) - double.Parse(threshold, CultureInfo.InvariantCulture);
        Assert.That(loss.RootElement.GetProperty("loss_db").GetDouble(), Is.EqualTo(budget).Within(0.01));
    }

    [Test]
    public void PathLoss_MaxRangeBeyondModel_NullRangeAndStatusBeyond()
    {
        var (exit, output, error) = CliRunner.Run(
            "pathloss", "--model", "3gpp-rma", "--freq-mhz", "700", "--hb-m", "35", "--hm-m", "1.5", "--env", "los", "--eirp-dbm", "60", "--threshold-dbm", "-95", "--format", "json");
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("max_range_km").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("range_status").GetString(), Is.EqualTo("beyond"));
            Assert.That(root.GetProperty("dist_range_km").GetProperty("max").GetDouble(), Is.EqualTo(10));
            Assert.That(root.GetProperty("allowed_loss_db").GetDouble(), Is.EqualTo(155));
        });
    }

    [Test]
    public void PathLoss_Table_VietnameseByDefaultEnglishWithLang()
    {
        string[] loss = ["pathloss", "--model", "okumura-hata", "--freq-mhz", "900", "--dist-km", "5", "--hb-m", "40", "--hm-m", "1.5", "--env", "open", "--format", "table"];
        string[] range = ["pathloss", "--model", "okumura-hata", "--freq-mhz", "900", "--hb-m", "40", "--hm-m", "1.5", "--env", "open", "--eirp-dbm", "58", "--threshold-dbm", "-70", "--format", "table"];
        var vi = CliRunner.Run(loss);
        var viRange = CliRunner.Run(range);
        var en = CliRunner.Run([.. loss, "--lang", "en"]);
        Assert.Multiple(() =>
        {
            Assert.That(vi.Out, Does.Contain("Mô hình").And.Contain("Suy hao (dB)").And.Contain("okumura-hata"));
            Assert.That(viRange.Out, Does.Contain("Cự ly tối đa (km)"));
            Assert.That(en.Out, Does.Contain("Model").And.Contain("Path loss (dB)").And.Not.Contain("Suy hao"));
        });
    }

    [Test]
    public void PathLoss_MissingAndConflictingInputs_AllListedExit2()
    {
        var (exit, output, error) = CliRunner.Run("pathloss", "--model", "okumura-hata", "--dist-km", "2", "--eirp-dbm", "50", "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("--freq-mhz: MISSING_VALUE"));
            Assert.That(error, Does.Contain("--dist-km: CONFLICTING_OPTIONS"));
        });
    }

    [Test]
    public void PathLoss_ModelNeedsHeightsAndEnvironment_EachReported()
    {
        var (exit, _, error) = CliRunner.Run("pathloss", "--model", "3gpp-rma", "--freq-mhz", "900", "--dist-km", "2", "--hb-m", "-35", "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--hb-m: VALUE_OUT_OF_RANGE: --hb-m must be a positive number, got -35"));
            Assert.That(error, Does.Contain("--hm-m: MISSING_VALUE"));
            Assert.That(error, Does.Contain("--env: MISSING_VALUE: model 3gpp-rma needs an environment: los, nlos"));
        });
    }

    [Test]
    public void PathLoss_UnknownModel_Exit2ListsModels()
    {
        var (exit, _, error) = CliRunner.Run("pathloss", "--model", "hata", "--freq-mhz", "900", "--dist-km", "2", "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--model: UNKNOWN_MODEL: no model 'hata'; models: free-space, okumura-hata, cost231-hata, 3gpp-rma, 3gpp-uma"));
        });
    }

    [Test]
    public void Batch_GoodRows_WrittenBackWithLossDbTwoDecimals()
    {
        var input = BatchHeader
            + "okumura-hata,869,2,30,1,urban-large\n"
            + "free-space,900,0.1,,,\n"
            + "\n"
            + "3gpp-uma,5000,1,25,1.5,NLOS\n";
        var (exit, output, error) = CliRunner.RunWithInput(input, "pathloss", "--batch");
        Assert.That(exit, Is.EqualTo(0), error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("model,freq_mhz,dist_km,hb_m,hm_m,env,loss_db"));
            Assert.That(lines[1], Is.EqualTo("okumura-hata,869,2,30,1,urban-large,137.93"));
            Assert.That(lines[2], Does.Match(@"^free-space,900,0\.1,,,,\d+\.\d\d$"));
            Assert.That(lines[3], Is.EqualTo("3gpp-uma,5000,1,25,1.5,NLOS,144.76"));
            Assert.That(lines, Has.Length.EqualTo(4));
            Assert.That(error, Is.Empty);
        });
    }

    [Test]
    public void Batch_BadRows_AllReportedWithRowNumbersNothingOnStdout()
    {
        var input = BatchHeader
            + "okumura-hata,869,2,30,1,urban\n"
            + "hata,900,1,30,1,urban\n"
            + "okumura-hata,abc,2,30,1,urban\n"
            + "okumura-hata,2000,2,30,1,urban\n"
            + "3gpp-rma,900,1,35,1.5,\n"
            + "okumura-hata,900,2\n";
        var (exit, output, error) = CliRunner.RunWithInput(input, "pathloss", "--batch", "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("The input has 5 problem(s)"));
            Assert.That(error, Does.Contain("stdin, row 3, column 'model': UNKNOWN_MODEL"));
            Assert.That(error, Does.Contain("stdin, row 4, column 'freq_mhz': UNPARSABLE_NUMBER"));
            Assert.That(error, Does.Contain("stdin, row 5, column 'freq_mhz': OUTSIDE_MODEL_VALIDITY: freq_mhz = 2000 MHz is outside okumura-hata's valid range 150–1500 MHz"));
            Assert.That(error, Does.Contain("stdin, row 6, column 'env': MISSING_VALUE"));
            Assert.That(error, Does.Contain("stdin, row 7: ROW_LENGTH"));
            Assert.That(error, Does.Not.Contain("row 2,"), "row 2 (the first data row) is valid");
        });
    }

    [Test]
    public void Batch_RowNumbers_AreTheLinesAsAnEditorShowsThem()
    {
        // Header on line 1, a blank line 2 (skipped but counted), the bad row on line 3: as README "Validation" numbers CSV rows.
        var (exit, _, error) = CliRunner.RunWithInput(BatchHeader + "\n" + "hata,900,1,30,1,urban\n", "pathloss", "--batch", "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("stdin, row 3, column 'model': UNKNOWN_MODEL"));
        });
    }

    [Test]
    public void Batch_AllowExtrapolation_ExtrapolatedColumnAndWarning()
    {
        var input = BatchHeader + "okumura-hata,869,2,30,1,urban\nokumura-hata,2000,2,30,1,urban\n";
        var (exit, output, error) = CliRunner.RunWithInput(input, "pathloss", "--batch", "--allow-extrapolation", "--lang", "en");
        Assert.That(exit, Is.EqualTo(0), error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("model,freq_mhz,dist_km,hb_m,hm_m,env,loss_db,extrapolated"));
            Assert.That(lines[1], Is.EqualTo("okumura-hata,869,2,30,1,urban,137.88,false"));
            Assert.That(lines[2], Does.Match(@"^okumura-hata,2000,2,30,1,urban,\d+\.\d\d,true$"));
            Assert.That(error, Does.Contain("warning: stdin, row 3: extrapolated outside the valid range of okumura-hata: freq_mhz = 2000 MHz (valid 150–1500 MHz)"));
        });
    }

    [Test]
    public void Batch_MissingHeaderColumns_Exit2()
    {
        var (exit, output, error) = CliRunner.RunWithInput("okumura-hata,869,2,30,1,urban\n", "pathloss", "--batch", "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("MISSING_REQUIRED_COLUMN: missing column 'model'"));
        });
    }

    [Test]
    public void Batch_WithSingleRunOptions_Refused()
    {
        var (exit, _, error) = CliRunner.RunWithInput(BatchHeader, "pathloss", "--batch", "--model", "free-space", "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--model: CONFLICTING_OPTIONS"));
            Assert.That(error, Does.Contain("--format: CONFLICTING_OPTIONS"));
        });
    }

    [Test]
    public void Range_Tech4G_BudgetOnTheReferenceSignalPrinted()
    {
        // Issue 9: 60 dBm total over 20 MHz is 29.21 dBm per resource element (−10·log10 1200, DOMAIN.md); less the 3 dB
        // body loss the RSRP budget against −110 dBm is 136.21 dB: 1.7984 km on 3GPP RMa NLOS at 1800 MHz, 30 m / 1.5 m
        // (the range computed independently in LinkBudgetTests).
        var (exit, output, error) = CliRunner.Run("pathloss", "--model", "3gpp-rma", "--env", "nlos", "--freq-mhz", "1800", "--hb-m", "30", "--hm-m", "1.5", "--eirp-dbm", "60", "--threshold-dbm", "-110", "--tech", "4G", "--format", "json");
        Assert.That(exit, Is.Zero, error);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("reference_signal").GetString(), Is.EqualTo("RSRP"));
            Assert.That(root.GetProperty("rs_eirp_dbm").GetDouble(), Is.EqualTo(29.21).Within(0.005));
            Assert.That(root.GetProperty("receiver_losses_db").GetDouble(), Is.EqualTo(3));
            Assert.That(root.GetProperty("allowed_loss_db").GetDouble(), Is.EqualTo(136.21).Within(0.005));
            Assert.That(root.GetProperty("max_range_km").GetDouble(), Is.EqualTo(1.7984).Within(0.0001));
        });
    }

    [Test]
    public void Range_TechWithoutBudgetOrBadBandwidth_Exit2()
    {
        var (noRange, _, error1) = CliRunner.Run("pathloss", "--model", "free-space", "--freq-mhz", "1800", "--dist-km", "1", "--tech", "4G");
        var (badBw, _, error2) = CliRunner.Run("pathloss", "--model", "free-space", "--freq-mhz", "1800", "--eirp-dbm", "60", "--threshold-dbm", "-110", "--tech", "4G", "--bandwidth-mhz", "12");
        Assert.Multiple(() =>
        {
            Assert.That(noRange, Is.EqualTo(2));
            Assert.That(error1, Does.Contain("CONFLICTING_OPTIONS"));
            Assert.That(badBw, Is.EqualTo(2));
            Assert.That(error2, Does.Contain("VALUE_OUT_OF_RANGE"));
        });
    }
}
