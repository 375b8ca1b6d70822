namespace SoTTTT.Core.Maps;

/// <summary>
/// One class of a <see cref="MapStyle"/>, which is also one legend entry: a value (categorical, compared as text,
/// booleans as <c>true</c>/<c>false</c>) or a range [<paramref name="Min"/>, <paramref name="Max"/>) (graduated; a null
/// bound is open).
/// </summary>
public sealed record StyleClass(string? Value, double? Min, double? Max, LocalizedText Label, MapSymbol Symbol)
{
    /// <summary>Whether a graduated class holds <paramref name="number"/>.</summary>
    public bool Contains(double number) => (Min is not { } min || number >= min) && (Max is not { } max || number < max);
}
