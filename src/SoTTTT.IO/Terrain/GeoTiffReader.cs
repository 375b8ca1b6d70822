using System.Globalization;
using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Terrain;

/// <summary>
/// Reads a single-band GeoTIFF DEM (SRTM, ALOS AW3D30, Copernicus GLO-30 as distributed, or any file GDAL writes)
/// into an <see cref="ElevationGrid"/>, with BitMiracle.LibTiff.NET for the TIFF structure and the GeoTIFF tags read
/// here (OGC GeoTIFF Standard 1.1, OGC 19-008r4):
/// <list type="bullet">
/// <item>striped or tiled, any compression LibTiff.NET decodes (none, LZW, Deflate, PackBits), either byte order;
/// samples UInt8, Int16, UInt16, Int32, Float32 or Float64 (elevations in metres; kept as Float32);</item>
/// <item>GDAL_NODATA (tag 42113): pixels equal to it become NaN (no data); NaN pixels of float files are no data
/// anyway; without the tag no value is taken for a void;</item>
/// <item>georeferencing by ModelPixelScale (33550) + one ModelTiepoint (33922), or a ModelTransformation (34264)
/// without rotation; GTRasterTypeGeoKey PixelIsPoint moves the origin half a pixel up-left, as GDAL does;</item>
/// <item>CRS by GeoKeyDirectory (34735): GeographicTypeGeoKey 4326 (WGS84) or 4756 (VN-2000);
/// ProjectedCSTypeGeoKey 32601–32660 (WGS 84 / UTM north) or a VN-2000 code of <see cref="CrsRegistry.FromEpsg"/>
/// (3405, 3406, 5896–5899, 9205–9218); or a user-defined transverse Mercator (ProjCoordTransGeoKey 1) on WGS84 or
/// VN-2000 that is a TM-3 zone (k0 0.9999), a VN-2000 UTM zone or a WGS84 UTM zone, false easting 500 km; VN-2000
/// may also be a user-defined datum on the WGS84 ellipsoid with the TOWGS84 of Decision 05/2007/QĐ-BTNMT
/// (GeogTOWGS84GeoKey, as GDAL writes a PROJ string with <c>+towgs84</c>).</item>
/// </list>
/// Anything else gives a problem naming the file and the tag or key — <see cref="ProblemCodes.DemUnreadable"/>,
/// <see cref="ProblemCodes.DemUnsupported"/> or <see cref="ProblemCodes.DemNoCrs"/> — and no grid; this reader
/// throws no exception for bad files.
/// </summary>
public static class GeoTiffReader
{
    /// <summary>Largest grid read, in pixels (2³⁰, 4 GiB of elevations).</summary>
    public const long MaxPixels = 1L << 30;

    /// <summary>Reads <paramref name="path"/>; the problems name the file as <paramref name="displayName"/> (default: its file name).</summary>
    public static GeoTiffReadResult Read(string path, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = displayName ?? Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return Fail(ProblemCodes.DemUnreadable, file, null, "the file does not exist");
        }

        if (SafeFile.Refusal(path, SafeFile.RasterLimitBytes, out var refusal) is { } why)
        {
            return Fail(refusal, file, null, why);
        }

