using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>A planning zone (A1-only area, heritage core, height limit …).</summary>
/// <param name="Kind">Zone kind code, e.g. <c>a1_only</c>, <c>no_new_bulky</c>, <c>height_limit</c>.</param>
/// <param name="Area">Polygon in the analysis CRS (metres).</param>
/// <param name="Parameters">Further columns of the row (e.g. <c>max_height_m</c>), keyed by column name.</param>
public sealed record Zone(string Id, string Kind, Geometry Area, string? Name, IReadOnlyDictionary<string, string> Parameters);
