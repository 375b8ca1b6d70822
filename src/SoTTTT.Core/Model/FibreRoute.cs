using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>A cable route: fibre (<see cref="Dataset.FibreRoutes"/>) or copper (<see cref="Dataset.CopperRoutes"/>).</summary>
/// <param name="Path">LineString or MultiLineString in the analysis CRS (metres).</param>
public sealed record FibreRoute(string Id, Geometry Path, string? Operator, CablePlacement? Placement, int? Cores)
{
    /// <summary>Fibre (default) or copper.</summary>
    public CableMedium Medium { get; init; } = CableMedium.Fibre;
}
