using System.Globalization;

namespace SoTTTT.Core.Maps;

/// <summary>
/// A style by attribute, renderer-neutral (plain data, as Mapsui keeps styles): a default symbol plus classes by
/// value or range of <see cref="Attribute"/>. The classes are the legend entries, in order.
/// </summary>
/// <param name="Name">The style's name (its file name under <c>maps/styles/</c>).</param>
/// <param name="Attribute">The attribute classified on; null for <see cref="StyleKind.Single"/>.</param>
/// <param name="Default">Symbol of features that fall in no class (and the only one of a single style).</param>
/// <param name="DefaultLabel">Legend label of the default symbol; null hides it from the legend when there are classes.</param>
public sealed record MapStyle(string Name, StyleKind Kind, string? Attribute, MapSymbol Default, LocalizedText? DefaultLabel, IReadOnlyList<StyleClass> Classes)
{
    /// <summary>The class a feature with attribute <paramref name="value"/> falls in, or null for the default symbol.</summary>
    public StyleClass? ClassOf(object? value)
    {
        switch (Kind)
        {
            case StyleKind.Categorical:
                var text = value switch
                {
                    null => null,
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
                return text is null ? null : Classes.FirstOrDefault(c => c.Value == text);
            case StyleKind.Graduated:
                double? number = value switch
                {
                    double d => d,
                    long l => l,
                    int i => i,
                    float f => f,
                    string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    _ => null,
                };
                return number is { } n && double.IsFinite(n) ? Classes.FirstOrDefault(c => c.Contains(n)) : null;
            default:
                return null;
        }
    }

    /// <summary>The symbol of a feature with attribute <paramref name="value"/>.</summary>
    public MapSymbol SymbolOf(object? value) => ClassOf(value)?.Symbol ?? Default;
}
