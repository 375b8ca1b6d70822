using System.Globalization;
using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.Terrain;

/// <summary>
/// Writes single-band GeoTIFF rasters (Float32 or Int16, striped or tiled, Deflate or uncompressed) that GDAL and QGIS
/// open in place with their CRS and extent: ModelPixelScale + ModelTiepoint (PixelIsArea, upper-left corner of the
/// upper-left pixel), a GeoKeyDirectory for the CRS (OGC 19-008r4) and GDAL_NODATA. CRSs with an EPSG code (WGS84,
/// VN-2000, the VN-2000 zones of <see cref="CrsRegistry.FromEpsg"/>, WGS 84 / UTM) are written by code;
/// VN-2000 TM-3 zones without one as a user-defined transverse Mercator on the VN-2000 datum (EPSG:4756), k0 0.9999,
/// false easting 500 km. The file is built beside the target and moved over it when complete. I/O failures throw.
/// </summary>
public static class GeoTiffWriter
{
    /// <summary>Writes a DEM as Float32 elevations in metres (NaN for no data, see <see cref="GeoTiffWriteOptions.NoData"/>).</summary>
    public static void Write(string path, ElevationGrid dem, GeoTiffWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dem);
        WriteFloat32(path, dem.Geometry, dem.Values, options);
    }

    /// <summary>Writes Float32 values, row-major from the northern row.</summary>
    public static void WriteFloat32(string path, GridGeometry geometry, ReadOnlySpan<float> values, GeoTiffWriteOptions? options = null)
    {
        options ??= new GeoTiffWriteOptions();
        var noData = options.NoData;
        var data = values.ToArray();
        if (noData is { } nd && !double.IsNaN(nd))
        {
            var marker = (float)nd;
            for (var i = 0; i < data.Length; i++)
            {
                if (float.IsNaN(data[i]))
                {
                    data[i] = marker;
                }
            }
        }

        Write(path, geometry, MemoryMarshal.AsBytes(data.AsSpan()).ToArray(), 32, SampleFormat.IEEEFP, noData ?? double.NaN, options);
    }

    /// <summary>Writes Int16 values, row-major from the northern row.</summary>
    public static void WriteInt16(string path, GridGeometry geometry, ReadOnlySpan<short> values, GeoTiffWriteOptions? options = null)
    {
        options ??= new GeoTiffWriteOptions();
        Write(path, geometry, MemoryMarshal.AsBytes(values).ToArray(), 16, SampleFormat.INT, options.NoData, options);
    }

    /// <summary>
    /// Writes a tiled UInt8 raster tile by tile: <paramref name="tile"/> gives tile (column, row) — row 0 northernmost,
    /// <see cref="GeoTiffWriteOptions.TileSize"/>² bytes row-major from its northern row — or null for a tile that is all
    /// no data, which is left out of the file (a sparse tile: offset and byte count 0, read by GDAL as no data). So a
    /// national grid is written without holding it whole in memory. <paramref name="geometry"/> must span whole tiles.
    /// </summary>
    public static void WriteUInt8Tiles(string path, GridGeometry geometry, Func<int, int, byte[]?> tile, GeoTiffWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(tile);
        var size = options.TileSize;
        if (geometry.Columns % size != 0 || geometry.Rows % size != 0)
        {
            throw new ArgumentException($"A {geometry.Columns} × {geometry.Rows} raster is not made of whole {size}-pixel tiles.", nameof(geometry));
        }

        WriteFile(path, geometry, 8, SampleFormat.UINT, options.NoData, options with { Tiled = true }, tif =>
        {
            for (var row = 0; row < geometry.Rows / size; row++)
            {
                for (var column = 0; column < geometry.Columns / size; column++)
                {
                    if (tile(column, row) is not { } bytes)
                    {
                        continue;
                    }

                    if (bytes.Length != size * size)
                    {
                        throw new ArgumentException($"tile ({column}, {row}) has {bytes.Length} bytes, not {size * size}");
                    }

                    if (tif.WriteEncodedTile(tif.ComputeTile(column * size, row * size, 0, 0), bytes, bytes.Length) < 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    private static void Write(string path, GridGeometry geometry, byte[] pixels, int bits, SampleFormat format, double? noData, GeoTiffWriteOptions options)
    {
        var bytes = bits / 8;
        if (pixels.LongLength != geometry.Cells * bytes)
        {
            throw new ArgumentException($"{pixels.LongLength / bytes} values for a {geometry.Columns} × {geometry.Rows} raster.");
        }

        WriteFile(path, geometry, bits, format, noData, options, tif =>
            options.Tiled ? WriteTiles(tif, geometry, pixels, bytes, options.TileSize) : WriteStrips(tif, geometry, pixels, bytes));
    }

    private static void WriteFile(string path, GridGeometry geometry, int bits, SampleFormat format, double? noData, GeoTiffWriteOptions options, Func<Tiff, bool> body)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(geometry);
        geometry.Validate();
        if (options.Tiled && (options.TileSize < 16 || options.TileSize % 16 != 0))
        {
            throw new ArgumentException($"The tile size ({options.TileSize}) must be a positive multiple of 16.", nameof(options));
        }

        var full = Path.GetFullPath(path);
        var temp = AtomicFile.TempPath(full);
        GeoTiffTags.EnsureRegistered();
        GeoTiffTags.BeginMessages();
        try
        {
            using (var tif = Tiff.Open(temp, "w") ?? throw new IOException($"{path}: cannot create the file{Messages()}"))
            {
                WriteTags(tif, geometry, bits, format, noData, options);
                if (!body(tif) || !tif.Flush())
                {
                    throw new IOException($"{path}: writing the raster failed{Messages()}");
                }
            }

            Writing.WriteGate.ThrowIfClosed();
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            GeoTiffTags.EndMessages();
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string Messages()
    {
        var messages = GeoTiffTags.EndMessages();
        GeoTiffTags.BeginMessages();
        return messages.Count == 0 ? string.Empty : " (" + string.Join("; ", messages.Take(3)) + ")";
    }

    private static void WriteTags(Tiff tif, GridGeometry geometry, int bits, SampleFormat format, double? noData, GeoTiffWriteOptions options)
    {
        tif.SetField(TiffTag.IMAGEWIDTH, geometry.Columns);
        tif.SetField(TiffTag.IMAGELENGTH, geometry.Rows);
        tif.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tif.SetField(TiffTag.BITSPERSAMPLE, bits);
        tif.SetField(TiffTag.SAMPLEFORMAT, format);
        tif.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tif.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tif.SetField(TiffTag.COMPRESSION, options.Deflate ? Compression.ADOBE_DEFLATE : Compression.NONE);
        if (options.Tiled)
        {
            tif.SetField(TiffTag.TILEWIDTH, options.TileSize);
            tif.SetField(TiffTag.TILELENGTH, options.TileSize);
        }
        else
        {
            var rowBytes = geometry.Columns * (bits / 8);
            var rows = options.RowsPerStrip > 0 ? options.RowsPerStrip : Math.Max(1, 65_536 / rowBytes);
            tif.SetField(TiffTag.ROWSPERSTRIP, Math.Min(rows, geometry.Rows));
        }

        tif.SetField(GeoTiffTags.ModelPixelScale, 3, new[] { geometry.PixelWidth, geometry.PixelHeight, 0.0 });
        tif.SetField(GeoTiffTags.ModelTiepoint, 6, new[] { 0.0, 0.0, 0.0, geometry.OriginX, geometry.OriginY, 0.0 });
        var (keys, doubles, ascii) = Keys(geometry.Crs);
        tif.SetField(GeoTiffTags.GeoKeyDirectory, keys.Length, keys);
        if (doubles.Length > 0)
        {
            tif.SetField(GeoTiffTags.GeoDoubleParams, doubles.Length, doubles);
        }

        tif.SetField(GeoTiffTags.GeoAsciiParams, ascii);
        if (noData is { } nd)
        {
            tif.SetField(GeoTiffTags.GdalNoData, double.IsNaN(nd) ? "nan" : nd.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The GeoKeyDirectory, GeoDoubleParams and GeoAsciiParams of a CRS.</summary>
    private static (short[] Keys, double[] Doubles, string Ascii) Keys(CrsDefinition crs)
    {
        var citation = CrsWkt.Title(crs) + "|";
        var entries = new List<(ushort Id, ushort Location, ushort Count, ushort Value)>();
        var doubles = new List<double>();
        void Short(ushort id, ushort value) => entries.Add((id, 0, 1, value));
        void Double(ushort id, double value)
        {
            entries.Add((id, (ushort)GeoTiffTags.GeoDoubleParams, 1, (ushort)doubles.Count));
            doubles.Add(value);
        }

        if (crs.IsGeographic)
        {
            Short(GeoTiffTags.GTModelTypeGeoKey, GeoTiffTags.ModelTypeGeographic);
            Short(GeoTiffTags.GTRasterTypeGeoKey, GeoTiffTags.RasterPixelIsArea);
            entries.Add((GeoTiffTags.GeogCitationGeoKey, (ushort)GeoTiffTags.GeoAsciiParams, (ushort)citation.Length, 0));
            Short(GeoTiffTags.GeographicTypeGeoKey, (ushort)(crs.IsVn2000 ? 4756 : 4326));
            Short(GeoTiffTags.GeogAngularUnitsGeoKey, GeoTiffTags.AngularDegree);
        }
        else
        {
            Short(GeoTiffTags.GTModelTypeGeoKey, GeoTiffTags.ModelTypeProjected);
            Short(GeoTiffTags.GTRasterTypeGeoKey, GeoTiffTags.RasterPixelIsArea);
            entries.Add((GeoTiffTags.GTCitationGeoKey, (ushort)GeoTiffTags.GeoAsciiParams, (ushort)citation.Length, 0));
            if (crs.Epsg is { } epsg)
            {
                Short(GeoTiffTags.ProjectedCSTypeGeoKey, (ushort)epsg);
            }
            else
            {
                Short(GeoTiffTags.GeographicTypeGeoKey, (ushort)(crs.IsVn2000 ? 4756 : 4326));
                Short(GeoTiffTags.ProjectedCSTypeGeoKey, GeoTiffTags.UserDefined);
                Short(GeoTiffTags.ProjectionGeoKey, GeoTiffTags.UserDefined);
                Short(GeoTiffTags.ProjCoordTransGeoKey, GeoTiffTags.TransverseMercator);
                Short(GeoTiffTags.ProjLinearUnitsGeoKey, GeoTiffTags.LinearMetre);
                Double(GeoTiffTags.ProjNatOriginLongGeoKey, crs.CentralMeridianDeg!.Value);
                Double(GeoTiffTags.ProjNatOriginLatGeoKey, 0);
                Double(GeoTiffTags.ProjFalseEastingGeoKey, crs.FalseEastingM);
                Double(GeoTiffTags.ProjFalseNorthingGeoKey, 0);
                Double(GeoTiffTags.ProjScaleAtNatOriginGeoKey, crs.ScaleFactor!.Value);
            }

            if (crs.Epsg is not null)
            {
                Short(GeoTiffTags.ProjLinearUnitsGeoKey, GeoTiffTags.LinearMetre);
            }
        }

        // Keys must be sorted by id (OGC 19-008r4, §7.1.3).
        entries.Sort((a, b) => a.Id.CompareTo(b.Id));
        var keys = new List<short> { 1, 1, 0, (short)entries.Count };
        foreach (var (id, location, count, value) in entries)
        {
            keys.Add((short)id);
            keys.Add((short)location);
            keys.Add((short)count);
            keys.Add((short)value);
        }

        return (keys.ToArray(), doubles.ToArray(), citation);
    }

    private static bool WriteStrips(Tiff tif, GridGeometry geometry, byte[] pixels, int bytes)
    {
        var rowsPerStrip = tif.GetField(TiffTag.ROWSPERSTRIP)[0].ToInt();
        var rowBytes = geometry.Columns * bytes;
        var strip = 0;
        for (var row = 0; row < geometry.Rows; row += rowsPerStrip, strip++)
        {
            var rows = Math.Min(rowsPerStrip, geometry.Rows - row);
            var buffer = new byte[rows * rowBytes];
            Buffer.BlockCopy(pixels, row * rowBytes, buffer, 0, buffer.Length);
            if (tif.WriteEncodedStrip(strip, buffer, buffer.Length) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool WriteTiles(Tiff tif, GridGeometry geometry, byte[] pixels, int bytes, int tileSize)
    {
        var tile = new byte[tileSize * tileSize * bytes];
        var rowBytes = geometry.Columns * bytes;
        for (var y = 0; y < geometry.Rows; y += tileSize)
        {
            for (var x = 0; x < geometry.Columns; x += tileSize)
            {
                Array.Clear(tile);
                var rows = Math.Min(tileSize, geometry.Rows - y);
                var columns = Math.Min(tileSize, geometry.Columns - x);
                for (var r = 0; r < rows; r++)
                {
                    Buffer.BlockCopy(pixels, ((y + r) * rowBytes) + (x * bytes), tile, r * tileSize * bytes, columns * bytes);
                }

                if (tif.WriteEncodedTile(tif.ComputeTile(x, y, 0, 0), tile, tile.Length) < 0)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
