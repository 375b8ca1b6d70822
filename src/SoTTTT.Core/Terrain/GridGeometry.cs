using SoTTTT.Core.Crs;

namespace SoTTTT.Core.Terrain;

/// <summary>
/// Where a north-up raster lies: its CRS, the upper-left corner of its upper-left pixel and the pixel size, the
/// convention of GeoTIFF's PixelIsArea and of GDAL's geotransform. Pixel (row r, column c) covers
/// x ∈ [OriginX + c·PixelWidth, OriginX + (c+1)·PixelWidth] and y ∈ [OriginY − (r+1)·PixelHeight, OriginY − r·PixelHeight];
/// its value stands for its centre. Row 0 is the northern (top) row.
/// </summary>
/// <param name="Crs">The raster's CRS; coordinates are in its units (degrees lon/lat or metres easting/northing).</param>
/// <param name="OriginX">x of the western edge of column 0 (longitude or easting).</param>
/// <param name="OriginY">y of the northern edge of row 0 (latitude or northing).</param>
/// <param name="PixelWidth">Pixel size along x, positive, in the CRS's units.</param>
/// <param name="PixelHeight">Pixel size along y, positive (rows go south), in the CRS's units.</param>
/// <param name="Columns">Number of columns, ≥ 1.</param>
/// <param name="Rows">Number of rows, ≥ 1.</param>
public sealed record GridGeometry(CrsDefinition Crs, double OriginX, double OriginY, double PixelWidth, double PixelHeight, int Columns, int Rows)
{
    /// <summary>x of the eastern edge.</summary>
    public double MaxX => OriginX + (Columns * PixelWidth);

    /// <summary>y of the southern edge.</summary>
    public double MinY => OriginY - (Rows * PixelHeight);

    /// <summary>Number of pixels.</summary>
    public long Cells => (long)Columns * Rows;

    /// <summary>Throws when the geometry is not usable (programmer error): non-finite numbers, non-positive sizes or counts.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Crs);
        if (!double.IsFinite(OriginX) || !double.IsFinite(OriginY))
        {
            throw new ArgumentException($"The origin ({OriginX}, {OriginY}) must be finite.");
        }

        if (!(double.IsFinite(PixelWidth) && PixelWidth > 0 && double.IsFinite(PixelHeight) && PixelHeight > 0))
        {
            throw new ArgumentException($"The pixel size ({PixelWidth} × {PixelHeight}) must be positive and finite.");
        }

        if (Columns < 1 || Rows < 1)
        {
            throw new ArgumentException($"A raster needs at least one column and one row ({Columns} × {Rows}).");
        }
    }

    /// <summary>True when (x, y) lies in the raster's extent (pixel edges included).</summary>
    public bool Contains(double x, double y) => x >= OriginX && x <= MaxX && y <= OriginY && y >= MinY;

    /// <summary>x of the centre of column <paramref name="column"/>.</summary>
    public double CenterX(int column) => OriginX + ((column + 0.5) * PixelWidth);

    /// <summary>y of the centre of row <paramref name="row"/>.</summary>
    public double CenterY(int row) => OriginY - ((row + 0.5) * PixelHeight);
}
