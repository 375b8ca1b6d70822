using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;
using SoTTTT.Core.Validation;

namespace SoTTTT.Tests.Terrain;

public sealed class TerrainProfilerTests
{
    private static readonly CrsDefinition Zone = CrsRegistry.Tm3(103);

    [Test]
    public void Sampling_ExactMultipleOfSpacing_ThatManyIntervals()
    {
        var profiler = new TerrainProfiler(Plane(Zone, 30), Zone, 30);

        var sampling = profiler.Sampling(3_000);

        Assert.Multiple(() =>
        {
            Assert.That(sampling.Points, Is.EqualTo(101));
            Assert.That(sampling.StepM, Is.EqualTo(30).Within(1e-12));
            Assert.That(sampling.DistanceM, Is.EqualTo(3_000).Within(1e-9));
        });
    }

    [Test]
    public void Sampling_NotAMultiple_StepJustBelowSpacing()
    {
        var profiler = new TerrainProfiler(Plane(Zone, 30), Zone, 30);

        var sampling = profiler.Sampling(3_010);

        Assert.Multiple(() =>
        {
            Assert.That(sampling.Points, Is.EqualTo(102));
            Assert.That(sampling.StepM, Is.EqualTo(3_010.0 / 101).Within(1e-12));
        });
    }

    [Test]
    public void Constructor_DefaultSpacing_DemResolution()
    {
        Assert.That(new TerrainProfiler(Plane(Zone, 25), Zone).SampleSpacingM, Is.EqualTo(25));
    }

    [Test]
    public void Extract_PlaneInAnalysisCrs_ValuesOnThePlane()
    {
        var dem = Plane(Zone, 30);
        var profiler = new TerrainProfiler(dem, Zone, 30);

        var profile = profiler.Extract(501_000, 2_321_000, 508_000, 2_325_500).Profile!;

        Assert.That(profile.DistanceM, Is.EqualTo(Math.Sqrt((7_000.0 * 7_000) + (4_500.0 * 4_500))).Within(1e-6));
        for (var i = 0; i < profile.Points; i++)
        {
            var t = i / (double)(profile.Points - 1);
            var expected = PlaneZ(501_000 + (7_000 * t), 2_321_000 + (4_500 * t));
            Assert.That(profile.ElevationsM[i], Is.EqualTo(expected).Within(0.01), $"sample {i}");
        }
    }

    [Test]
    public void Extract_GeographicDem_SameAsConvertingEverySample()
    {
        // A 1″ WGS84 DEM of the plane z = 200 + 3000 (lon − 103.1) + 2000 (lat − 21.1), about 0.03 m/m: bilinear
        // interpolation reproduces it, so the profile shows where each sample landed after the knot interpolation.
        var second = 1.0 / 3600;
        var columns = 900;
        var rows = 900;
        var values = new float[columns * rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var lon = 103 + ((c + 0.5) * second);
                var lat = 21.25 - ((r + 0.5) * second);
                values[(r * columns) + c] = (float)GeoZ(lon, lat);
            }
        }

        var dem = new ElevationGrid(new GridGeometry(CrsRegistry.Wgs84, 103, 21.25, second, second, columns, rows), values);
        var profiler = new TerrainProfiler(dem, Zone);
        var toWgs84 = CoordinateTransformer.Create(Zone, CrsRegistry.Wgs84);
        var (x0, y0) = CoordinateTransformer.Create(CrsRegistry.Wgs84, Zone).Transform(103.02, 21.03);
        var (x1, y1) = (x0 + 19_500, y0 + 11_300);

        var profile = profiler.Extract(x0, y0, x1, y1).Profile!;

        Assert.That(profile.StepM, Is.LessThanOrEqualTo(profiler.SampleSpacingM));
        var worst = 0.0;
        for (var i = 0; i < profile.Points; i++)
        {
            var t = i / (double)(profile.Points - 1);
            var (lon, lat) = toWgs84.Transform(x0 + ((x1 - x0) * t), y0 + ((y1 - y0) * t));
            worst = Math.Max(worst, Math.Abs(profile.ElevationsM[i] - GeoZ(lon, lat)));
        }

