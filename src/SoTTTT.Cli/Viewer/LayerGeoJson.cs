using System.Buffers;
using System.IO.Pipelines;
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
    /// <param name="cache">Features written before, kept as bytes (the answer is the same without it).</param>
    public static Task WriteAsync(Stream stream, FeatureTable table, IReadOnlyList<int> fields, LayerQuery answer, int maxFeatures, GeoJsonFragmentCache? cache = null) =>
        WritePreparedAsync(stream, table, fields, answer, maxFeatures, cache is null ? null : Prepare(table, fields, answer, cache));

    /// <summary>
    /// The GeoJSON of each feature of <paramref name="answer"/>, from <paramref name="cache"/> or serialized now and kept
    /// there: the CPU-bound part of an answer, done before anything is sent.
    /// </summary>
    /// <param name="fields">Indices of the fields to send.</param>
    public static byte[][] Prepare(FeatureTable table, IReadOnlyList<int> fields, LayerQuery answer, GeoJsonFragmentCache cache)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(cache);
        var decimals = Decimals(answer.Zoom);
        var fragments = new byte[answer.Features.Count][];
        using var lease = cache.Open(table, answer.Zoom, fields);
        ArrayBufferWriter<byte>? scratch = null;
        Utf8JsonWriter? single = null;
        try
        {
            for (var k = 0; k < fragments.Length; k++)
            {
                var (index, geometry) = answer.Features[k];
                var fragment = lease.Get(index);
                if (fragment is null)
                {
                    // The feature alone, as the serializer writes it inside the array.
                    scratch ??= new ArrayBufferWriter<byte>(1024);
                    scratch.ResetWrittenCount();
                    single ??= new Utf8JsonWriter(scratch, Options);
                    single.Reset(scratch);
                    JsonSerializer.Serialize(single, Feature(table, fields, index, geometry, decimals), Serializer);
                    single.Flush();
                    fragment = scratch.WrittenSpan.ToArray();
                    lease.Add(index, fragment);
                }

                fragments[k] = fragment;
            }
        }
        finally
        {
            single?.Dispose();
        }

        return fragments;
    }

    /// <summary>Writes the answer, copying the features from <paramref name="fragments"/> (<see cref="Prepare"/>) when given.</summary>
    /// <param name="fields">Indices of the fields to send.</param>
    public static async Task WritePreparedAsync(Stream stream, FeatureTable table, IReadOnlyList<int> fields, LayerQuery answer, int maxFeatures, byte[][]? fragments)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(answer);
        var (features, total, zoom) = (answer.Features, answer.Total, answer.Zoom);
        var decimals = Decimals(zoom);
        // Written through pooled pipe buffers passed on asynchronously: the serializer flushes its writer synchronously,
        // and a growing MemoryStream would take a large-object-heap array per answer.
        var pipe = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        await using var json = new Utf8JsonWriter(pipe, Options);
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
        for (var k = 0; k < features.Count; k++)
        {
            if (fragments is null)
            {
                var (index, geometry) = features[k];
                JsonSerializer.Serialize(json, Feature(table, fields, index, geometry, decimals), Serializer);
            }
            else
            {
                json.WriteRawValue(fragments[k], skipInputValidation: true);
            }

            if (json.BytesPending > 32 * 1024)
            {
                json.Flush();
                await pipe.FlushAsync();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await pipe.FlushAsync();
        await pipe.CompleteAsync();
    }

    /// <summary>Decimals of the coordinates: about a tenth of a screen pixel at the zoom, 4 to 7.</summary>
    private static int Decimals(int zoom) => Math.Clamp((int)Math.Ceiling(-Math.Log10(LayerIndex.PixelDegrees(zoom) / 10)), 4, 7);

    private static NetTopologySuite.Features.Feature Feature(FeatureTable table, IReadOnlyList<int> fields, int index, Geometry geometry, int decimals)
    {
        var values = table.Rows[index].Values;
        var feature = GeoJsonFeatures.Feature(GeoJsonFeatures.Rounded(geometry, decimals), fields.Select(i => (table.Fields[i].Name, values[i])));
        feature.Attributes.Add(FeatureIdProperty, index);
        return feature;
    }
}
