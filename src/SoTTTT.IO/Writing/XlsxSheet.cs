using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Writing;

/// <summary>
/// One worksheet of a table: an optional title row, a header row, then one row per record. Values are
/// <see cref="string"/>, numbers, <see cref="bool"/> or null (an empty cell). Any table (indicators, sharing,
/// approval verdicts, plan positions) becomes a sheet with <see cref="From(FeatureTable, Func{LayerField, string}?)"/>
/// or by listing columns and rows.
/// </summary>
/// <param name="Name">Sheet tab name; cut to Excel's 31 characters and stripped of <c>[]:*?/\</c>.</param>
public sealed record XlsxSheet(string Name, string? Title, IReadOnlyList<XlsxColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>A sheet of a layer's attributes; headings are the fields' Vietnamese titles unless <paramref name="header"/> says otherwise.</summary>
    public static XlsxSheet From(FeatureTable table, Func<LayerField, string>? header = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        header ??= f => f.Title;
        return new XlsxSheet(
            table.Name,
            table.Title,
            table.Fields.Select(f => new XlsxColumn(header(f), f.Type)).ToList(),
            table.Rows.Select(r => r.Values).ToList());
    }

    /// <summary>
    /// A sheet from one of SoTTTT's own CSV tables (header row, invariant numbers), so a workbook shows exactly what
    /// the CSV files hold. A column becomes numeric when every non-empty cell is a number and none is an identifier
    /// (names <c>id</c>, <c>code</c>, <c>*_id</c>, <c>*_code</c>, <c>position_*</c>, <c>tower_*</c>, or a cell with a
    /// leading zero, as admin codes have); <c>true</c>/<c>false</c> columns become booleans. Headers come from
    /// <paramref name="header"/> (the column name when it returns null).
    /// </summary>
    public static XlsxSheet FromCsv(string name, string? title, string csv, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        using var parser = new CsvParser(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture));
        var names = parser.Read() ? parser.Record! : [];
        var cells = new List<string[]>();
        while (parser.Read())
        {
            cells.Add(parser.Record!);
        }

        var types = names.Select((n, i) => TypeOf(n, cells.Select(r => i < r.Length ? r[i] : string.Empty))).ToArray();
        return new XlsxSheet(
            name,
            title,
            names.Select((n, i) => new XlsxColumn(header(n) ?? n, types[i])).ToList(),
            cells.Select(r => (IReadOnlyList<object?>)types.Select((t, i) => Value(i < r.Length ? r[i] : string.Empty, t)).ToList()).ToList());
    }

    private static bool IsIdentifier(string column) =>
        column is "id" or "code" || column.EndsWith("_id", StringComparison.Ordinal) || column.EndsWith("_code", StringComparison.Ordinal)
        || column.StartsWith("position_", StringComparison.Ordinal) || column is "tower_a" or "tower_b";

    private static FieldType TypeOf(string column, IEnumerable<string> values)
    {
        var present = values.Where(v => v.Length > 0).ToList();
        if (present.Count == 0 || IsIdentifier(column))
        {
            return FieldType.Text;
        }

        if (present.All(v => v is "true" or "false"))
        {
            return FieldType.Boolean;
        }

        if (present.Any(v => v.Length > 1 && v[0] == '0' && char.IsAsciiDigit(v[1])))
        {
            return FieldType.Text;
        }

        if (present.All(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            return FieldType.Integer;
        }

        return present.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? FieldType.Real : FieldType.Text;
    }

    private static object? Value(string cell, FieldType type) => cell.Length == 0
        ? null
        : type switch
        {
            FieldType.Integer => long.Parse(cell, CultureInfo.InvariantCulture),
            FieldType.Real => double.Parse(cell, CultureInfo.InvariantCulture),
            FieldType.Boolean => cell == "true",
            _ => cell,
        };
}
