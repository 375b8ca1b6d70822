using System.Globalization;
using System.Text;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Deterministic CSV: a header, then rows; invariant culture, fixed decimals, quoted only when needed, <c>\n</c>; text
/// cells a spreadsheet would run as formulas get a leading <c>'</c> (<see cref="FormulaGuard"/>).
/// </summary>
internal static class CsvOutput
{
    public static string Write<T>(IReadOnlyList<(string Name, Func<T, string> Cell)> columns, IEnumerable<T> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', columns.Select(c => c.Name))).Append('\n');
        foreach (var row in rows)
        {
            sb.Append(string.Join(',', columns.Select(c => Cell(c.Cell(row))))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>An attribute table (no geometry) as CSV with its field names, cells as the loader reads them back.</summary>
    public static string Write(Layers.FeatureTable table) =>
        Write<Layers.FeatureRow>([.. table.Fields.Select((f, i) => (f.Name, (Func<Layers.FeatureRow, string>)(r => Layers.DatasetLayers.CellText(r.Values[i]) ?? string.Empty)))], table.Rows);

    public static string Fixed(double? value, int decimals) => IndicatorColumns.Fixed(value, decimals);

    public static string Int(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Flag(bool? value) => value is { } v ? (v ? "true" : "false") : string.Empty;

    /// <summary>One CSV cell: formula-like text neutralised (<see cref="FormulaGuard"/>), quoted when needed.</summary>
    public static string Cell(string value) => Quote(FormulaGuard.Neutralise(value));

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