        // The plane rises 0.03 m per metre: 3e-4 m here is a sample 1 cm off its exact position.
        Assert.That(worst, Is.LessThan(3e-4));
    }

    [Test]
    public void Fill_PathLeavesDem_OutsideExtentAtFirstSampleOutside()
    {
        var profiler = new TerrainProfiler(Plane(Zone, 30), Zone, 30);
        var buffer = new double[1000];

        // The DEM spans x 500000–512000; the path runs east from 511000 to 513000.
        var problem = profiler.Fill(511_000, 2_322_000, 513_000, 2_322_000, buffer, out _);

        Assert.Multiple(() =>
        {
            Assert.That(problem!.Code, Is.EqualTo(ProblemCodes.DemOutsideExtent));
            Assert.That(problem.X, Is.EqualTo(511_000 + (34 * 2_000.0 / 67)).Within(1e-6), "first sample past 512000: 2000 m in 67 intervals of 29.85 m, the 34th");
            Assert.That(problem.DistanceM, Is.EqualTo(problem.X - 511_000).Within(1e-6));
        });
    }

    [Test]
    public void Fill_PathCrossesVoid_NoData()
    {
        var values = Plane(Zone, 30).Values.ToArray();
        values[(200 * 400) + 100] = float.NaN;
        var dem = new ElevationGrid(Plane(Zone, 30).Geometry, values);
        var profiler = new TerrainProfiler(dem, Zone, 30);
        var voidY = 2_330_000 - (200.5 * 30);

        var problem = profiler.Fill(500_000 + (100.5 * 30) - 1_000, voidY, 500_000 + (100.5 * 30) + 1_000, voidY, new double[100], out _);

        Assert.Multiple(() =>
        {
            Assert.That(problem!.Code, Is.EqualTo(ProblemCodes.DemNoData));
            Assert.That(problem.X, Is.EqualTo(500_000 + (100.5 * 30) - 30).Within(30), "the sample next to the void pixel");
        });
    }

    [Test]
    public void Fill_BufferTooShort_Throws()
    {
        var profiler = new TerrainProfiler(Plane(Zone, 30), Zone, 30);

        Assert.That(() => profiler.Fill(501_000, 2_321_000, 502_000, 2_321_000, new double[10], out _), Throws.ArgumentException);
    }

    [Test]
    public void FillRadial_East_SameAsFillToTheEndPoint()
    {
        var profiler = new TerrainProfiler(Plane(Zone, 30), Zone, 30);
        var radial = new double[200];
        var line = new double[200];

        profiler.FillRadial(501_000, 2_321_000, 90, 3_000, radial, out var radialSampling);
        profiler.Fill(501_000, 2_321_000, 504_000, 2_321_000, line, out var lineSampling);

        Assert.Multiple(() =>
        {
            Assert.That(radialSampling, Is.EqualTo(lineSampling));
            Assert.That(radial[..radialSampling.Points], Is.EqualTo(line[..lineSampling.Points]).Within(1e-9));
        });
    }

    [Test]
    public void ElevationAt_Outside_NaN()
    {
        var profiler = new TerrainProfiler(Plane(Zone, 30), Zone);

        Assert.Multiple(() =>
        {
            Assert.That(profiler.ElevationAt(505_000, 2_325_000), Is.EqualTo(PlaneZ(505_000, 2_325_000)).Within(0.01));
            Assert.That(profiler.ElevationAt(400_000, 2_325_000), Is.NaN);
        });
    }

    /// <summary>A 400 × 400 grid of <paramref name="cellM"/> m from (500000, 2330000) holding <see cref="PlaneZ"/>.</summary>
    private static ElevationGrid Plane(CrsDefinition crs, double cellM)
    {
        var values = new float[400 * 400];
        for (var r = 0; r < 400; r++)
        {
            for (var c = 0; c < 400; c++)
            {
                values[(r * 400) + c] = (float)PlaneZ(500_000 + ((c + 0.5) * cellM), 2_330_000 - ((r + 0.5) * cellM));
            }
        }

        return new ElevationGrid(new GridGeometry(crs, 500_000, 2_330_000, cellM, cellM, 400, 400), values);
    }

    private static double PlaneZ(double x, double y) => 300 + (0.02 * (x - 500_000)) - (0.01 * (y - 2_320_000));

    private static double GeoZ(double lon, double lat) => 200 + (3000 * (lon - 103.1)) + (2000 * (lat - 21.1));
}
