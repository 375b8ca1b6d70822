using SoTTTT.Core.Crs;

namespace SoTTTT.IO.Loading;

/// <summary>
/// A layer read as text, whatever it was stored in (CSV, GeoJSON, an Excel sheet, a GeoPackage or PostGIS table):
/// canonical column names (aliases resolved) mapped to the names as written, and rows of cells. Rows of sources
/// with a geometry column carry their geometry in <see cref="GeometryCrs"/>. Every source goes through the same
/// column mapping and validation (<see cref="LayerBuilders"/>).
/// </summary>
internal sealed class RawTable(string fileName, IReadOnlyDictionary<string, string> columns, IReadOnlyList<RawRow> rows, CrsDefinition? geometryCrs = null)
{
    public string FileName { get; } = fileName;

    /// <summary>Canonical column name → the header as written in the file.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; } = columns;

    public IReadOnlyList<RawRow> Rows { get; } = rows;

    public bool IsGeoJson => FileName.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase);

    /// <summary>CRS of the rows' geometries: WGS84 for GeoJSON (RFC 7946), the table's for GeoPackage and PostGIS, null without a geometry column.</summary>
    public CrsDefinition? GeometryCrs { get; } = geometryCrs ?? (fileName.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) ? CrsRegistry.Wgs84 : null);

    public bool HasGeometryColumn => GeometryCrs is not null;

    /// <summary>The row number of the header as the user sees it (1 in CSV, the sheet row in Excel); null where the source has no header row (GeoJSON, GeoPackage, PostGIS).</summary>
    public int? HeaderRow { get; init; }

    public bool Has(string canonical) => Columns.ContainsKey(canonical);

    /// <summary>The file (or file and sheet) a row comes from, for problems.</summary>
    public string FileOf(RawRow row) => row.File ?? FileName;

    /// <summary>A column's header as written where the row comes from.</summary>
    public string ColumnOf(RawRow row, string canonical) => (row.ColumnsAsWritten ?? Columns).GetValueOrDefault(canonical, canonical);
}
