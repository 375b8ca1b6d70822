namespace SoTTTT.Core.Maps;

/// <summary>A label in Vietnamese (the default) and English (<c>--lang en</c>, the viewer's English toggle).</summary>
public sealed record LocalizedText(string Vi, string En)
{
    /// <summary>The text in <paramref name="lang"/> (<c>en</c> gives English, anything else Vietnamese).</summary>
    public string Get(string lang) => lang == "en" ? En : Vi;
}
