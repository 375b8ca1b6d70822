using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>Checks that a layer's header has the required columns and a way to position its rows.</summary>
internal static class LayerStructure
{
    /// <param name="columns">Canonical column names present.</param>
    /// <param name="file">File (or file and sheet) named in problems.</param>
    /// <param name="hasGeometryColumn">The source has a geometry column (GeoJSON, GeoPackage, PostGIS).</param>
    /// <param name="isGeoJson">GeoJSON features may carry their id outside the properties.</param>
    /// <param name="headerRow">The header's row number (CSV 1, the sheet row in Excel); null without a header row.</param>
    public static bool Check(LayerSchema schema, IEnumerable<string> columns, string file, bool hasGeometryColumn, bool isGeoJson, int? headerRow, ProblemCollector problems)
    {
        var present = columns.ToHashSet(StringComparer.Ordinal);
        var asFound = columns.ToList();
        var complete = true;
        foreach (var column in schema.Required)
        {
            // GeoJSON features may carry their id outside the properties; the reader lists "id" when any does.
            if (!present.Contains(column))
            {
                problems.Add(ProblemCodes.MissingRequiredColumn, $"required column '{column}' is missing{ColumnHints.For(schema, asFound, column)}", file, headerRow, column);
                complete = false;
            }
        }

        if (schema.Geometry == LayerGeometry.Point && !hasGeometryColumn && !(present.Contains("lon") && present.Contains("lat")) && !(present.Contains("x") && present.Contains("y")))
        {
            problems.Add(ProblemCodes.MissingPositionColumns, "a position needs columns lon,lat (WGS84) or x,y (dataset crs)", file, headerRow);
            complete = false;
        }

        if (schema.Geometry == LayerGeometry.Shape && !hasGeometryColumn && !present.Contains("wkt"))
        {
            problems.Add(ProblemCodes.MissingRequiredColumn, "required column 'wkt' is missing", file, headerRow, "wkt");
            complete = false;
        }

        return complete;
    }
}
