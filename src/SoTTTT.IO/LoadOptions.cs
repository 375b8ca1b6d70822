namespace SoTTTT.IO;

/// <summary>How a dataset folder is loaded.</summary>
/// <param name="RepairPolygons">Repair invalid polygons (NTS GeometryFixer) instead of reporting them as problems; each repair is listed as a notice.</param>
/// <param name="Mapping">Column and value mapping of one layer, and whether its invalid rows are skipped (import).</param>
public sealed record LoadOptions(bool RepairPolygons = false, LayerMapping? Mapping = null)
{
    public static LoadOptions Default { get; } = new();
}
