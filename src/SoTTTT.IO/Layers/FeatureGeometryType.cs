namespace SoTTTT.IO.Layers;

/// <summary>The geometry type a <see cref="FeatureTable"/> declares (OGC simple features names); <see cref="None"/> for an attribute table.</summary>
public enum FeatureGeometryType
{
    None,
    Point,
    LineString,
    Polygon,
    MultiPoint,
    MultiLineString,
    MultiPolygon,

    /// <summary>Mixed types (e.g. polygons and multipolygons in one layer).</summary>
    Geometry,
}
