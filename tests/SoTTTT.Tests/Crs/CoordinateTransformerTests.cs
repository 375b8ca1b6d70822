using NUnit.Framework;
using ProjNet.CoordinateSystems;
using SoTTTT.Core.Crs;

namespace SoTTTT.Tests.Crs;

[TestFixture]
public sealed partial class CoordinateTransformerTests
{
    // Agreement required with PROJ, metres.
    private const double ToleranceM = 0.05;

    private static IEnumerable<TestCaseData> ReferencePairs() =>
        ProjReference.Pairs().Select(p => new TestCaseData(p.From, p.To).SetArgDisplayNames($"EPSG:{p.From}", $"EPSG:{p.To}"));

    // Reference: PROJ 9.1.1 cs2cs (EPSG:6960 between the datums), Fixtures/Crs/proj_reference.csv.
    [TestCaseSource(nameof(ReferencePairs))]
    public void Transform_ProjReferencePoints_MatchesProjWithin5cm(int fromEpsg, int toEpsg)
    {
        var from = CrsRegistry.FromEpsg(fromEpsg)!;
        var to = CrsRegistry.FromEpsg(toEpsg)!;
        var transformer = CoordinateTransformer.Create(from, to);
        var rows = ProjReference.Rows.Where(r => r.FromEpsg == fromEpsg && r.ToEpsg == toEpsg).ToList();

        var errors = rows.Select(r =>
        {
            var (x, y) = transformer.Transform(r.XIn, r.YIn);
            return GroundDistance.Metres(to, r.XOut, r.YOut, x, y);
        }).ToList();

        TestContext.Out.WriteLine($"{from.Name} → {to.Name}: {rows.Count} points, max error {errors.Max():F6} m");
        Assert.That(errors, Has.All.LessThan(ToleranceM));
    }

    // Reference: as above; the inverse direction of every PROJ conversion, through our inverse transformer.
    [TestCaseSource(nameof(ReferencePairs))]
    public void Transform_InverseOfProjReferencePoints_ReturnsProjInputWithin5cm(int fromEpsg, int toEpsg)
    {
        var from = CrsRegistry.FromEpsg(fromEpsg)!;
        var to = CrsRegistry.FromEpsg(toEpsg)!;
        var inverse = CoordinateTransformer.Create(to, from);
        var rows = ProjReference.Rows.Where(r => r.FromEpsg == fromEpsg && r.ToEpsg == toEpsg).ToList();

        var errors = rows.Select(r =>
        {
            var (x, y) = inverse.Transform(r.XOut, r.YOut);
            return GroundDistance.Metres(from, r.XIn, r.YIn, x, y);
        }).ToList();

        TestContext.Out.WriteLine($"{to.Name} → {from.Name}: {rows.Count} points, max error {errors.Max():F6} m");
        Assert.That(errors, Has.All.LessThan(ToleranceM));
    }

    // Reference: PROJ 9.1.1, `cs2cs --area EPSG:3328 -f %.9f EPSG:4756 EPSG:4326` (EPSG:6960, coordinate-frame),
    // input lat lon: 21.03 105.85 (Hà Nội), 9.18 105.15 (Cà Mau), 16.05 108.2 (Đà Nẵng).
    [TestCase(105.85, 21.03, 105.851882673, 21.029014035)]
    [TestCase(105.15, 9.18, 105.151781041, 9.178988662)]
    [TestCase(108.2, 16.05, 108.201821269, 16.048976346)]
    public void Transform_Vn2000ToWgs84_MatchesProjAndNotTheRotationConventionMisreading(
        double lonDeg, double latDeg, double projLonDeg, double projLatDeg)
    {
        // Published coordinate-frame rotations fed unchanged into ProjNet's position-vector TOWGS84.
        var misreading = new Wgs84ConversionInfo(
            Vn2000Datum.DxM, Vn2000Datum.DyM, Vn2000Datum.DzM,
            Vn2000Datum.RxCoordinateFrameArcSec, Vn2000Datum.RyCoordinateFrameArcSec, Vn2000Datum.RzCoordinateFrameArcSec,
            Vn2000Datum.ScalePpm);

        var (lon, lat) = CoordinateTransformer.Create(CrsRegistry.Vn2000, CrsRegistry.Wgs84).Transform(lonDeg, latDeg);
        var (wrongLon, wrongLat) = CoordinateTransformer.Create(CrsRegistry.Vn2000, CrsRegistry.Wgs84, misreading).Transform(lonDeg, latDeg);

        var errorM = GroundDistance.Metres(CrsRegistry.Wgs84, projLonDeg, projLatDeg, lon, lat);
        var misreadingErrorM = GroundDistance.Metres(CrsRegistry.Wgs84, projLonDeg, projLatDeg, wrongLon, wrongLat);
        TestContext.Out.WriteLine($"error {errorM:F4} m; position-vector misreading off by {misreadingErrorM:F3} m");
        Assert.Multiple(() =>
        {
            Assert.That(errorM, Is.LessThan(0.001));
            Assert.That(misreadingErrorM, Is.GreaterThan(0.3));
        });
    }

