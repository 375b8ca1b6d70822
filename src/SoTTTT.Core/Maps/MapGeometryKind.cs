namespace SoTTTT.Core.Maps;

/// <summary>The geometry a map layer draws (multi-part geometries count as their kind).</summary>
public enum MapGeometryKind
{
    Point,
    Line,
    Polygon,
}
