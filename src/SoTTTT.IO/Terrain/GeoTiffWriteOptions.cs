namespace SoTTTT.IO.Terrain;

/// <summary>How <see cref="GeoTiffWriter"/> lays out a file.</summary>
public sealed record GeoTiffWriteOptions
{
    /// <summary>Tiles of <see cref="TileSize"/> × <see cref="TileSize"/> pixels instead of strips (better for large rasters viewed in QGIS).</summary>
    public bool Tiled { get; init; }

    /// <summary>Tile width and height in pixels, a multiple of 16 (TIFF 6.0 requires it); default 256.</summary>
    public int TileSize { get; init; } = 256;

    /// <summary>Rows per strip for striped files; 0 chooses about 64 KiB per strip.</summary>
    public int RowsPerStrip { get; init; }

    /// <summary>Deflate compression (TIFF compression 8, which GDAL and QGIS read); false writes uncompressed.</summary>
    public bool Deflate { get; init; } = true;

    /// <summary>
    /// The no-data value written to GDAL_NODATA (tag 42113). Float32: NaN pixels are written as this value; null
    /// (the default) keeps NaN and writes <c>nan</c>. Int16: the value that marks missing pixels; null writes no tag.
    /// </summary>
    public double? NoData { get; init; }
}
