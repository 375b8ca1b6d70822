using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;

namespace SoTTTT.Tests.Terrain;

public sealed class ElevationGridTests
{
    //  y (northing)
    //  2000 ┌──────┬──────┬──────┐   row 0: 10  20  30
    //       │  10  │  20  │  30  │   row 1: 40  NaN 60
    //  1900 ├──────┼──────┼──────┤
    //       │  40  │ NaN  │  60  │   pixel 100 m, origin (500000, 2000)
    //  1800 └──────┴──────┴──────┘
    //     500000 500100 500200 500300  x (easting)
    private static readonly ElevationGrid Grid = new(
        new GridGeometry(CrsRegistry.Tm3(105.5), 500_000, 2_000, 100, 100, 3, 2),
        [10, 20, 30, 40, float.NaN, 60]);

    [Test]
    public void Sample_AtPixelCentre_PixelValue()
    {
        Assert.That(Grid.Sample(500_050, 1_950), Is.EqualTo(10));
    }

    [Test]
    public void Sample_BetweenCentres_Bilinear()
    {
        // Between the centres of (0,1) = 20 and (0,2) = 30, a quarter of the way: 22.5.
        Assert.That(Grid.Sample(500_175, 1_950), Is.EqualTo(22.5).Within(1e-12));
    }

    [Test]
    public void Sample_InBorderHalfPixel_ClampedToEdge()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Grid.Sample(500_000, 2_000), Is.EqualTo(10), "upper-left corner of the extent");
            Assert.That(Grid.Sample(500_300, 1_975), Is.EqualTo(30), "eastern edge, upper half of row 0");
        });
    }

    [TestCase(499_999.9, 1_950.0)]
    [TestCase(500_300.1, 1_950.0)]
    [TestCase(500_050.0, 2_000.1)]
    [TestCase(500_050.0, 1_799.9)]
    public void Sample_OutsideExtent_NaN(double x, double y)
    {
        Assert.That(Grid.Sample(x, y), Is.NaN);
    }

    [Test]
    public void Sample_NextToNoDataPixel_NaNOnlyWhereItContributes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Grid.Sample(500_100, 1_900), Is.NaN, "between four centres, one without data");
            Assert.That(Grid.Sample(500_250, 1_850), Is.EqualTo(60), "centre of a pixel beside the void");
            Assert.That(Grid.Sample(500_050, 1_875), Is.EqualTo(32.5).Within(1e-12), "between 10 and 40 along column 0");
        });
    }

    [Test]
    public void Constructor_WrongValueCount_Throws()
    {
        Assert.That(() => new ElevationGrid(Grid.Geometry, new float[5]), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_CountsNoData()
    {
        Assert.That(Grid.NoDataCells, Is.EqualTo(1));
    }

    [Test]
    public void PixelSizeM_OneArcSecondAt21North_MatchesGeodesicLengths()
    {
        // Reference: PROJ 9.1 geod +ellps=WGS84 -I: 1″ of longitude at 21° N = 28.881 m, 1″ of latitude = 30.755 m.
        var second = 1.0 / 3600;
        var grid = new ElevationGrid(new GridGeometry(CrsRegistry.Wgs84, 103, 21 + second, second, second, 1, 2), [0, 0]);

        var (x, y) = grid.PixelSizeM();

        Assert.Multiple(() =>
        {
            Assert.That(x, Is.EqualTo(28.881).Within(0.002));
            Assert.That(y, Is.EqualTo(30.755).Within(0.002));
        });
    }
}
