using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Coverage;

/// <summary>The covered cells of one layer (operator × technology, or any operator) as simplified polygons in the analysis CRS.</summary>
/// <param name="AreaKm2">Area of the covered cells (before simplification), km².</param>
public sealed record CoveragePolygon(CoverageLayer Layer, Geometry Area, double AreaKm2);
