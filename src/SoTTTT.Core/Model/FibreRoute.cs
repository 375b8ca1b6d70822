using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>A fibre cable route.</summary>
/// <param name="Path">LineString or MultiLineString in the analysis CRS (metres).</param>
public sealed record FibreRoute(string Id, Geometry Path, string? Operator, CablePlacement? Placement, int? Cores);
