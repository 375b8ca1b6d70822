namespace SoTTTT.IO;

/// <summary>How a dataset folder is loaded.</summary>
/// <param name="RepairPolygons">Repair invalid polygons (NTS GeometryFixer) instead of reporting them as problems; each repair is listed as a notice.</param>
public sealed record LoadOptions(bool RepairPolygons = false)
{
    public static LoadOptions Default { get; } = new();
}
