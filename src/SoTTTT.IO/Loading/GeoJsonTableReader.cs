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
            var parsed = new List<(int Row, Dictionary<string, string?> Props, Geometry? Geometry, bool Rejected)>();
            var rowNumber = 0;
            foreach (var feature in features.EnumerateArray())
            {
                rowNumber++;
                if (feature.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(ProblemCodes.InvalidGeoJson, $"feature {rowNumber} is {Kind(feature)}, expected a Feature object", fileName, rowNumber);
                    continue;
                }

                if (feature.TryGetProperty("properties", out var notObject) && notObject.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    problems.Add(ProblemCodes.InvalidGeoJson, $"\"properties\" is {Kind(notObject)}, expected an object or null", fileName, rowNumber, "properties");
                }

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
                var rejected = false;
                if (feature.TryGetProperty("geometry", out var geometryElement) && geometryElement.ValueKind != JsonValueKind.Null)
                {
                    if (GeoJsonStructure.Problem(geometryElement) is { } why)
                    {
                        problems.Add(ProblemCodes.InvalidGeoJson, why, fileName, rowNumber, "geometry");
                        rejected = true;
                    }
                    else
                    {
                        try
                        {
                            geometry = ReadGeometry(geometryElement);
                        }
                        catch (Exception ex) when (ex is not OutOfMemoryException)
                        {
                            problems.Add(ProblemCodes.InvalidGeoJson, $"unreadable GeoJSON geometry: {ParseFailure.Reason(ex)}", fileName, rowNumber, "geometry");
                            rejected = true;
                        }
                    }
                }

                parsed.Add((rowNumber, props, geometry, rejected));
            }

            var rows = new List<RawRow>(parsed.Count);
            foreach (var (row, props, geometry, rejected) in parsed)
            {
                var cells = new string?[index.Count];
                foreach (var (name, value) in props)
                {
                    cells[index[name]] = value;
                }

                rows.Add(new RawRow(row, index, cells, geometry) { GeometryRejected = rejected });
            }

            return new RawTable(fileName, columns, rows);
        }
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "not an object",
    };

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
