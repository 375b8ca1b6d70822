using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>A postal service point.</summary>
/// <param name="Location">Position in the analysis CRS (metres).</param>
/// <param name="Kind">Kind of point; null when the source did not say.</param>
/// <param name="AdminCode">Code of the unit the point belongs to, when given.</param>
public sealed record PostalPoint(string Id, Point Location, string? Name, PostalKind? Kind, string? Operator, string? AdminCode);
