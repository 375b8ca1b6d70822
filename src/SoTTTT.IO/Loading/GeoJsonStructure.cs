using System.Globalization;
using System.Text.Json;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Checks a GeoJSON geometry object against RFC 7946 §3.1 before NetTopologySuite reads it, so that hostile or
/// broken input (a geometry without <c>type</c>, coordinates as strings, a one-point LineString, an unclosed ring, a
/// number too large for a double) is a located problem, never an exception or a silent NaN. The first problem found
/// is described with its JSON path, e.g. <c>geometry.coordinates[0][2][1] is a string ("20.9"), expected a number</c>.
/// </summary>
internal static class GeoJsonStructure
{
    /// <summary>How deep GeometryCollections may nest (RFC 7946 §3.1.8 advises against nesting at all).</summary>
    public const int MaxCollectionDepth = 8;

    /// <summary>Why <paramref name="geometry"/> is not a valid GeoJSON geometry object, or null when it is.</summary>
    public static string? Problem(JsonElement geometry, string path = "geometry") => Geometry(geometry, path, 0);

    private static string? Geometry(JsonElement geometry, string path, int depth)
    {
        if (geometry.ValueKind != JsonValueKind.Object)
        {
            return $"{path} is {Describe(geometry)}, expected a geometry object or null";
        }

        if (!geometry.TryGetProperty("type", out var typeElement))
        {
            return $"{path} has no \"type\" (Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon or GeometryCollection)";
        }

        if (typeElement.ValueKind != JsonValueKind.String)
        {
            return $"{path}.type is {Describe(typeElement)}, expected a geometry type name";
        }

        var type = typeElement.GetString();
        if (type == "GeometryCollection")
        {
            if (depth >= MaxCollectionDepth)
            {
                return $"{path}: GeometryCollections nested more than {MaxCollectionDepth} deep";
            }

            if (!geometry.TryGetProperty("geometries", out var members) || members.ValueKind != JsonValueKind.Array)
            {
                return $"{path} (GeometryCollection) has no \"geometries\" array";
            }

            var i = 0;
            foreach (var member in members.EnumerateArray())
            {
                if (Geometry(member, $"{path}.geometries[{i}]", depth + 1) is { } why)
                {
                    return why;
                }

                i++;
            }

            return null;
        }

        var nesting = type switch
        {
            "Point" => 0,
            "MultiPoint" or "LineString" => 1,
            "MultiLineString" or "Polygon" => 2,
            "MultiPolygon" => 3,
            _ => -1,
        };
        if (nesting < 0)
        {
            return $"{path}.type \"{type}\" is not a GeoJSON geometry type (Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon, GeometryCollection)";
        }

        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind == JsonValueKind.Null)
        {
            return $"{path} ({type}) has no \"coordinates\"";
        }

        var at = path + ".coordinates";
        return type switch
        {
            "Point" => Position(coordinates, at),
            "MultiPoint" => Each(coordinates, at, Position),
            "LineString" => Line(coordinates, at),
            "MultiLineString" => Each(coordinates, at, Line),
            "Polygon" => Polygon(coordinates, at),
            _ => Each(coordinates, at, Polygon),
        };
    }

    private static string? Each(JsonElement array, string path, Func<JsonElement, string, string?> check)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return $"{path} is {Describe(array)}, expected an array";
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (check(item, $"{path}[{i}]") is { } why)
            {
                return why;
            }

            i++;
        }

        return null;
    }

    /// <summary>[x, y] or [x, y, z]: finite numbers (RFC 7946 §3.1.1).</summary>
    private static string? Position(JsonElement position, string path)
    {
        if (position.ValueKind != JsonValueKind.Array)
        {
            return $"{path} is {Describe(position)}, expected a position [longitude, latitude]";
        }

        var count = position.GetArrayLength();
        if (count is < 2 or > 4)
        {
            return $"{path} has {count} number(s), expected a position [longitude, latitude] (an optional elevation at most)";
        }

        var i = 0;
        foreach (var number in position.EnumerateArray())
        {
            if (number.ValueKind != JsonValueKind.Number)
            {
                return $"{path}[{i}] is {Describe(number)}, expected a number";
            }

            if (!number.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                return $"{path}[{i}] = {Shorten(number.GetRawText())} is not a finite number";
            }

            i++;
        }

        return null;
    }

    /// <summary>A LineString: two or more positions (RFC 7946 §3.1.4), or none (an empty geometry).</summary>
    private static string? Line(JsonElement line, string path)
    {
        if (Each(line, path, Position) is { } why)
        {
            return why;
        }

        var count = line.GetArrayLength();
        return count == 1 ? $"{path} has 1 position; a LineString needs at least 2" : null;
    }

    /// <summary>A Polygon: linear rings of four or more positions whose first and last are equal (RFC 7946 §3.1.6).</summary>
    private static string? Polygon(JsonElement rings, string path) => Each(rings, path, Ring);

    private static string? Ring(JsonElement ring, string path)
    {
        if (Each(ring, path, Position) is { } why)
        {
            return why;
        }

        var count = ring.GetArrayLength();
        if (count == 0)
        {
            return null;
        }

        if (count < 4)
        {
            return $"{path} has {count} position(s); a polygon ring needs at least 4 (the first repeated at the end)";
        }

        var first = ring[0];
        var last = ring[count - 1];
        return first[0].GetDouble() == last[0].GetDouble() && first[1].GetDouble() == last[1].GetDouble()
            ? null
            : $"{path} is not closed: its last position differs from its first; repeat the first position at the end";
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"a string (\"{Shorten(value.GetString() ?? string.Empty)}\")",
        JsonValueKind.Number => $"a number ({Shorten(value.GetRawText())})",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => $"an array of {value.GetArrayLength().ToString(CultureInfo.InvariantCulture)}",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
