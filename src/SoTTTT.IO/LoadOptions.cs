namespace SoTTTT.IO;

/// <summary>How a dataset folder is loaded.</summary>
/// <param name="RepairPolygons">Repair invalid polygons (NTS GeometryFixer) instead of reporting them as problems; each repair is listed as a notice.</param>
/// <param name="Mapping">Column and value mapping of one layer, and whether its invalid rows are skipped (import).</param>
/// <param name="CacheWriteBehind">
/// On a cache miss, write the dataset's cached copy on another thread while the caller goes on (the command line: its
/// analysis runs meanwhile); the caller waits for it with <see cref="Caching.DatasetCache.WaitForWrites"/> before it
/// ends. Otherwise the copy is written before the load returns.
/// </param>
/// <param name="DeferCollections">
/// For a process that runs one command and ends (the command line): a dataset decoded from its cached copy leaves the
/// decode's no-collection region open, so the command's analysis allocates into what is left of the region's budget and
/// the runtime collects (ending the region) only once that is spent. On the national profile the warm
/// <c>indicators</c> then runs without a collection (0.7-1.0 s of pauses before). A long-running host (the server) leaves
/// it off: its garbage would pile up to the budget. Only the time and the memory change, never a result.
/// </param>
public sealed record LoadOptions(bool RepairPolygons = false, LayerMapping? Mapping = null, bool CacheWriteBehind = false, bool DeferCollections = false)
{
    public static LoadOptions Default { get; } = new();
}
