using System.Text.Json;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Reads a GeoJSON FeatureCollection (RFC 7946: coordinates are WGS84 lon/lat) into a <see cref="RawTable"/>:
/// properties become cells, the feature's geometry rides along; row N is the N-th feature.
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
                    catch (FormatException ex)
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

    private static Geometry ReadGeometry(JsonElement element)
    {
        var type = element.GetProperty("type").GetString();
        if (type == "GeometryCollection")
        {
            var parts = element.GetProperty("geometries").EnumerateArray().Select(ReadGeometry).ToArray();
            return Wgs84Factory.CreateGeometryCollection(parts);
        }

        var c = element.GetProperty("coordinates");
        return type switch
        {
            "Point" => Wgs84Factory.CreatePoint(Position(c)),
            "LineString" => Wgs84Factory.CreateLineString(Positions(c)),
            "MultiLineString" => Wgs84Factory.CreateMultiLineString(c.EnumerateArray().Select(l => Wgs84Factory.CreateLineString(Positions(l))).ToArray()),
            "Polygon" => PolygonOf(c),
            "MultiPolygon" => Wgs84Factory.CreateMultiPolygon(c.EnumerateArray().Select(PolygonOf).ToArray()),
            "MultiPoint" => Wgs84Factory.CreateMultiPointFromCoords(Positions(c)),
            _ => throw new FormatException($"geometry type '{type}' is not supported"),
        };
    }

    private static Polygon PolygonOf(JsonElement rings)
    {
        var all = rings.EnumerateArray().Select(r => Wgs84Factory.CreateLinearRing(Positions(r))).ToArray();
        if (all.Length == 0)
        {
            throw new FormatException("a polygon needs at least one ring");
        }

        return Wgs84Factory.CreatePolygon(all[0], all[1..]);
    }

    private static Coordinate Position(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2)
        {
            throw new FormatException("a position needs [lon, lat]");
        }

        return new Coordinate(p[0].GetDouble(), p[1].GetDouble());
    }

    private static Coordinate[] Positions(JsonElement array) => array.EnumerateArray().Select(Position).ToArray();
}
