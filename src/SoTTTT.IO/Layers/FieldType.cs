namespace SoTTTT.IO.Layers;

/// <summary>Type of a <see cref="LayerField"/>; values are <see cref="string"/>, <see cref="long"/>, <see cref="double"/> or <see cref="bool"/> (or null).</summary>
public enum FieldType
{
    Text,
    Integer,
    Real,
    Boolean,
}
