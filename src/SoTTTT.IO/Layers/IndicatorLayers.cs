using System.Globalization;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.Layers;

/// <summary>
/// Indicator tables as attribute tables (<c>indicators_province</c>, <c>indicators_district</c>,
/// <c>indicators_commune</c>): the columns of the CSV (<see cref="IndicatorColumns"/>), typed, with Vietnamese titles.
/// </summary>
public static class IndicatorLayers
{
    private static readonly HashSet<string> TextColumns = new(StringComparer.Ordinal) { "code", "name", "level", "parent_code", "area_source" };

    /// <summary>One source per admin level; each applies when the dataset has units of that level.</summary>
    public static IReadOnlyList<ILayerSource> Sources { get; } =
        new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune }
            .Select(level => (ILayerSource)new LayerSource(
                NameOf(level),
                d => d.AdminUnits.Any(u => u.Level == level),
                d => From(IndicatorsAnalysis.Run(d, level))))
            .ToList();

    public static string NameOf(AdminLevel level) => "indicators_" + Codes.Key(level);

    /// <summary>The table as an attribute layer; numbers are rounded as in the CSV.</summary>
    public static FeatureTable From(IndicatorTable table)
    {
        var columns = IndicatorColumns.For(table);
        var fields = columns
            .Select(c => new LayerField(c.Name, TypeOf(c.Name, table), IndicatorHeaders.Title(c.Name)))
            .ToList();
        var rows = table.Rows
            .Select(r => new FeatureRow(null, columns.Select((c, i) => Value(c.Cell(r), fields[i].Type)).ToList()))
            .ToList();
        return new FeatureTable(NameOf(table.Level), $"Chỉ tiêu hạ tầng bưu chính, viễn thông – {LevelTitle(table.Level)}", FeatureGeometryType.None, null, fields, rows);
    }

    private static string LevelTitle(AdminLevel level) => level switch
    {
        AdminLevel.Province => "cấp tỉnh",
        AdminLevel.District => "cấp huyện",
        _ => "cấp xã",
    };

    private static FieldType TypeOf(string column, IndicatorTable table)
    {
        if (TextColumns.Contains(column))
        {
            return FieldType.Text;
        }

        // Counts are whole numbers; measures (km, km², %, ratios) are formatted with decimals.
        var sample = IndicatorColumns.For(table).First(c => c.Name == column).Cell;
        return table.Rows.Select(sample).Any(s => s.Contains('.', StringComparison.Ordinal)) || column.EndsWith("_km", StringComparison.Ordinal) || column.Contains("_km_", StringComparison.Ordinal)
            || column.EndsWith("_pct", StringComparison.Ordinal) || column.StartsWith("subscribers_per_100_", StringComparison.Ordinal) || column is "copper_km" or "area_km2" or "bts_per_position" or "people_per_postal_point"
            ? FieldType.Real
            : FieldType.Integer;
    }

    private static object? Value(string cell, FieldType type) => cell.Length == 0
        ? null
        : type switch
        {
            FieldType.Integer => long.Parse(cell, CultureInfo.InvariantCulture),
            FieldType.Real => double.Parse(cell, CultureInfo.InvariantCulture),
            _ => cell,
        };
}
