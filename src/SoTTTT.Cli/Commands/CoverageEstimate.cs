using System.Globalization;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// What a coverage run will cost before it starts, from the grid size and the layer count alone (the engine is not
/// asked): the raster holds, per 256 × 256-cell tile that touches land, a unit index per cell (4 bytes) and one bit per
/// operator × technology layer, per technology and for the mask; it is judged at about 0.2 µs per cell plus 0.02 µs
/// per cell and layer (national profile, 100 m, 2-core machine: 33.7 M cells × 12 layers in 11–15 s). Land is the area
/// of the top-level polygons; cells along their boundaries fill half a tile on average.
/// </summary>
/// <param name="Cells">Raster cells held in memory (land tiles).</param>
/// <param name="Layers">Operator × technology layers.</param>
/// <param name="Bytes">Memory the raster needs.</param>
/// <param name="Seconds">Time the raster takes.</param>
internal sealed record CoverageEstimate(double Cells, int Layers, double Bytes, double Seconds)
{
    /// <summary>Memory above which a run needs <c>--force</c>: 4 GiB (the coverage goal), or half the memory available if less.</summary>
    public static double MemoryLimitBytes =>
        Math.Min(4.0 * (1L << 30), GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2.0);

    /// <summary>Time above which a run needs <c>--force</c>: 10 minutes.</summary>
    public const double TimeLimitSeconds = 600;

    /// <summary>True when the run stays within both limits.</summary>
    public bool WithinLimits => Bytes <= MemoryLimitBytes && Seconds <= TimeLimitSeconds;

    /// <summary>The smallest cell size (whole metres) that keeps the run within the limits.</summary>
    public double SmallestCellM(double cellM)
    {
        var factor = Math.Max(Bytes / MemoryLimitBytes, Seconds / TimeLimitSeconds);
        return Math.Ceiling(cellM * Math.Sqrt(Math.Max(factor, 1)));
    }

    /// <summary>The estimate for <paramref name="options"/> over <paramref name="dataset"/>.</summary>
    public static CoverageEstimate Of(Dataset dataset, CoverageOptions options)
    {
        var layers = dataset.Bts
            .Where(b => (options.Tech is null || b.Tech == options.Tech) && (options.Operator is null || b.Operator == options.Operator))
            .Select(b => (b.Operator, b.Tech))
            .Distinct()
            .Count();
        var techs = dataset.Bts.Select(b => b.Tech).Distinct().Count();
        var withPolygon = dataset.AdminUnits.Where(u => u.Boundary is { IsEmpty: false }).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var roots = withPolygon.Values.Where(u => u.ParentCode is null || !withPolygon.ContainsKey(u.ParentCode)).ToList();
        if (roots.Count == 0)
        {
            return new CoverageEstimate(0, layers, 0, 0);
        }

        var cell = options.CellM;
        const double Tile = 256;
        var area = roots.Sum(u => u.Boundary!.Area);
        var perimeter = roots.Sum(u => u.Boundary!.Length);
        var cells = (area / (cell * cell)) + (perimeter / cell * Tile / 2);
        var extent = roots.Select(u => u.Boundary!.EnvelopeInternal).Aggregate((a, b) => { var e = a.Copy(); e.ExpandToInclude(b); return e; });
        var extentTiles = Math.Ceiling(extent.Width / cell / Tile) * Math.Ceiling(extent.Height / cell / Tile);
        var bytes = (cells * (4 + ((layers + techs + 1) / 8.0))) + (extentTiles * 8);
        var seconds = cells * (0.2e-6 + (0.02e-6 * layers));
        return new CoverageEstimate(cells, layers, bytes, seconds);
    }

    /// <summary>Memory as people read it (MB or GB).</summary>
    public static string Memory(double bytes) =>
        bytes >= 1e9 ? (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB" : (bytes / 1e6).ToString("0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>Time as people read it (s, min or h).</summary>
    public static string Time(double seconds) =>
        seconds >= 3600 ? (seconds / 3600).ToString("0.0", CultureInfo.InvariantCulture) + " h"
        : seconds >= 120 ? (seconds / 60).ToString("0", CultureInfo.InvariantCulture) + " min"
        : seconds.ToString("0", CultureInfo.InvariantCulture) + " s";
}
