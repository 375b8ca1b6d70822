using SoTTTT.Core.Crs;

namespace SoTTTT.Core.Terrain;

/// <summary>
/// A digital elevation model: an immutable north-up grid of ground elevations in metres above mean sea level, in its
/// own CRS (<see cref="GridGeometry"/>). Missing values (the file's no-data value) are NaN and are never replaced by
/// a guess: a sample that needs one is NaN, and <see cref="TerrainProfiler"/> reports it as a problem (DOMAIN.md:
/// missing inputs must fail loudly, never silently assume sea level).
/// </summary>
public sealed class ElevationGrid
{
    private readonly float[] _elevations;

    /// <summary>A grid over <paramref name="geometry"/>; <paramref name="elevationsM"/> is copied, row-major from the northern row.</summary>
    /// <param name="geometry">Where the grid lies.</param>
    /// <param name="elevationsM">Rows × Columns elevations in metres, NaN for no data.</param>
    /// <exception cref="ArgumentException">The geometry is invalid or the value count does not match it.</exception>
    public ElevationGrid(GridGeometry geometry, ReadOnlySpan<float> elevationsM)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        geometry.Validate();
        if (elevationsM.Length != geometry.Cells)
        {
            throw new ArgumentException($"{elevationsM.Length} elevations for a {geometry.Columns} × {geometry.Rows} grid.", nameof(elevationsM));
        }

        Geometry = geometry;
        _elevations = elevationsM.ToArray();
        var noData = 0L;
        foreach (var z in _elevations)
        {
            if (float.IsNaN(z))
            {
                noData++;
            }
        }

        NoDataCells = noData;
    }

    /// <summary>Where the grid lies.</summary>
    public GridGeometry Geometry { get; }

    /// <summary>The grid's CRS.</summary>
    public CrsDefinition Crs => Geometry.Crs;

    /// <summary>Number of columns.</summary>
    public int Columns => Geometry.Columns;

    /// <summary>Number of rows.</summary>
    public int Rows => Geometry.Rows;

    /// <summary>Number of no-data (NaN) cells.</summary>
    public long NoDataCells { get; }

    /// <summary>All elevations in metres, row-major from the northern row, NaN for no data.</summary>
    public ReadOnlySpan<float> Values => _elevations;

    /// <summary>The elevation of one pixel in metres; NaN for no data.</summary>
    public float this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
            {
                throw new ArgumentOutOfRangeException(nameof(row), $"Pixel ({row}, {column}) is outside the {Rows} × {Columns} grid.");
            }

            return _elevations[((long)row * Columns) + column];
        }
    }

    /// <summary>
    /// The elevation in metres at (x, y) in the grid's CRS by bilinear interpolation between the four nearest pixel
    /// centres (in the half pixel along the border, between the two nearest, i.e. clamped to the edge). NaN when the
    /// point lies outside the extent or a pixel that contributes to the value has no data.
    /// </summary>
    public double Sample(double x, double y)
    {
        var g = Geometry;
        var fx = ((x - g.OriginX) / g.PixelWidth) - 0.5;
        var fy = ((g.OriginY - y) / g.PixelHeight) - 0.5;
        return SamplePixel(fx, fy);
    }

    /// <summary>
    /// As <see cref="Sample"/> at fractional pixel coordinates: <paramref name="column"/> = 0 is the centre of column 0,
    /// <paramref name="row"/> = 0 the centre of row 0 (so the extent is −0.5 … Columns − 0.5 and −0.5 … Rows − 0.5).
    /// </summary>
    public double SamplePixel(double column, double row)
    {
        if (!(column >= -0.5 && column <= Columns - 0.5 && row >= -0.5 && row <= Rows - 0.5))
        {
            return double.NaN;
        }

        var cx = Math.Clamp(column, 0, Columns - 1);
        var cy = Math.Clamp(row, 0, Rows - 1);
        var c0 = Math.Min((int)cx, Columns - 1);
        var r0 = Math.Min((int)cy, Rows - 1);
        var tx = cx - c0;
        var ty = cy - r0;
        var c1 = tx > 0 ? c0 + 1 : c0;
        var r1 = ty > 0 ? r0 + 1 : r0;
        var rowA = (long)r0 * Columns;
        var rowB = (long)r1 * Columns;
        double z00 = _elevations[rowA + c0], z01 = _elevations[rowA + c1], z10 = _elevations[rowB + c0], z11 = _elevations[rowB + c1];
        // NaN propagates: any contributing pixel without data makes the sample NaN.
        var top = z00 + ((z01 - z00) * tx);
        var bottom = z10 + ((z11 - z10) * tx);
        return top + ((bottom - top) * ty);
    }

    /// <summary>
    /// The pixel size in metres along x and y near the grid's centre: the pixel size itself for a projected CRS; for a
    /// geographic one the length of the pixel's sides on the WGS84 ellipsoid at the central latitude.
    /// </summary>
    public (double XM, double YM) PixelSizeM()
    {
        var g = Geometry;
        if (!g.Crs.IsGeographic)
        {
            return (g.PixelWidth, g.PixelHeight);
        }

        const double a = 6_378_137.0;
        const double e2 = 0.00669437999014;
        var lat = (g.OriginY - (g.Rows * g.PixelHeight / 2)) * Math.PI / 180;
        var s = Math.Sin(lat);
        var w = Math.Sqrt(1 - (e2 * s * s));
        var meridian = a * (1 - e2) / (w * w * w);
        var primeVertical = a / w;
        var perDegree = Math.PI / 180;
        return (g.PixelWidth * perDegree * primeVertical * Math.Cos(lat), g.PixelHeight * perDegree * meridian);
    }
}
