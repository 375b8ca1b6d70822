namespace SoTTTT.Core.Maps;

/// <summary>
/// Every map view with its layers and styles, declared once under <c>maps/</c> and drawn by the web viewer and the
/// static SVG renderer alike. References are checked when the catalogue is read, so every layer a view names and every
/// style a layer names exists.
/// </summary>
public sealed record MapCatalogue(IReadOnlyList<MapView> Views, IReadOnlyList<MapLayer> Layers, IReadOnlyList<MapStyle> Styles)
{
    /// <summary>The layer named <paramref name="name"/>, or null.</summary>
    public MapLayer? Layer(string name) => Layers.FirstOrDefault(l => l.Name == name);

    /// <summary>The style named <paramref name="name"/>, or null.</summary>
    public MapStyle? Style(string name) => Styles.FirstOrDefault(s => s.Name == name);

    /// <summary>The view named <paramref name="name"/>, or null.</summary>
    public MapView? View(string name) => Views.FirstOrDefault(v => v.Name == name);

    /// <summary>The style of a layer (present in a validated catalogue).</summary>
    public MapStyle StyleOf(MapLayer layer) => Style(layer.Style) ?? throw new InvalidOperationException($"layer {layer.Name} names unknown style {layer.Style}");
}