    private static IEnumerable<TestCaseData> TableZones() =>
        VnProvinceZones.CentralMeridiansDeg.Select(cm => new TestCaseData(cm).SetArgDisplayNames($"VN2000:{cm}"));

    [TestCaseSource(nameof(TableZones))]
    public void Transform_Wgs84ToTm3AndBack_ReturnsStartWithin1e9Deg(double centralMeridianDeg)
    {
        var zone = CrsRegistry.Tm3(centralMeridianDeg);
        var forward = CoordinateTransformer.Create(CrsRegistry.Wgs84, zone);
        var back = CoordinateTransformer.Create(zone, CrsRegistry.Wgs84);
        var maxDeg = 0.0;

        foreach (var (lon, lat) in Grid(centralMeridianDeg - 1.5, centralMeridianDeg + 1.5, 8.5, 23.4, 0.25))
        {
            var (e, n) = forward.Transform(lon, lat);
            var (lon2, lat2) = back.Transform(e, n);
            maxDeg = Math.Max(maxDeg, Math.Max(Math.Abs(lon2 - lon), Math.Abs(lat2 - lat)));
        }

        Assert.That(maxDeg, Is.EqualTo(0).Within(1e-9));
    }

    [Test]
    public void Transform_Vn2000ToWgs84AndBack_ReturnsStartWithin1e9Deg()
    {
        var forward = CoordinateTransformer.Create(CrsRegistry.Vn2000, CrsRegistry.Wgs84);
        var back = forward.Inverse();
        var maxDeg = 0.0;

        foreach (var (lon, lat) in Grid(102.1, 109.5, 8.5, 23.4, 0.25))
        {
            var (lon1, lat1) = forward.Transform(lon, lat);
            var (lon2, lat2) = back.Transform(lon1, lat1);
            maxDeg = Math.Max(maxDeg, Math.Max(Math.Abs(lon2 - lon), Math.Abs(lat2 - lat)));
        }

        Assert.That(maxDeg, Is.EqualTo(0).Within(1e-9));
    }

    [Test]
    public void Transform_BetweenTwoTm3Zones_EqualsTheWayThroughWgs84()
    {
        var from = CrsRegistry.Parse("Hải Dương");
        var to = CrsRegistry.Parse("Hải Phòng");
        var direct = CoordinateTransformer.Create(from, to);
        var toWgs84 = CoordinateTransformer.ToGeographicWgs84(from);
        var fromWgs84 = CoordinateTransformer.Create(CrsRegistry.Wgs84, to);

        var (e, n) = direct.Transform(560_000, 2_320_000);
        var (lon, lat) = toWgs84.Transform(560_000, 2_320_000);
        var (e2, n2) = fromWgs84.Transform(lon, lat);

        Assert.Multiple(() =>
        {
            Assert.That(e, Is.EqualTo(e2).Within(1e-6));
            Assert.That(n, Is.EqualTo(n2).Within(1e-6));
        });
    }

