using System.Globalization;
using System.Text;
using System.Text.Json;
using NUnit.Framework;

namespace SoTTTT.Tests.Support;

/// <summary>
/// GDAL (gdal-bin) as the independent reader and writer of GeoTIFF files: makes rasters with gdal_translate from an
/// ESRI ASCII grid, and reads extent, CRS and values back with gdalinfo -json and gdallocationinfo.
/// </summary>
internal static class GdalRaster
{
    /// <summary>
    /// Writes <paramref name="values"/> (row-major from the north, NaN as −9999) as an ESRI ASCII grid whose lower-left
    /// corner is (<paramref name="minX"/>, <paramref name="minY"/>), then converts it with gdal_translate
    /// <paramref name="translateArgs"/> (e.g. <c>-ot Int16 -a_srs EPSG:4326 -co TILED=YES</c>) to <paramref name="tif"/>.
    /// </summary>
    public static void Translate(string tif, int columns, int rows, double minX, double minY, double cell, float[] values, params string[] translateArgs)
    {
        var asc = Path.ChangeExtension(tif, ".src.asc");
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"ncols {columns}\nnrows {rows}\nxllcorner {minX:R}\nyllcorner {minY:R}\ncellsize {cell:R}\nNODATA_value -9999\n");
        for (var r = 0; r < rows; r++)
        {
            text.AppendJoin(' ', Enumerable.Range(0, columns).Select(c => float.IsNaN(values[(r * columns) + c]) ? "-9999" : values[(r * columns) + c].ToString("R", CultureInfo.InvariantCulture)));
            text.Append('\n');
        }

        File.WriteAllText(asc, text.ToString());
        ExternalTools.Run(ExternalTools.Gdal("gdal_translate"), ["-q", "-of", "GTiff", .. translateArgs, asc, tif]);
        File.Delete(asc);
    }

    /// <summary>gdalinfo -json of a file.</summary>
    public static JsonElement Info(string path)
    {
        var json = ExternalTools.Run(ExternalTools.Gdal("gdalinfo"), "-json", path);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>GDAL's geotransform [x0, pixel width, 0, y0, 0, −pixel height].</summary>
    public static double[] GeoTransform(JsonElement info) =>
        info.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>The values GDAL reads at points in the raster's own CRS (gdallocationinfo -valonly -geoloc): NaN where it reports nothing.</summary>
    public static double[] ValuesAt(string path, IEnumerable<(double X, double Y)> points)
    {
        var list = points.ToList();
        var input = string.Join('\n', list.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:R} {p.Y:R}"))) + "\n";
        var output = ExternalTools.RunWithInput(ExternalTools.Gdal("gdallocationinfo"), input, "-valonly", "-geoloc", path);
        var lines = output.Split('\n');
        Assert.That(lines.Length, Is.GreaterThanOrEqualTo(list.Count), output);
        return lines.Take(list.Count)
            .Select(l => double.TryParse(l.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN)
            .ToArray();
    }
}
