using NetTopologySuite.Geometries;

namespace SoTTTT.IO.Loading;

/// <summary>
/// One data row: its row number, its cells (looked up by canonical column name through an index shared by the rows
/// of one file or sheet) and its geometry, if the source has a geometry column (GeoJSON, GeoPackage, PostGIS).
/// Rows of a workbook layer come from several sheets: <see cref="File"/> and <see cref="ColumnsAsWritten"/> then
/// name the sheet and its headers, so every problem points at the right place.
/// </summary>
internal sealed class RawRow(
    int row,
    IReadOnlyDictionary<string, int> index,
    string?[] cells,
    Geometry? geometry,
    string? file = null,
    IReadOnlyDictionary<string, string>? columnsAsWritten = null)
{
    /// <summary>
    /// Row number as the user sees it: the line in a CSV file (header = row 1, first data row = row 2), the sheet row
    /// in Excel (same rule), the N-th feature of a GeoJSON file, GeoPackage or PostGIS table (1 = first).
    /// </summary>
    public int Row { get; } = row;

    public Geometry? Geometry { get; } = geometry;

    /// <summary>True when the row's geometry was present but unreadable, a problem already reported: the row has no position and needs no second problem saying so.</summary>
    public bool GeometryRejected { get; init; }

    /// <summary>Where the row comes from when it differs from the table's file (a sheet of a workbook).</summary>
    public string? File { get; } = file;

    /// <summary>Canonical column → header as written, when it differs from the table's.</summary>
    public IReadOnlyDictionary<string, string>? ColumnsAsWritten { get; } = columnsAsWritten;

    /// <summary>True when the row's source has the column (whether or not this cell is blank).</summary>
    public bool Has(string canonical) => index.ContainsKey(canonical);

    /// <summary>The trimmed cell, or null when the column is absent or the cell blank.</summary>
    public string? Get(string canonical) =>
        index.TryGetValue(canonical, out var i) && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i]!.Trim() : null;

    /// <summary>Replaces the cell of a column by its mapped value when its folded text is a key of <paramref name="map"/> (import's <c>--map</c>).</summary>
    public void MapValue(string canonical, IReadOnlyDictionary<string, string> map)
    {
        if (index.TryGetValue(canonical, out var i) && i < cells.Length && cells[i] is { } text && map.TryGetValue(Core.Model.Codes.Fold(text), out var mapped))
        {
            cells[i] = mapped;
        }
    }

    /// <summary>Every non-blank cell by canonical column name (for zone parameters).</summary>
    public IEnumerable<KeyValuePair<string, string>> NonBlankCells()
    {
        foreach (var (name, i) in index)
        {
            if (i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]))
            {
                yield return new(name, cells[i]!.Trim());
            }
        }
    }
}
