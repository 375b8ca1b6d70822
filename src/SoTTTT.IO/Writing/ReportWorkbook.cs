using System.Text;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Writing;

/// <summary>
/// The yearly report workbook (<c>sotttt report</c>): one sheet per table the departments publish — postal, telecom,
/// sharing, coverage, subscribers — each with the province, district and commune rows of the indicator tables (the same
/// cells as <c>indicators --format csv</c>, headings in Vietnamese or English), and with a comparison a change sheet
/// (old, new, change, % change per unit and indicator).
/// </summary>
public static class ReportWorkbook
{
    private static readonly string[] Identity = ["code", "name", "level", "parent_code"];

    /// <summary>The tables: (Vietnamese name, English name, which indicator columns belong to it).</summary>
    private static readonly (string Vi, string En, Func<string, bool> Holds)[] Tables =
    [
        ("Bưu chính", "Postal", c => c is "area_km2" or "population" or "service_radius_km" or "people_per_postal_point" or "communes" or "communes_with_postal" or "communes_with_postal_pct"
            || c.StartsWith("postal_", StringComparison.Ordinal)),
        ("Viễn thông", "Telecom", c => c is "tower_positions" or "fibre_routes" or "fibre_underground_pct" || c.StartsWith("bts", StringComparison.Ordinal)
            || c.StartsWith("fibre_km", StringComparison.Ordinal) || c.StartsWith("copper_", StringComparison.Ordinal) || c.StartsWith("nodes", StringComparison.Ordinal)),
        ("Dùng chung", "Sharing", c => c is "bts" or "tower_positions" or "bts_per_position"),
        ("Phủ sóng", "Coverage", c => c is "settlements" or "communes" or "communes_with_centre" or "communes_fibre_to_centre" or "communes_with_fibre_pct" or "settlements_within_fibre_pct"
            || c.StartsWith("settlements_covered_pct_", StringComparison.Ordinal) || c.StartsWith("public_sites_", StringComparison.Ordinal)),
        ("Thuê bao", "Subscribers", c => c is "population" || c.StartsWith("subscribers_", StringComparison.Ordinal)),
    ];

    /// <summary>The sheets for <paramref name="tables"/> (one per level, province first) and, when given, the comparisons of the same levels.</summary>
    public static IReadOnlyList<XlsxSheet> Sheets(string dataset, string? date, IReadOnlyList<IndicatorTable> tables, IReadOnlyList<IndicatorComparison>? comparisons, string lang)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var en = lang == "en";
        var columnSets = tables.Select(IndicatorColumns.For).ToList();
        var allNames = columnSets.SelectMany(c => c.Select(x => x.Name)).Distinct(StringComparer.Ordinal).ToList();
        var sheets = new List<XlsxSheet>();
        foreach (var (vi, english, holds) in Tables)
        {
            var names = Identity.Concat(allNames.Where(n => !Identity.Contains(n) && holds(n))).ToList();
            if (names.Count == Identity.Length)
            {
                continue;
            }

            var csv = new StringBuilder(string.Join(',', names)).Append('\n');
            for (var t = 0; t < tables.Count; t++)
            {
                var cells = columnSets[t].ToDictionary(c => c.Name, c => c.Cell, StringComparer.Ordinal);
                foreach (var row in tables[t].Rows)
                {
                    csv.Append(string.Join(',', names.Select(n => CsvCell(cells.TryGetValue(n, out var cell) ? cell(row) : string.Empty)))).Append('\n');
                }
            }

            var name = en ? english : vi;
            var title = $"{name} — {dataset}{(date is null ? string.Empty : $" ({date})")}";
            sheets.Add(XlsxSheet.FromCsv(name, title, csv.ToString(), c => IndicatorHeaders.Title(c, lang)));
        }

        if (comparisons is { Count: > 0 })
        {
            var csv = new StringBuilder("level,code,name,indicator,old,new,change,change_pct\n");
            foreach (var comparison in comparisons)
            {
                foreach (var line in IndicatorComparisonWriter.ToCsv(comparison).Split('\n').Skip(1).Where(l => l.Length > 0))
                {
                    csv.Append(Codes.Key(comparison.Level)).Append(',').Append(line).Append('\n');
                }
            }

            var first = comparisons[0];
            var name = en ? "Change" : "So sánh";
            var title = en
                ? $"Change — {first.OldDataset} ({first.OldDate ?? "no date"}) → {first.NewDataset} ({first.NewDate ?? "no date"})"
                : $"So sánh — {first.OldDataset} ({first.OldDate ?? "không rõ ngày"}) → {first.NewDataset} ({first.NewDate ?? "không rõ ngày"})";
            sheets.Add(XlsxSheet.FromCsv(name, title, csv.ToString(), c => ChangeHeader(c, en)));
        }

        return sheets;
    }

    private static string? ChangeHeader(string column, bool en) => column switch
    {
        "level" => en ? "Level" : "Cấp",
        "code" => en ? "Code" : "Mã",
        "name" => en ? "Unit" : "Đơn vị",
        "indicator" => en ? "Indicator (column)" : "Chỉ tiêu (cột)",
        "old" => en ? "Old" : "Kỳ trước",
        "new" => en ? "New" : "Kỳ này",
        "change" => en ? "Change" : "Tăng/giảm",
        "change_pct" => en ? "Change (%)" : "Tăng/giảm (%)",
        _ => null,
    };

    private static string CsvCell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
