using System.Text.Json;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Reads a GeoJSON FeatureCollection (RFC 7946: coordinates are WGS84 lon/lat) into a <see cref="RawTable"/>:
/// properties become cells (numbers as written, so they keep their digits), the feature's geometry is read by
/// NetTopologySuite.IO.GeoJSON4STJ; row N is the N-th feature.
/// </summary>
internal static class GeoJsonTableReader
{
    private static readonly GeometryFactory Wgs84Factory = new(new PrecisionModel(), 4326);

    public static RawTable? Read(string text, string fileName, IReadOnlySet<string> layerColumns, ProblemCollector problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            problems.Add(ProblemCodes.InvalidJson, $"not valid JSON: {ex.Message}", fileName, null);
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                problems.Add(ProblemCodes.InvalidJson, "expected a GeoJSON FeatureCollection with a 'features' array", fileName, null);
                return null;
            }

            var columns = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var parsed = new List<(int Row, Dictionary<string, string?> Props, Geometry? Geometry)>();
            var rowNumber = 0;
            foreach (var feature in features.EnumerateArray())
            {
                rowNumber++;
                var props = new Dictionary<string, string?>(StringComparer.Ordinal);
                if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        var canonical = ColumnAliases.Canonical(property.Name, layerColumns);
                        if (columns.TryAdd(canonical, property.Name))
                        {
                            index[canonical] = index.Count;
                        }

                        props[canonical] = CellText(property.Value);
                    }
                }

                if (feature.TryGetProperty("id", out var featureId) && !props.ContainsKey("id") && layerColumns.Contains("id"))
                {
                    if (columns.TryAdd("id", "id"))
                    {
                        index["id"] = index.Count;
                    }

                    props["id"] = CellText(featureId);
                }

                Geometry? geometry = null;
                if (feature.TryGetProperty("geometry", out var geometryElement) && geometryElement.ValueKind == JsonValueKind.Object)
                {
                    try
                    {
                        geometry = ReadGeometry(geometryElement);
                    }
                    catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
                    {
                        problems.Add(ProblemCodes.UnparsableWkt, $"unreadable GeoJSON geometry: {ex.Message}", fileName, rowNumber, "geometry");
                    }
                }

                parsed.Add((rowNumber, props, geometry));
            }

            var rows = new List<RawRow>(parsed.Count);
            foreach (var (row, props, geometry) in parsed)
            {
                var cells = new string?[index.Count];
                foreach (var (name, value) in props)
                {
                    cells[index[name]] = value;
                }

                rows.Add(new RawRow(row, index, cells, geometry));
            }

            return new RawTable(fileName, columns, rows);
        }
    }

    private static string? CellText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>The geometry through NetTopologySuite.IO.GeoJSON4STJ, on the WGS84 factory.</summary>
    private static Geometry ReadGeometry(JsonElement element) =>
        Wgs84Factory.CreateGeometry(element.Deserialize<Geometry>(GeoJson.GeoJsonFeatures.Options) ?? throw new FormatException("no geometry"));
}
