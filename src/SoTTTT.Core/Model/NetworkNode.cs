using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>A network node (<c>nodes.csv</c>): exchange, switching point, DSLAM, OLT or cabinet.</summary>
/// <param name="Location">Position in the analysis CRS (metres).</param>
public sealed record NetworkNode(string Id, Point Location, NodeKind Kind, string? Operator, string? Name);
