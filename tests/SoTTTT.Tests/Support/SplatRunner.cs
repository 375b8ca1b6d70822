using System.Globalization;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace SoTTTT.Tests.Support;

/// <summary>
/// Runs SPLAT! 1.4.2 point to point (<c>splat -t tx.qth -r rx.qth -d SDF_DIR -olditm -metric</c>) in a folder of
/// its own and reads its path report (<c>TX-to-RX.txt</c>): the Longley-Rice path loss, the mode of propagation and
/// the model's error number. The .lrp file carries the ITM parameters (SPLAT!'s format: permittivity, conductivity,
/// refractivity, frequency, climate, polarization 0/1, fraction of situations, fraction of time).
/// </summary>
internal static partial class SplatRunner
{
    /// <summary>One SPLAT! path report.</summary>
    public sealed record Report(double LossDb, string Mode, int ErrorNumber)
    {
        public bool LineOfSight => Mode.StartsWith("Line-Of-Sight", StringComparison.Ordinal);
    }

    /// <summary>Runs one path; positions in degrees (longitude east), heights in metres above ground.</summary>
    public static Report Run(string splat, string folder, string sdfFolder, SplatSite tx, SplatSite rx, double freqMHz, bool vertical)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "tx.qth"), tx.Qth("TX"));
        File.WriteAllText(Path.Combine(folder, "rx.qth"), rx.Qth("RX"));
        File.WriteAllText(
            Path.Combine(folder, "splat.lrp"),
            string.Create(CultureInfo.InvariantCulture, $"15.000\n0.005\n301.000\n{freqMHz:F3}\n5\n{(vertical ? 1 : 0)}\n0.50\n0.50\n"));
        ExternalTools.RunIn(folder, splat, null, "-t", "tx.qth", "-r", "rx.qth", "-d", sdfFolder, "-olditm", "-metric");
        var text = File.ReadAllText(Path.Combine(folder, "TX-to-RX.txt"));
        var loss = LossRegex().Match(text);
        var mode = ModeRegex().Match(text);
        var error = ErrorRegex().Match(text);
        Assert.That(loss.Success && mode.Success && error.Success, Is.True, () => $"unexpected SPLAT! report in {folder}:\n{text}");
        return new Report(
            double.Parse(loss.Groups[1].Value, CultureInfo.InvariantCulture),
            mode.Groups[1].Value.Trim(),
            int.Parse(error.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"Longley-Rice path loss: (-?[0-9.]+) dB")]
    private static partial Regex LossRegex();

    [GeneratedRegex(@"Mode of propagation: (.*)")]
    private static partial Regex ModeRegex();

    [GeneratedRegex(@"Longley-Rice model error number: (\d+)")]
    private static partial Regex ErrorRegex();
}

/// <summary>A SPLAT! site: latitude and longitude east as written to the .qth file (6 decimals), height above ground in metres.</summary>
internal sealed record SplatSite(double Lat, double LonEast, double HeightM)
{
    /// <summary>The .qth text: name, latitude, longitude (negative = east), height with "m".</summary>
    public string Qth(string name) => string.Create(CultureInfo.InvariantCulture, $"{name}\n{Lat:F6}\n{-LonEast:F6}\n{HeightM:0.###} m\n");

    /// <summary>Latitude as SPLAT! parses the file.</summary>
    public double ParsedLat => double.Parse(Lat.ToString("F6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Longitude west as SPLAT! parses the file (negative east + 360).</summary>
    public double ParsedLonWest => double.Parse((-LonEast).ToString("F6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + 360.0;
}
