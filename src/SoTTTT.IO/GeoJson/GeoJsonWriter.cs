using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.GeoJson;

/// <summary>
/// Writes feature layers as GeoJSON files (RFC 7946: WGS84 lon/lat, here with 7 decimals, ~1 cm), one
/// <c>&lt;layer&gt;.geojson</c> FeatureCollection per spatial layer with the fields as typed properties; with
/// <see cref="DatasetMetadata"/>, also <c>dataset.json</c> (analysis CRS kept) and <c>rules.json</c>, so the folder
/// reads back as a dataset. Attribute tables are skipped. Each file appears only when complete.
/// </summary>
public static class GeoJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<FeatureTable> tables, DatasetMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var table in tables.Where(t => t.IsSpatial && t.Crs is not null))
        {
            var path = Path.Combine(folder, table.Name + ".geojson");
            AtomicFile.Write(path, stream => WriteTable(stream, table));
            written.Add(path);
        }

        // Input layers without geometry (subscriber counts) go beside as CSV, so the folder reads back as the dataset.
        foreach (var table in tables.Where(t => !t.IsSpatial && t.Name == Core.Model.Dataset.LayerNames.Subscribers))
        {
            var path = Path.Combine(folder, table.Name + ".csv");
            AtomicFile.WriteAllText(path, CsvOutput.Write(table));
            written.Add(path);
        }

        if (metadata is not null)
        {
            AtomicFile.Write(Path.Combine(folder, "dataset.json"), stream =>
            {
                using var json = new Utf8JsonWriter(stream, Options with { Indented = true });
                json.WriteStartObject();
                json.WriteString("name", metadata.Name);
                json.WriteString("crs", CrsRegistry.Wgs84.Name);
                json.WriteString("analysis_crs", metadata.AnalysisCrs.Name);
                json.WriteString("lang", metadata.Lang);
                if (metadata.Date is { } date)
                {
                    json.WriteString("date", date);
                }

                json.WriteEndObject();
            });
            AtomicFile.WriteAllText(Path.Combine(folder, "rules.json"), RulesWriter.ToJson(metadata.Rules));
        }

        return written;
    }

    private static void WriteTable(Stream stream, FeatureTable table)
    {
        var toWgs84 = CoordinateTransformer.Create(table.Crs!, CrsRegistry.Wgs84);
        var wgs84 = GeometryFactories.For(CrsRegistry.Wgs84);
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", table.Name);
        json.WriteStartArray("features");
        foreach (var row in table.Rows)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            for (var i = 0; i < table.Fields.Count; i++)
            {
                json.WritePropertyName(table.Fields[i].Name);
                WriteValue(json, row.Values[i]);
            }

            json.WriteEndObject();
            json.WritePropertyName("geometry");
            if (row.Geometry is { IsEmpty: false } g)
            {
                WriteGeometry(json, GeometryReprojector.Reproject(g, toWgs84, wgs84));
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteGeometry(Utf8JsonWriter json, Geometry geometry)
    {
        json.WriteStartObject();
        json.WriteString("type", geometry.GeometryType);
        switch (geometry)
        {
            case GeometryCollection collection when geometry is not (MultiPoint or MultiLineString or MultiPolygon):
                json.WriteStartArray("geometries");
                foreach (var part in collection.Geometries)
                {
                    WriteGeometry(json, part);
                }

                json.WriteEndArray();
                break;
            default:
                json.WritePropertyName("coordinates");
                Coordinates(json, geometry);
                break;
        }

        json.WriteEndObject();
    }

    private static void Coordinates(Utf8JsonWriter json, Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                Position(json, p.X, p.Y);
                break;
            case LineString l:
                Sequence(json, l.CoordinateSequence);
                break;
            case Polygon polygon:
                json.WriteStartArray();
                Sequence(json, polygon.Shell.CoordinateSequence);
                foreach (var hole in polygon.Holes)
                {
                    Sequence(json, hole.CoordinateSequence);
                }

                json.WriteEndArray();
                break;
            case GeometryCollection multi:
                json.WriteStartArray();
                foreach (var part in multi.Geometries)
                {
                    Coordinates(json, part);
                }

                json.WriteEndArray();
                break;
        }
    }

    private static void Sequence(Utf8JsonWriter json, CoordinateSequence seq)
    {
        json.WriteStartArray();
        for (var i = 0; i < seq.Count; i++)
        {
            Position(json, seq.GetX(i), seq.GetY(i));
        }

        json.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter json, double x, double y)
    {
        json.WriteStartArray();
        json.WriteNumberValue(Math.Round(x, 7, MidpointRounding.AwayFromZero));
        json.WriteNumberValue(Math.Round(y, 7, MidpointRounding.AwayFromZero));
        json.WriteEndArray();
    }

    /// <summary>A field value as a GeoJSON property value: null, boolean, number (finite), else invariant text.</summary>
    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case int n:
                json.WriteNumberValue(n);
                break;
            case var other:
                json.WriteStringValue(DatasetLayers.CellText(other));
                break;
        }
    }
}
