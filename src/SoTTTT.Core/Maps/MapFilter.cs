namespace SoTTTT.Core.Maps;

/// <summary>
/// A choice the viewer offers on a view (technology, operator …): only features whose <paramref name="Attribute"/>
/// equals the chosen value are drawn, in every layer of the view that has the attribute; layers without it are left as
/// they are. The values offered are those present in the loaded features.
/// </summary>
public sealed record MapFilter(string Attribute, LocalizedText Label);
