namespace SoTTTT.Core.Maps;

/// <summary>One attribute shown in a feature's popup (viewer) or listed for a layer.</summary>
/// <param name="Attribute">Attribute name the layer's provider produces.</param>
/// <param name="Unit">Unit appended to the value (<c>m</c>, <c>km</c>), if any.</param>
public sealed record PopupField(string Attribute, LocalizedText Label, string? Unit);
