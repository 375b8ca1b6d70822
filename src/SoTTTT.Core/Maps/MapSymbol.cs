namespace SoTTTT.Core.Maps;

/// <summary>
/// How one class of features looks, for every renderer alike. Colours are <c>#rrggbb</c> (lower-case hex);
/// <paramref name="Fill"/> null means unfilled. Sizes are in screen pixels at the viewer's scale and in SVG user units.
/// </summary>
/// <param name="StrokeWidth">Line or outline width, pixels.</param>
/// <param name="Size">Marker diameter of a point, pixels.</param>
/// <param name="FillOpacity">Fill opacity 0–1 (polygons and markers).</param>
/// <param name="Dash">Dash pattern (pixels on, off), empty for a solid line.</param>
public sealed record MapSymbol(string? Fill, string Stroke, double StrokeWidth, double Size, SymbolKind Shape, double FillOpacity, IReadOnlyList<double> Dash);
