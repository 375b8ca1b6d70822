using System.Globalization;
using ScottPlot;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Charts;

/// <summary>
/// The report document's charts per unit (<c>sotttt report</c>): BTS, village coverage of the newest technology the
/// dataset has, and fibre route length for every district (or commune when the dataset has no districts; every province
/// of a national dataset), as horizontal
/// bars drawn with ScottPlot into PNG. With an older snapshot, each unit has its old bar beside the new one (units matched
/// by code; a unit the older snapshot lacks has no old bar). Values are the indicator table's (the same as
/// <c>indicators</c>); labels in Vietnamese or English, text in <see cref="ChartFont.Family"/>. The same table gives
/// the same bytes.
/// </summary>
public static class DistrictCharts
{
    /// <summary>Image width in pixels; the height grows with the number of units.</summary>
    public const int WidthPx = 1600;

    private const float Scale = 2;

    private static readonly Color NewColor = Color.FromHex("#1f3a5f");

    private static readonly Color OldColor = Color.FromHex("#9ecae1");

    /// <summary>The chart kinds in document order, for <paramref name="units"/>: <c>bts</c>, <c>settlements_covered_pct_&lt;tech&gt;</c> (when coverage is known), <c>fibre_km</c>.</summary>
    public static IReadOnlyList<string> Kinds(IndicatorTable units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var kinds = new List<string> { "bts" };
        var tech = Enum.GetValues<Technology>().Reverse().Cast<Technology?>()
            .FirstOrDefault(t => units.Rows.Any(r => r.SettlementsCoveredPctByTech.ContainsKey(t!.Value)));
        if (tech is { } newest)
        {
            kinds.Add($"settlements_covered_pct_{Codes.Fold(Codes.Label(newest))}");
        }

        kinds.Add("fibre_km");
        return kinds;
    }

    /// <summary>Renders every kind of <see cref="Kinds"/>.</summary>
    /// <param name="units">The district (or commune, or province) table of the dataset.</param>
    /// <param name="older">The same level of the older snapshot, or null.</param>
    /// <param name="oldLabel">The older snapshot's legend text (its date), when <paramref name="older"/> is given.</param>
    /// <param name="newLabel">The dataset's legend text (its date), when <paramref name="older"/> is given.</param>
    /// <exception cref="FileNotFoundException">The chart font is not installed (<see cref="ChartFont.Require"/>).</exception>
    public static IReadOnlyList<ReportChart> Render(IndicatorTable units, IndicatorTable? older, string oldLabel, string newLabel, string lang)
    {
        ArgumentNullException.ThrowIfNull(units);
        ChartFont.Require();
        return Kinds(units).Select(kind => Render(units, older, kind, oldLabel, newLabel, lang)).ToList();
    }

    /// <summary>The chart title of a kind: the indicator heading and the level (<c>Số trạm BTS theo huyện</c>).</summary>
    public static string Title(string kind, AdminLevel level, string lang)
    {
        var en = lang == "en";
        var by = (level, en) switch
        {
            (AdminLevel.Commune, false) => "theo xã",
            (AdminLevel.Commune, true) => "by commune",
            (AdminLevel.Province, false) => "theo tỉnh",
            (AdminLevel.Province, true) => "by province",
            (_, false) => "theo huyện",
            (_, true) => "by district",
        };
        return $"{IndicatorHeaders.Title(kind, lang)} {by}";
    }

    private static ReportChart Render(IndicatorTable units, IndicatorTable? older, string kind, string oldLabel, string newLabel, string lang)
    {
        var rows = units.Rows;
        var olderRows = older?.Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var decimals = kind == "bts" ? 0 : 1;
        var plot = new Plot { ScaleFactor = Scale };
        var bars = new List<Bar>();
        var n = rows.Count;
        for (var i = 0; i < n; i++)
        {
            // The first unit at the top.
            double y = n - 1 - i;
            var value = Value(rows[i], kind) ?? 0;
            if (olderRows is null)
            {
                bars.Add(Bar(y, value, 0.7, NewColor, decimals));
                continue;
            }

            if (olderRows.TryGetValue(rows[i].Code, out var old))
            {
                bars.Add(Bar(y + 0.2, Value(old, kind) ?? 0, 0.4, OldColor, decimals));
            }

            bars.Add(Bar(y - 0.2, value, 0.4, NewColor, decimals));
        }

        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.FontName = ChartFont.Family;
        series.ValueLabelStyle.FontSize = 10;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, n).Select(i => (double)(n - 1 - i))], [.. rows.Select(r => r.Name)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.12, bottom: 0.02, top: 0.02);
        plot.Title(Title(kind, units.Level, lang));
        plot.XLabel(IndicatorHeaders.Title(kind, lang));
        if (olderRows is not null)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = oldLabel, FillColor = OldColor });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = newLabel, FillColor = NewColor });
            plot.ShowLegend(Edge.Bottom);
        }

        plot.Font.Set(ChartFont.Family);
        plot.Legend.FontName = ChartFont.Family;
        var height = 260 + (n * (olderRows is null ? 44 : 64));
        var png = plot.GetImageBytes(WidthPx, height, ImageFormat.Png);
        return new ReportChart(kind, Title(kind, units.Level, lang), png, WidthPx, height);
    }

    private static Bar Bar(double position, double value, double size, Color color, int decimals) => new()
    {
        Position = position,
        Value = value,
        Size = size,
        FillColor = color,
        LineWidth = 0,
        Label = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    };

    private static double? Value(IndicatorRow row, string kind) =>
        IndicatorValues.Of(row).FirstOrDefault(v => v.Key == kind).Value;
}
