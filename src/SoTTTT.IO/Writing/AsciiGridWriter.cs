using System.Globalization;
using System.Text;
using SoTTTT.Core.Coverage;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Writes a raster as an ESRI ASCII grid (<c>.asc</c>: header ncols, nrows, xllcorner, yllcorner, cellsize,
/// NODATA_value −9999, then rows from north to south), in the raster's analysis CRS; the caller writes the
/// <c>.prj</c> beside it.
/// </summary>
public static class AsciiGridWriter
{
    public const int NoData = -9999;

    /// <param name="value">The value of cell (i, j) (row 0 south), null for no data.</param>
    public static void Write(string path, CoverageRaster raster, Func<int, int, int?> value) => AtomicFile.Write(path, stream =>
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine($"ncols {raster.Width.ToString(inv)}");
        w.WriteLine($"nrows {raster.Height.ToString(inv)}");
        w.WriteLine($"xllcorner {raster.OriginX.ToString("0.###", inv)}");
        w.WriteLine($"yllcorner {raster.OriginY.ToString("0.###", inv)}");
        w.WriteLine($"cellsize {raster.CellM.ToString("0.###", inv)}");
        w.WriteLine($"NODATA_value {NoData.ToString(inv)}");
        for (var j = raster.Height - 1; j >= 0; j--)
        {
            for (var i = 0; i < raster.Width; i++)
            {
                if (i > 0)
                {
                    w.Write(' ');
                }

                w.Write((value(i, j) ?? NoData).ToString(inv));
            }

            w.Write('\n');
        }
    });
}
