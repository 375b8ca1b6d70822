namespace SoTTTT.IO;

/// <summary>How a dataset folder is loaded.</summary>
/// <param name="RepairPolygons">Repair invalid polygons (NTS GeometryFixer) instead of reporting them as problems; each repair is listed as a notice.</param>
/// <param name="Mapping">Column and value mapping of one layer, and whether its invalid rows are skipped (import).</param>
/// <param name="CacheWriteBehind">
/// On a cache miss, write the dataset's cached copy on another thread while the caller goes on (the command line: its
/// analysis runs meanwhile); the caller waits for it with <see cref="Caching.DatasetCache.WaitForWrites"/> before it
/// ends. Otherwise the copy is written before the load returns.
/// </param>
public sealed record LoadOptions(bool RepairPolygons = false, LayerMapping? Mapping = null, bool CacheWriteBehind = false)
{
    public static LoadOptions Default { get; } = new();
}
