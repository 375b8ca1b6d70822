using System.Text.Encodings.Web;
using System.Text.Json;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.GeoJson;

/// <summary>
/// Writes feature layers as GeoJSON files (RFC 7946: WGS84 lon/lat, here with 7 decimals, ~1 cm), one
/// <c>&lt;layer&gt;.geojson</c> FeatureCollection (with GDAL's <c>name</c> member) per spatial layer whose features
/// NetTopologySuite.IO.GeoJSON4STJ writes (<see cref="GeoJsonFeatures"/>), the fields as typed properties; with
/// <see cref="DatasetMetadata"/>, also <c>dataset.json</c> (analysis CRS kept) and <c>rules.json</c>, so the folder
/// reads back as a dataset. Attribute tables are skipped. Each file appears only when complete.
/// </summary>
public static class GeoJsonWriter
{
    /// <summary>Decimals of lon/lat written (about a centimetre).</summary>
    public const int Decimals = 7;

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
            var geometry = row.Geometry is { IsEmpty: false } g ? GeoJsonFeatures.Rounded(GeometryReprojector.Reproject(g, toWgs84, wgs84), Decimals) : null;
            var feature = GeoJsonFeatures.Feature(geometry, table.Fields.Select((f, i) => (f.Name, row.Values[i])));
            JsonSerializer.Serialize(json, feature, GeoJsonFeatures.Options);
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
