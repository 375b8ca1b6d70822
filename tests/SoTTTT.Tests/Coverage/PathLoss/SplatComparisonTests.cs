using System.Globalization;
using System.Text;
using NUnit.Framework;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage.PathLoss;

/// <summary>
/// SoTTTT's ITM against SPLAT! 1.4.2 with <c>-olditm</c> (Longley-Rice ITM 1.2.2; Debian package splat), the
/// independent reference DOMAIN.md names. Five synthetic terrains in the 1° tile 21–22° N, 103–104° E (Điện Biên —
/// Sơn La): flat, one ridge, two ridges, a valley, a rough random surface, each written as a SPLAT! SDF tile and as
/// the same grid for SoTTTT; 260 paths of 1.5–25 km with random ends, antenna heights, frequencies (450–3500 MHz)
/// and polarizations; SPLAT!'s sample parameters otherwise (ε 15, σ 0.005 S/m, Ns 301, climate 5, 50 % / 50 %).
/// <list type="bullet">
/// <item>A — same profile: SoTTTT's ITM over the profile SPLAT! itself builds (<see cref="SplatProfile"/>), in
/// SPLAT!'s mode of variability (mobile, location variability eliminated): tests the model.</item>
/// <item>B — own pipeline: SoTTTT's profile (bilinear, in VN-2000 TM-3, full path length) and ITM: shows what the
/// different profile construction adds (SPLAT! stops its profile one to two 90 m samples short of the receiver).</item>
/// </list>
/// Receivers at latitudes where Debian's SPLAT! 1.4.2 never finishes are drawn again (<see cref="SplatProfile.HangsAt"/>).
/// The table goes to the test output and to <c>splat-agreement.txt</c> in the test output folder.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class SplatComparisonTests
{
    private static readonly (string Name, Func<double, double, double> Height)[] Terrains =
    [
        ("flat", (_, _) => 300),
        ("one ridge", (lon, lat) => 250 + (450 * Bump(X(lon) - (0.3 * Y(lat)), 2.0))),
        ("two ridges", (lon, lat) => 200 + (400 * Bump(X(lon) + 5, 1.6)) + (550 * Bump(X(lon) - 6 + (0.2 * Y(lat)), 2.2))),
        ("valley", (lon, lat) => 900 - (600 * Bump(X(lon) + (0.1 * Y(lat)), 4))),
        ("rough", Rough()),
    ];

    private List<Row> rows = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public void RunSplat()
    {
        var splat = ExternalTools.Splat();
        folder = Path.Combine(Path.GetTempPath(), "sotttt-splat-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var random = new Random(20261202);
        var frequencies = new[] { 450.0, 900, 1800, 2100, 2600, 3500 };
        var txHeights = new[] { 15.0, 25, 30, 40, 60 };
        var rxHeights = new[] { 1.5, 3, 10 };
        var zone = CrsRegistry.Tm3NearestTo(103.5);
        var toZone = CoordinateTransformer.Create(CrsRegistry.Wgs84, zone);
        var jobs = new List<(int Terrain, SplatTerrain Tile, TerrainProfiler Profiler, string Sdf, SplatSite Tx, SplatSite Rx, double Freq, bool Vertical)>();
        for (var t = 0; t < Terrains.Length; t++)
        {
            var tile = new SplatTerrain(21, 103, Terrains[t].Height);
            var sdf = Path.Combine(folder, $"sdf{t}");
            Directory.CreateDirectory(sdf);
            tile.Write(sdf);
            var profiler = new TerrainProfiler(tile.ToGrid(), zone);
            for (var i = 0; i < 52; i++)
            {
                var txLon = 103.5 + ((random.NextDouble() - 0.5) * 0.24);
                var txLat = 21.5 + ((random.NextDouble() - 0.5) * 0.24);
                SplatSite rx;
                do
                {
                    var azimuth = random.NextDouble() * 2 * Math.PI;
                    var km = 1.5 + (random.NextDouble() * 23.5);
                    rx = new SplatSite(txLat + (km * Math.Cos(azimuth) / 110.7), txLon + (km * Math.Sin(azimuth) / 103.6), 0);
                }
                while (SplatProfile.HangsAt(rx.ParsedLat));

                rx = rx with { HeightM = rxHeights[random.Next(rxHeights.Length)] };
                jobs.Add((t, tile, profiler, sdf, new SplatSite(txLat, txLon, txHeights[random.Next(txHeights.Length)]), rx, frequencies[random.Next(frequencies.Length)], random.Next(2) == 1));
            }
        }

        var results = new Row[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var job = jobs[i];
            var report = SplatRunner.Run(splat, Path.Combine(folder, $"run{i:D3}"), job.Sdf, job.Tx, job.Rx, job.Freq, job.Vertical);

            // A: the profile SPLAT! builds, SPLAT!'s heights (stored in feet as floats) and mode of variability.
            var (z, step) = SplatProfile.Emulate(job.Tile, job.Tx.ParsedLat, job.Tx.ParsedLonWest, job.Rx.ParsedLat, job.Rx.ParsedLonWest);
            var splatMode = new ItmParameters(job.Freq, SplatProfile.HeightM(job.Tx.HeightM), SplatProfile.HeightM(job.Rx.HeightM))
            {
                Polarization = job.Vertical ? Polarization.Vertical : Polarization.Horizontal,
                VariabilityMode = ItmVariabilityMode.Mobile,
                EliminateLocationVariability = true,
            };
            var same = ItmPointToPoint.Compute(z, step, splatMode);

            // B: SoTTTT's own profile between the same two points, in the analysis CRS.
            var (x0, y0) = toZone.Transform(job.Tx.LonEast, job.Tx.Lat);
            var (x1, y1) = toZone.Transform(job.Rx.LonEast, job.Rx.Lat);
            var profile = job.Profiler.Extract(x0, y0, x1, y1).Profile!;
            var own = ItmPointToPoint.Compute(profile, new ItmParameters(job.Freq, job.Tx.HeightM, job.Rx.HeightM) { Polarization = splatMode.Polarization });
            results[i] = new Row(i, Terrains[job.Terrain].Name, job.Freq, job.Tx.HeightM, job.Rx.HeightM, profile.DistanceM / 1000, report, same, own);
        });
        rows = [.. results];
        WriteTable();
    }

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        if (folder is not null && Directory.Exists(folder) && Environment.GetEnvironmentVariable("SOTTTT_KEEP_SPLAT") is null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Itm_SplatsOwnProfile_Within1DbOn95PercentAndSameLineOfSight()
    {
        var deltas = rows.Select(r => Math.Abs(r.Same.LossDb - r.Splat.LossDb)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.GreaterThanOrEqualTo(200));
            Assert.That(deltas.Count(d => d <= 1.0), Is.GreaterThanOrEqualTo(0.95 * rows.Count), "paths within 1 dB of SPLAT!");
            Assert.That(rows.Where(r => r.Same.IsLineOfSight != r.Splat.LineOfSight).Select(r => r.Id), Is.Empty, "paths whose line-of-sight decision differs");
            Assert.That(rows.Count(r => r.Splat.LineOfSight), Is.InRange(20, rows.Count - 20), "both decisions occur");
        });
    }

    [Test]
    public void Itm_OwnProfileFromTheSameTerrain_CloseToSplat()
    {
        var deltas = rows.Select(r => Math.Abs(r.Own.LossDb - r.Splat.LossDb)).OrderBy(d => d).ToList();
        var losAgree = rows.Count(r => r.Own.IsLineOfSight == r.Splat.LineOfSight);

        Assert.Multiple(() =>
        {
            Assert.That(Percentile(deltas, 0.5), Is.LessThan(1.0), "median |Δ| with SoTTTT's own profile");
            Assert.That(losAgree, Is.GreaterThanOrEqualTo(0.9 * rows.Count), "line-of-sight decision with SoTTTT's own profile");
        });
    }

    private static double X(double lon) => (lon - 103.5) * 103.6;

    private static double Y(double lat) => (lat - 21.5) * 110.7;

    private static double Bump(double u, double width) => Math.Exp(-(u / width) * (u / width));

    /// <summary>A rough surface: eight plane waves of 3–15 km wavelength in random directions and phases (fixed seed), ±250 m around 500 m.</summary>
    private static Func<double, double, double> Rough()
    {
        var random = new Random(3);
        var waves = Enumerable.Range(0, 8).Select(k => (Amplitude: 60.0 / (1 + (0.4 * k)), Length: 15.0 / (1 + (0.6 * k)), Angle: random.NextDouble() * Math.PI, Phase: random.NextDouble() * 2 * Math.PI)).ToArray();
        return (lon, lat) =>
        {
            double x = X(lon), y = Y(lat), z = 500;
            foreach (var w in waves)
            {
                z += w.Amplitude * Math.Sin((2 * Math.PI * ((x * Math.Cos(w.Angle)) + (y * Math.Sin(w.Angle))) / w.Length) + w.Phase);
            }

            return z;
        };
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private void WriteTable()
    {
        var text = new StringBuilder();
        text.AppendLine("SoTTTT ITM vs SPLAT! 1.4.2 -olditm (Longley-Rice path loss), 5 synthetic terrains at 21-22 N, 103-104 E");
        text.AppendLine("A = SoTTTT ITM over SPLAT!'s own profile; B = SoTTTT profile (bilinear, VN-2000 TM-3) + ITM");
        text.AppendLine();
        text.AppendLine("terrain      paths  LOS  |ΔA| median  p95   max  ≤1 dB   LOS agree | |ΔB| median  p95   max  ≤1 dB   LOS agree");
        foreach (var group in rows.GroupBy(r => r.Terrain).Append(rows.GroupBy(_ => "all").Single()))
        {
            var a = group.Select(r => Math.Abs(r.Same.LossDb - r.Splat.LossDb)).OrderBy(d => d).ToList();
            var b = group.Select(r => Math.Abs(r.Own.LossDb - r.Splat.LossDb)).OrderBy(d => d).ToList();
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{group.Key,-12} {a.Count,5} {group.Count(r => r.Splat.LineOfSight),4}  {Percentile(a, 0.5),10:F2} {Percentile(a, 0.95),5:F2} {a[^1],5:F2} {a.Count(d => d <= 1),4}/{a.Count,-3} {group.Count(r => r.Same.IsLineOfSight == r.Splat.LineOfSight),4}/{a.Count,-3} | {Percentile(b, 0.5),10:F2} {Percentile(b, 0.95),5:F2} {b[^1],5:F2} {b.Count(d => d <= 1),4}/{b.Count,-3} {group.Count(r => r.Own.IsLineOfSight == r.Splat.LineOfSight),4}/{b.Count,-3}"));
        }

        text.AppendLine();
        text.AppendLine("worst paths (by |ΔB|):");
        text.AppendLine("  id terrain         MHz   tx m  rx m    km  SPLAT! dB  A dB    B dB   SPLAT! mode / SoTTTT mode");
        foreach (var r in rows.OrderByDescending(r => Math.Abs(r.Own.LossDb - r.Splat.LossDb)).Take(8))
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Id,4} {r.Terrain,-12} {r.FreqMHz,6:F0} {r.TxM,6:F1} {r.RxM,5:F1} {r.Km,6:F2} {r.Splat.LossDb,9:F2} {r.Same.LossDb,7:F2} {r.Own.LossDb,7:F2}   {r.Splat.Mode} / {r.Own.Mode}"));
        }

        var table = text.ToString();
        TestContext.Out.WriteLine(table);
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "splat-agreement.txt");
        File.WriteAllText(path, table);
        TestContext.AddTestAttachment(path, "SPLAT! agreement table");
    }

    private sealed record Row(int Id, string Terrain, double FreqMHz, double TxM, double RxM, double Km, SplatRunner.Report Splat, ItmResult Same, ItmResult Own);
}
