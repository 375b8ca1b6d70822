namespace SoTTTT.IO.Layers;

/// <summary>An attribute column of a <see cref="FeatureTable"/>.</summary>
/// <param name="Name">Column name in files and databases (ASCII, snake case: <c>height_m</c>).</param>
/// <param name="Type">Value type.</param>
/// <param name="Title">Vietnamese heading for people (KML descriptions, spreadsheets): <c>Chiều cao (m)</c>.</param>
public sealed record LayerField(string Name, FieldType Type, string Title);