        GeoTiffTags.EnsureRegistered();
        GeoTiffTags.BeginMessages();
        try
        {
            using var tif = Tiff.Open(path, "r");
            if (tif is null)
            {
                return Fail(ProblemCodes.DemUnreadable, file, null, "not a TIFF file" + Details(GeoTiffTags.EndMessages()));
            }

            return ReadOpen(tif, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or OverflowException or EndOfStreamException or NotSupportedException)
        {
            return Fail(ProblemCodes.DemUnreadable, file, null, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            GeoTiffTags.EndMessages();
        }
    }

    private static GeoTiffReadResult ReadOpen(Tiff tif, string file)
    {
        var width = tif.GetField(TiffTag.IMAGEWIDTH)?[0].ToInt() ?? 0;
        var height = tif.GetField(TiffTag.IMAGELENGTH)?[0].ToInt() ?? 0;
        if (width < 1 || height < 1)
        {
            return Fail(ProblemCodes.DemUnreadable, file, "ImageWidth/ImageLength (256/257)", $"image size {width} × {height}");
        }

        // A few compressed bytes can declare any size; the grid is held as 4-byte floats.
        if ((long)width * height > MaxPixels)
        {
            return Fail(ProblemCodes.DemUnsupported, file, "ImageWidth/ImageLength (256/257)", $"image size {width} × {height} is more than the {MaxPixels:N0} pixels SoTTTT holds in memory (4 GiB); cut the DEM to the province");
        }

        var problems = new List<ValidationProblem>();
        var samples = tif.GetFieldDefaulted(TiffTag.SAMPLESPERPIXEL)?[0].ToInt() ?? 1;
        if (samples != 1)
        {
            problems.Add(Problem(ProblemCodes.DemUnsupported, file, "SamplesPerPixel (277)", $"{samples} samples per pixel; a DEM has one band"));
        }

        var bits = tif.GetFieldDefaulted(TiffTag.BITSPERSAMPLE)?[0].ToInt() ?? 1;
        var format = (SampleFormat)(tif.GetFieldDefaulted(TiffTag.SAMPLEFORMAT)?[0].ToInt() ?? (int)SampleFormat.UINT);
        var kind = SampleKindOf(bits, format);
        if (kind is null)
        {
            problems.Add(Problem(
                ProblemCodes.DemUnsupported,
                file,
                "BitsPerSample/SampleFormat (258/339)",
                $"{bits}-bit {format} samples; supported: UInt8, Int16, UInt16, Int32, Float32, Float64"));
        }

        var compression = (Compression)(tif.GetFieldDefaulted(TiffTag.COMPRESSION)?[0].ToInt() ?? (int)Compression.NONE);
        if (!tif.IsCodecConfigured(compression))
        {
            problems.Add(Problem(ProblemCodes.DemUnsupported, file, "Compression (259)", $"compression {compression} cannot be decoded"));
        }

        var geometry = Georeference(tif, file, width, height, problems);
        var noData = NoData(tif, file, problems);
        if (problems.Count > 0 || geometry is null || kind is null)
        {
            return new GeoTiffReadResult(null, problems);
        }

        var values = new float[(long)width * height];
        var error = tif.IsTiled()
            ? ReadTiles(tif, kind.Value, width, height, values)
            : ReadStrips(tif, kind.Value, width, height, values);
        if (error is not null)
        {
            return Fail(ProblemCodes.DemUnreadable, file, null, error + Details(GeoTiffTags.EndMessages()));
        }

        if (noData is { } nd)
        {
            var marker = (float)nd;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] == marker)
                {
                    values[i] = float.NaN;
                }
            }
        }

        return new GeoTiffReadResult(new ElevationGrid(geometry, values), []);
    }

    private static SampleKind? SampleKindOf(int bits, SampleFormat format) => (bits, format) switch
    {
        (8, SampleFormat.UINT) => SampleKind.UInt8,
        (16, SampleFormat.INT) => SampleKind.Int16,
        (16, SampleFormat.UINT) => SampleKind.UInt16,
        (32, SampleFormat.INT) => SampleKind.Int32,
        (32, SampleFormat.IEEEFP) => SampleKind.Float32,
        (64, SampleFormat.IEEEFP) => SampleKind.Float64,
        _ => null,
    };

    private static int BytesOf(SampleKind kind) => kind switch
    {
        SampleKind.UInt8 => 1,
        SampleKind.Int16 or SampleKind.UInt16 => 2,
        SampleKind.Int32 or SampleKind.Float32 => 4,
        _ => 8,
    };

    private static string? ReadStrips(Tiff tif, SampleKind kind, int width, int height, float[] values)
    {
        var bytes = BytesOf(kind);
        var rowBytes = width * bytes;
        var buffer = new byte[Math.Max(tif.StripSize(), rowBytes)];
        var row = 0;
        for (var strip = 0; strip < tif.NumberOfStrips() && row < height; strip++)
        {
            var read = tif.ReadEncodedStrip(strip, buffer, 0, -1);
            if (read < 0)
            {
                return $"strip {strip} cannot be decoded";
            }

            var rows = Math.Min(read / rowBytes, height - row);
            for (var r = 0; r < rows; r++)
            {
                Convert(kind, buffer.AsSpan(r * rowBytes, rowBytes), values.AsSpan((row + r) * width, width));
            }

            row += rows;
        }

        return row < height ? $"the strips hold {row} of {height} rows" : null;
    }

    private static string? ReadTiles(Tiff tif, SampleKind kind, int width, int height, float[] values)
    {
        var bytes = BytesOf(kind);
        var tileWidth = tif.GetField(TiffTag.TILEWIDTH)?[0].ToInt() ?? 0;
        var tileHeight = tif.GetField(TiffTag.TILELENGTH)?[0].ToInt() ?? 0;
        if (tileWidth < 1 || tileHeight < 1)
        {
            return $"tile size {tileWidth} × {tileHeight}";
        }

        var buffer = new byte[Math.Max(tif.TileSize(), tileWidth * tileHeight * bytes)];
        for (var y = 0; y < height; y += tileHeight)
        {
            for (var x = 0; x < width; x += tileWidth)
            {
                if (tif.ReadTile(buffer, 0, x, y, 0, 0) < 0)
                {
                    return $"the tile at column {x}, row {y} cannot be decoded";
                }

                var rows = Math.Min(tileHeight, height - y);
                var columns = Math.Min(tileWidth, width - x);
                for (var r = 0; r < rows; r++)
                {
                    Convert(kind, buffer.AsSpan(r * tileWidth * bytes, columns * bytes), values.AsSpan(((y + r) * width) + x, columns));
                }
            }
        }

        return null;
    }

    // LibTiff.NET hands decoded samples over in the machine's byte order.
    private static void Convert(SampleKind kind, ReadOnlySpan<byte> source, Span<float> target)
    {
        switch (kind)
        {
            case SampleKind.UInt8:
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = source[i];
                }

                break;
            case SampleKind.Int16:
                Widen(MemoryMarshal.Cast<byte, short>(source), target);
                break;
            case SampleKind.UInt16:
                Widen(MemoryMarshal.Cast<byte, ushort>(source), target);
                break;
            case SampleKind.Int32:
                Widen(MemoryMarshal.Cast<byte, int>(source), target);
                break;
            case SampleKind.Float32:
                MemoryMarshal.Cast<byte, float>(source)[..target.Length].CopyTo(target);
                break;
            default:
                var doubles = MemoryMarshal.Cast<byte, double>(source);
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = (float)doubles[i];
                }

                break;
        }
    }

    private static void Widen<T>(ReadOnlySpan<T> source, Span<float> target)
        where T : struct, IConvertible
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = source[i].ToSingle(CultureInfo.InvariantCulture);
        }
    }

    private static double? NoData(Tiff tif, string file, List<ValidationProblem> problems)
    {
        var field = tif.GetField(GeoTiffTags.GdalNoData);
        if (field is null || field.Length == 0)
        {
            return null;
        }

        var text = (field.Length > 1 ? field[1] : field[0]).ToString()?.Trim('\0', ' ') ?? string.Empty;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return double.IsNaN(value) ? null : value;
        }

        if (string.Equals(text, "nan", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        problems.Add(Problem(ProblemCodes.DemUnsupported, file, GeoTiffTags.Name(GeoTiffTags.GdalNoData), $"no-data value '{text}' is not a number"));
        return null;
    }

    private static GridGeometry? Georeference(Tiff tif, string file, int width, int height, List<ValidationProblem> problems)
    {
        var before = problems.Count;
        var keys = GeoKeys.Read(tif, file, problems);
        var affine = Affine(tif, file, problems);
        if (problems.Count > before)
        {
            return null;
        }

        if (affine is null || keys is null)
        {
            var missing = affine is null
                ? $"{GeoTiffTags.Name(GeoTiffTags.ModelPixelScale)} with {GeoTiffTags.Name(GeoTiffTags.ModelTiepoint)}, or {GeoTiffTags.Name(GeoTiffTags.ModelTransformation)}"
                : GeoTiffTags.Name(GeoTiffTags.GeoKeyDirectory);
            problems.Add(Problem(ProblemCodes.DemNoCrs, file, missing, "the file is not georeferenced: " + missing + " is missing"));
            return null;
        }

        var crs = keys.Crs(file, problems);
        if (crs is null)
        {
            return null;
        }

        var (originX, originY, pixelWidth, pixelHeight) = affine.Value;
        if (keys.Get(GeoTiffTags.GTRasterTypeGeoKey) == GeoTiffTags.RasterPixelIsPoint)
        {
            // The tie point is the centre of the pixel: the edge lies half a pixel up and to the left (GDAL's reading).
            originX -= pixelWidth / 2;
            originY += pixelHeight / 2;
        }

        var geometry = new GridGeometry(crs, originX, originY, pixelWidth, pixelHeight, width, height);
        if (crs.IsGeographic && (geometry.OriginX < -180.0001 || geometry.MaxX > 360.0001 || geometry.OriginY > 90.0001 || geometry.MinY < -90.0001))
        {
            problems.Add(Problem(ProblemCodes.DemUnsupported, file, GeoTiffTags.Name(GeoTiffTags.ModelPixelScale), $"the extent ({geometry.OriginX}, {geometry.MinY}) – ({geometry.MaxX}, {geometry.OriginY}) is not in degrees"));
            return null;
        }

        return geometry;
    }

    /// <summary>(origin x, origin y of the upper-left corner, pixel width, pixel height), or null when neither form is present.</summary>
    private static (double X, double Y, double Width, double Height)? Affine(Tiff tif, string file, List<ValidationProblem> problems)
    {
        var scale = Doubles(tif, GeoTiffTags.ModelPixelScale);
        var tie = Doubles(tif, GeoTiffTags.ModelTiepoint);
        var matrix = Doubles(tif, GeoTiffTags.ModelTransformation);
        if (scale is not null && tie is not null)
        {
            if (tie.Length != 6)
            {
                problems.Add(Problem(ProblemCodes.DemUnsupported, file, GeoTiffTags.Name(GeoTiffTags.ModelTiepoint), $"{tie.Length / 6} tie points (ground control points); a DEM needs exactly one with the pixel scale"));
                return null;
            }

            if (scale.Length < 2 || !(scale[0] > 0 && scale[1] > 0 && double.IsFinite(scale[0]) && double.IsFinite(scale[1])))
            {
                problems.Add(Problem(ProblemCodes.DemUnsupported, file, GeoTiffTags.Name(GeoTiffTags.ModelPixelScale), "the pixel scale must be two positive numbers (north-up raster)"));
                return null;
            }

            return (tie[3] - (tie[0] * scale[0]), tie[4] + (tie[1] * scale[1]), scale[0], scale[1]);
        }

        if (matrix is not null)
        {
            if (matrix.Length != 16 || matrix[1] != 0 || matrix[4] != 0 || !(matrix[0] > 0) || !(matrix[5] < 0))
            {
                problems.Add(Problem(ProblemCodes.DemUnsupported, file, GeoTiffTags.Name(GeoTiffTags.ModelTransformation), "only a north-up transformation without rotation (a diagonal matrix, negative y scale) is supported"));
                return null;
            }

            return (matrix[3], matrix[7], matrix[0], -matrix[5]);
        }

        if (tie is not null && scale is null)
        {
            problems.Add(Problem(ProblemCodes.DemUnsupported, file, GeoTiffTags.Name(GeoTiffTags.ModelTiepoint), "tie points without a pixel scale (ground control points) are not supported"));
        }

        return null;
    }

    private static double[]? Doubles(Tiff tif, TiffTag tag)
    {
        var field = tif.GetField(tag);
        return field is { Length: >= 2 } ? field[1].ToDoubleArray() : null;
    }

    private static string Details(IReadOnlyList<string> messages) =>
        messages.Count == 0 ? string.Empty : " (" + string.Join("; ", messages.Take(3)) + ")";

    internal static ValidationProblem Problem(string code, string file, string? tag, string message) =>
        new(code, message, file, null, tag, null);

    private static GeoTiffReadResult Fail(string code, string file, string? tag, string message) =>
        new(null, [Problem(code, file, tag, message)]);

    private enum SampleKind
    {
        UInt8,
        Int16,
        UInt16,
        Int32,
        Float32,
        Float64,
    }
}
