namespace SoTTTT.Core.Maps;

/// <summary>A named map view (overview, coverage, postal service …): layers drawn bottom to top.</summary>
/// <param name="Name">View name, its file name under <c>maps/views/</c>.</param>
/// <param name="Order">Position in lists of views (ascending).</param>
/// <param name="Layers">Layer names, bottom first.</param>
/// <param name="Filters">Attribute choices the viewer offers (e.g. technology and operator on the coverage view).</param>
public sealed record MapView(string Name, int Order, LocalizedText Title, LocalizedText? Description, IReadOnlyList<string> Layers, IReadOnlyList<MapFilter> Filters);
