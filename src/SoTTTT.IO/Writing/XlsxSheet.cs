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
}
