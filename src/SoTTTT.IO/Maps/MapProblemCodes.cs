namespace SoTTTT.IO.Maps;

/// <summary>Stable codes of problems in the map definitions under <c>maps/</c>.</summary>
public static class MapProblemCodes
{
    /// <summary>A definition file is missing (<c>layers.json</c>, or no view at all).</summary>
    public const string MissingFile = "MAP_MISSING_FILE";

    /// <summary>A file is not valid JSON, or a field has the wrong JSON type.</summary>
    public const string InvalidJson = "MAP_INVALID_JSON";

    /// <summary>A required field is absent or empty.</summary>
    public const string MissingField = "MAP_MISSING_FIELD";

    /// <summary>A field's value is outside its vocabulary or range (colour, shape, kind, geometry …).</summary>
    public const string InvalidValue = "MAP_INVALID_VALUE";

    /// <summary>Two layers, styles or views share a name.</summary>
    public const string DuplicateName = "MAP_DUPLICATE_NAME";

    /// <summary>A layer names a style that does not exist.</summary>
    public const string UnknownStyle = "MAP_UNKNOWN_STYLE";

    /// <summary>A view names a layer that does not exist.</summary>
    public const string UnknownLayer = "MAP_UNKNOWN_LAYER";

    /// <summary>A layer's style or popup uses an attribute the layer does not declare.</summary>
    public const string UndeclaredAttribute = "MAP_UNDECLARED_ATTRIBUTE";
}
