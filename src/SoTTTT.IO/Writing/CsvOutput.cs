using System.Buffers;
using System.Globalization;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Deterministic CSV: a header, then rows; invariant culture, fixed decimals, quoted only when needed, <c>\n</c>; text
/// cells a spreadsheet would run as formulas get a leading <c>'</c> (<see cref="FormulaGuard"/>).
/// </summary>
internal static class CsvOutput
{
    public static string Write<T>(IReadOnlyList<(string Name, Func<T, string> Cell)> columns, IEnumerable<T> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, columns, rows);
        return text.ToString();
    }

    /// <summary>The same CSV written to <paramref name="writer"/> cell by cell (a national table is tens of MB).</summary>
    public static void Write<T>(TextWriter writer, IReadOnlyList<(string Name, Func<T, string> Cell)> columns, IEnumerable<T> rows)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(columns[i].Name);
        }

        writer.Write('\n');
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                WriteCell(writer, columns[i].Cell(row));
            }

            writer.Write('\n');
        }
    }

    /// <summary>An attribute table (no geometry) as CSV with its field names, cells as the loader reads them back.</summary>
    public static string Write(Layers.FeatureTable table) =>
        Write<Layers.FeatureRow>([.. table.Fields.Select((f, i) => (f.Name, (Func<Layers.FeatureRow, string>)(r => Layers.DatasetLayers.CellText(r.Values[i]) ?? string.Empty)))], table.Rows);

    public static string Fixed(double? value, int decimals) => IndicatorColumns.Fixed(value, decimals);

    public static string Int(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Flag(bool? value) => value is { } v ? (v ? "true" : "false") : string.Empty;

    /// <summary>One CSV cell: formula-like text neutralised (<see cref="FormulaGuard"/>), quoted when needed.</summary>
    public static string Cell(string value) => Quote(FormulaGuard.Neutralise(value));

    /// <summary><see cref="Cell"/> written to <paramref name="writer"/> (a plain cell, the usual case, as it is).</summary>
    public static void WriteCell(TextWriter writer, string value)
    {
        if (FormulaGuard.IsFormulaLike(value) || value.AsSpan().IndexOfAny(NeedQuotes) >= 0)
        {
            writer.Write(Cell(value));
        }
        else
        {
            writer.Write(value);
        }
    }

    private static readonly SearchValues<char> NeedQuotes = SearchValues.Create(",\"\n\r");

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(NeedQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
