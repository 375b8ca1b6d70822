namespace SoTTTT.Core.Maps;

/// <summary>How a <see cref="MapStyle"/> picks a symbol for a feature.</summary>
public enum StyleKind
{
    /// <summary>One symbol for every feature.</summary>
    Single,

    /// <summary>By the value of a text (or boolean) attribute; features with another value get the default symbol.</summary>
    Categorical,

    /// <summary>By ranges of a numeric attribute, [min, max).</summary>
    Graduated,
}