    [Test]
    public void Create_SameCrs_ReturnsCoordinatesUnchanged()
    {
        var transformer = CoordinateTransformer.Create(CrsRegistry.Tm3(105.5), CrsRegistry.Parse("VN2000:105°30'"));

        Assert.That(transformer.Transform(512_345.678, 2_345_678.9), Is.EqualTo((512_345.678, 2_345_678.9)));
    }

    [TestCase("WGS84", "VN2000:105.5")]
    [TestCase("VN2000:105.5", "WGS84")]
    [TestCase("WGS84", "VN2000")]
    [TestCase("VN2000:UTM48", "VN2000:105.75")]
    public void Transform_Arrays_EqualsPointByPoint(string fromName, string toName)
    {
        var transformer = CoordinateTransformer.Create(CrsRegistry.Parse(fromName), CrsRegistry.Parse(toName));
        var (xs, ys) = Inputs(transformer.From, 10_000);
        var expected = xs.Zip(ys, transformer.Transform).ToList();

        transformer.Transform(xs, ys);

        Assert.Multiple(() =>
        {
            Assert.That(xs, Is.EqualTo(expected.Select(p => p.X)).Within(1e-9));
            Assert.That(ys, Is.EqualTo(expected.Select(p => p.Y)).Within(1e-9));
        });
    }

    [Test]
    public void Transform_ArraysOfDifferentLength_Throws()
    {
        var transformer = CoordinateTransformer.Create(CrsRegistry.Wgs84, CrsRegistry.Utm48);

        Assert.That(() => transformer.Transform(new double[3], new double[2]), Throws.ArgumentException);
    }

    [Test]
    public void Transform_ConcurrentCallers_GetTheSequentialResults()
    {
        var transformer = CoordinateTransformer.Create(CrsRegistry.Wgs84, CrsRegistry.Tm3(105.5));
        var (xs, ys) = Inputs(CrsRegistry.Wgs84, 4_000);
        var expected = xs.Zip(ys, transformer.Transform).ToArray();
        var single = new (double X, double Y)[xs.Length];
        var bulk = new (double X, double Y)[xs.Length];

        Parallel.For(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 8 }, block =>
        {
            var start = block * 125;
            var batchXs = xs[start..(start + 125)];
            var batchYs = ys[start..(start + 125)];
            transformer.Transform(batchXs, batchYs);
            for (var i = 0; i < 125; i++)
            {
                bulk[start + i] = (batchXs[i], batchYs[i]);
                single[start + i] = transformer.Transform(xs[start + i], ys[start + i]);
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(single, Is.EqualTo(expected));
            Assert.That(bulk.Select(p => p.X), Is.EqualTo(expected.Select(p => p.X)).Within(1e-9));
            Assert.That(bulk.Select(p => p.Y), Is.EqualTo(expected.Select(p => p.Y)).Within(1e-9));
        });
    }

    private static IEnumerable<(double Lon, double Lat)> Grid(double west, double east, double south, double north, double step)
    {
        for (var lon = west; lon <= east + 1e-9; lon += step)
        {
            for (var lat = south; lat <= north + 1e-9; lat += step)
            {
                yield return (lon, lat);
            }
        }
    }

    // Deterministic points over Vietnam in the given CRS.
    private static (double[] Xs, double[] Ys) Inputs(CrsDefinition crs, int count)
    {
        var random = new Random(20250101);
        var xs = new double[count];
        var ys = new double[count];
        var toCrs = CoordinateTransformer.Create(CrsRegistry.Wgs84, crs);
        for (var i = 0; i < count; i++)
        {
            var cm = crs.CentralMeridianDeg ?? 105.8;
            var halfWidth = crs.IsGeographic ? 3.7 : 1.5;
            (xs[i], ys[i]) = toCrs.Transform(cm + (((random.NextDouble() * 2) - 1) * halfWidth), 8.5 + (random.NextDouble() * 14.9));
        }

        return (xs, ys);
    }
}
