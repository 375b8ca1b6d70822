using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// A coverage gap (vùng lõm sóng): 4-connected raster cells of one admin unit that no selected operator covers with the
/// technology.
/// </summary>
/// <param name="Id">Stable id, <c>G&lt;tech&gt;-&lt;n&gt;</c> in order of decreasing population, then area.</param>
/// <param name="Area">Union of the cells, polygon in the analysis CRS.</param>
/// <param name="Population">Population of the settlements whose position lies in the cells.</param>
/// <param name="UnitCode">The admin unit (deepest level) holding the cells.</param>
public sealed record GapCluster(
    string Id,
    Technology Tech,
    Geometry Area,
    int Cells,
    double AreaKm2,
    int Settlements,
    long Population,
    Point Centroid,
    string? UnitCode)
{
    /// <summary>Ids of the settlements whose position lies in the cells, sorted.</summary>
    public IReadOnlyList<string> SettlementIds { get; init; } = [];
}
