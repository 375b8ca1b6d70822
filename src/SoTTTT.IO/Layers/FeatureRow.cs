using NetTopologySuite.Geometries;

namespace SoTTTT.IO.Layers;

/// <summary>One feature (or attribute row): its geometry in the table's CRS, if any, and one value per field.</summary>
public sealed record FeatureRow(Geometry? Geometry, IReadOnlyList<object?> Values);
