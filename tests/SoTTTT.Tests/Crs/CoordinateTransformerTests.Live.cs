using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Crs;

public sealed partial class CoordinateTransformerTests
{
    private const string Cs2csMissing =
        "cs2cs (Debian proj-bin) is required for the live comparison with PROJ; install it with 'apt-get install proj-bin'.";

    private static readonly int[] LiveTargets =
        [5896, 5897, 5898, 5899, 9205, 9206, 9207, 9208, 9209, 9210, 9211, 9212, 9213, 9214, 9215, 9216, 9217, 9218, 3405, 3406, 4756];

    // Reference: PROJ's cs2cs run now, restricted to the national transformation EPSG:6960 by
    // "--area EPSG:3328" (Vietnam - onshore), as for Fixtures/Crs/proj_reference.csv.
    [Test]
    [Category("Proj")]
    public void Transform_FreshRandomPointsAgainstLiveCs2cs_MatchWithin5cm()
    {
        var cs2cs = FindOnPath("cs2cs");
        if (cs2cs is null)
        {
            ExternalTools.Missing(Cs2csMissing);
        }

        var random = new Random(4756);
        var points = Enumerable.Range(0, 200).Select(_ =>
        {
            var target = CrsRegistry.FromEpsg(LiveTargets[random.Next(LiveTargets.Length)])!;
            var halfWidth = target.IsGeographic ? 3.7 : target.ScaleFactor == CrsRegistry.UtmScaleFactor ? 3.5 : 1.5;
            var cm = target.CentralMeridianDeg ?? 105.8;
            var lon = Math.Clamp(cm + (((random.NextDouble() * 2) - 1) * halfWidth), 102.1, 109.5);
            var lat = 8.5 + (random.NextDouble() * 14.9);
            return (Target: target, Lon: lon, Lat: lat);
        }).ToList();

        var failures = new List<string>();
        var maxErrorM = 0.0;
        foreach (var group in points.GroupBy(p => p.Target))
        {
            var target = group.Key;
            var lonLats = group.Select(p => (p.Lon, p.Lat)).ToList();
            var projOut = RunCs2cs(cs2cs, CrsRegistry.Wgs84, target, lonLats);
            var projBack = RunCs2cs(cs2cs, target, CrsRegistry.Wgs84, projOut);
            var forward = CoordinateTransformer.Create(CrsRegistry.Wgs84, target);
            var inverse = forward.Inverse();
            for (var i = 0; i < lonLats.Count; i++)
            {
                var (x, y) = forward.Transform(lonLats[i].Lon, lonLats[i].Lat);
                var (lon, lat) = inverse.Transform(projOut[i].X, projOut[i].Y);
                var forwardErrorM = GroundDistance.Metres(target, projOut[i].X, projOut[i].Y, x, y);
                var inverseErrorM = GroundDistance.Metres(CrsRegistry.Wgs84, projBack[i].X, projBack[i].Y, lon, lat);
                maxErrorM = Math.Max(maxErrorM, Math.Max(forwardErrorM, inverseErrorM));
                if (forwardErrorM >= ToleranceM || inverseErrorM >= ToleranceM)
                {
                    failures.Add($"WGS84 ({lonLats[i].Lon:F9}, {lonLats[i].Lat:F9}) ↔ {target.Name}: {forwardErrorM:F4} m / {inverseErrorM:F4} m");
                }
            }
        }

        TestContext.Out.WriteLine($"200 points, max error {maxErrorM:F6} m");
        Assert.That(failures, Is.Empty);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    // cs2cs reads and writes lat lon for EPSG:4326 / 4756 and easting northing for projected CRSs.
    private static List<(double X, double Y)> RunCs2cs(string cs2cs, CrsDefinition from, CrsDefinition to, List<(double X, double Y)> points)
    {
        var start = new ProcessStartInfo(cs2cs)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--area", "EPSG:3328", "-f", "%.9f", $"EPSG:{from.Epsg}", $"EPSG:{to.Epsg}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        foreach (var (x, y) in points)
        {
            var (first, second) = from.IsGeographic ? (y, x) : (x, y);
            process.StandardInput.WriteLine(FormattableString.Invariant($"{first:R} {second:R}"));
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            Assert.Fail($"cs2cs did not finish within 30 s: {string.Join(' ', start.ArgumentList)}");
        }

        var rows = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Select(f => (double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))
            .Select(v => to.IsGeographic ? (X: v.Item2, Y: v.Item1) : (X: v.Item1, Y: v.Item2))
            .ToList();
        Assert.That(rows, Has.Count.EqualTo(points.Count), $"cs2cs {string.Join(' ', start.ArgumentList)}: {error.Result}");
        return rows;
    }
}
