namespace SoTTTT.Core.Maps;

/// <summary>Marker shape of a point symbol (ignored for lines and polygons).</summary>
public enum SymbolKind
{
    Circle,
    Square,
    Triangle,
    Diamond,
}
