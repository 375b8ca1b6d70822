namespace SoTTTT.Core.Maps;

/// <summary>
/// What one layer shows: its features come from the data provider registered under <see cref="Name"/> (a layer whose
/// provider is not registered yet is declared but shown as unavailable), drawn with the style named
/// <see cref="Style"/>. <see cref="Attributes"/> is the contract a provider must meet: the attribute names it produces.
/// </summary>
/// <param name="Name">Layer and provider name, lower-case ASCII (<c>bts</c>, <c>coverage_gaps</c>).</param>
/// <param name="Description">What the layer shows and where it comes from.</param>
/// <param name="Attributes">Attributes every feature carries (the style attribute and popup fields among them).</param>
/// <param name="Visible">Whether the layer is switched on when its view opens.</param>
public sealed record MapLayer(
    string Name,
    LocalizedText Title,
    LocalizedText? Description,
    MapGeometryKind Geometry,
    string Style,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<PopupField> Popup,
    bool Visible);
