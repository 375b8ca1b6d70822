using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;
using SoTTTT.IO.GeoJson;
using SoTTTT.IO.Layers;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// Writes a layer query as a GeoJSON FeatureCollection (RFC 7946, WGS84 lon/lat) with the layer's attributes as
/// properties, the feature index as <c>id</c>, and <c>total</c> / <c>returned</c> counts (they differ when dense points
/// were thinned), <c>zoom</c> (the detail served), and <c>limited</c> with <c>max_features</c> and <c>cell_px</c> when the
/// feature cap thinned the answer further. Only the attributes the layer declares are sent. Coordinates are rounded to about a tenth of a
/// screen pixel at the zoom (4 decimals at zoom 10, 7 from zoom 17).
/// </summary>
internal static class LayerGeoJson
{
    private const string FeatureIdProperty = "_sotttt_feature_index";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The feature index goes out as the GeoJSON feature id (the converter moves this attribute to "id").
    private static readonly JsonSerializerOptions Serializer = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory(false, FeatureIdProperty) },
    };

    /// <param name="fields">Indices of the fields to send.</param>
    public static Task WriteAsync(Stream stream, FeatureTable table, IReadOnlyList<int> fields, IReadOnlyList<(int Index, Geometry Geometry)> features, int total, int zoom) =>
        WriteAsync(stream, table, fields, new LayerQuery(features, total, zoom, false, 0), LayerIndex.DefaultMaxFeatures);

    /// <param name="fields">Indices of the fields to send.</param>
    public static async Task WriteAsync(Stream stream, FeatureTable table, IReadOnlyList<int> fields, LayerQuery answer, int maxFeatures)
    {
        var (features, total, zoom) = (answer.Features, answer.Total, answer.Zoom);
        var decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(LayerIndex.PixelDegrees(zoom) / 10)), 4, 7);
        // Written to a buffer passed on asynchronously: the serializer flushes its writer synchronously.
        using var buffer = new MemoryStream();
        await using var json = new Utf8JsonWriter(buffer, Options);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", table.Name);
        json.WriteNumber("total", total);
        json.WriteNumber("returned", features.Count);
        json.WriteNumber("zoom", zoom);
        json.WriteBoolean("limited", answer.Limited);
        if (answer.Limited)
        {
            json.WriteNumber("max_features", maxFeatures);
            json.WriteNumber("cell_px", answer.CellPixels);
        }

        json.WriteStartArray("features");
        foreach (var (index, geometry) in features)
        {
            var values = table.Rows[index].Values;
            var feature = GeoJsonFeatures.Feature(GeoJsonFeatures.Rounded(geometry, decimals), fields.Select(i => (table.Fields[i].Name, values[i])));
            feature.Attributes.Add(FeatureIdProperty, index);
            JsonSerializer.Serialize(json, feature, Serializer);
            if (buffer.Length > 64 * 1024)
            {
                await PassOnAsync(buffer, stream);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await PassOnAsync(buffer, stream);
    }

    private static async Task PassOnAsync(MemoryStream buffer, Stream stream)
    {
        await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        buffer.SetLength(0);
    }
}
