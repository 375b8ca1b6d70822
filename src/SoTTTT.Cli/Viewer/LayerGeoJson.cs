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
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="fields">Indices of the fields to send.</param>
    public static Task WriteAsync(Stream stream, FeatureTable table, IReadOnlyList<int> fields, IReadOnlyList<(int Index, Geometry Geometry)> features, int total, int zoom) =>
        WriteAsync(stream, table, fields, new LayerQuery(features, total, zoom, false, 0), LayerIndex.DefaultMaxFeatures);

    /// <param name="fields">Indices of the fields to send.</param>
    public static async Task WriteAsync(Stream stream, FeatureTable table, IReadOnlyList<int> fields, LayerQuery answer, int maxFeatures)
    {
        var (features, total, zoom) = (answer.Features, answer.Total, answer.Zoom);
        var decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(LayerIndex.PixelDegrees(zoom) / 10)), 4, 7);
        await using var json = new Utf8JsonWriter(stream, Options);
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
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteNumber("id", index);
            json.WriteStartObject("properties");
            var values = table.Rows[index].Values;
            foreach (var i in fields)
            {
                json.WritePropertyName(table.Fields[i].Name);
                GeoJsonWriter.WriteValue(json, values[i]);
            }

            json.WriteEndObject();
            json.WritePropertyName("geometry");
            WriteGeometry(json, geometry, decimals);
            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static void WriteGeometry(Utf8JsonWriter json, Geometry geometry, int decimals)
    {
        json.WriteStartObject();
        json.WriteString("type", geometry.GeometryType);
        if (geometry is GeometryCollection collection and not (MultiPoint or MultiLineString or MultiPolygon))
        {
            json.WriteStartArray("geometries");
            foreach (var part in collection.Geometries)
            {
                WriteGeometry(json, part, decimals);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WritePropertyName("coordinates");
            Coordinates(json, geometry, decimals);
        }

        json.WriteEndObject();
    }

    private static void Coordinates(Utf8JsonWriter json, Geometry geometry, int decimals)
    {
        switch (geometry)
        {
            case Point p:
                Position(json, p.X, p.Y, decimals);
                break;
            case LineString l:
                Sequence(json, l.CoordinateSequence, decimals);
                break;
            case Polygon polygon:
                json.WriteStartArray();
                Sequence(json, polygon.Shell.CoordinateSequence, decimals);
                foreach (var hole in polygon.Holes)
                {
                    Sequence(json, hole.CoordinateSequence, decimals);
                }

                json.WriteEndArray();
                break;
            case GeometryCollection multi:
                json.WriteStartArray();
                foreach (var part in multi.Geometries)
                {
                    Coordinates(json, part, decimals);
                }

                json.WriteEndArray();
                break;
        }
    }

    private static void Sequence(Utf8JsonWriter json, CoordinateSequence seq, int decimals)
    {
        json.WriteStartArray();
        for (var i = 0; i < seq.Count; i++)
        {
            Position(json, seq.GetX(i), seq.GetY(i), decimals);
        }

        json.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter json, double x, double y, int decimals)
    {
        json.WriteStartArray();
        json.WriteNumberValue(Math.Round(x, decimals, MidpointRounding.AwayFromZero));
        json.WriteNumberValue(Math.Round(y, decimals, MidpointRounding.AwayFromZero));
        json.WriteEndArray();
    }
}
