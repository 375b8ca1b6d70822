using System.Globalization;
using SoTTTT.Core.Indicators;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;
using Spectre.Console;

namespace SoTTTT.Cli.Output;

/// <summary>Two snapshots compared, for people: unit, indicator (titled), old, new, signed change ("+196") and % ("+44.0 %").</summary>
internal static class ComparisonView
{
    public static void Render(CliConsole console, IndicatorComparison comparison, string lang)
    {
        var noDate = Texts.Get("compare.no_date", lang);
        var view = new Table()
            .Title(Markup.Escape(Texts.Format("compare.title", lang, comparison.OldDataset, comparison.OldDate ?? noDate, comparison.NewDataset, comparison.NewDate ?? noDate)))
            .Border(TableBorder.Rounded)
            .AddColumn(Texts.Get("name", lang))
            .AddColumn(Texts.Get("indicator", lang))
            .AddColumn(new TableColumn(Texts.Get("compare.old", lang)).RightAligned())
            .AddColumn(new TableColumn(Texts.Get("compare.new", lang)).RightAligned())
            .AddColumn(new TableColumn(Texts.Get("compare.change", lang)).RightAligned())
            .AddColumn(new TableColumn(Texts.Get("compare.change_pct", lang)).RightAligned());
        foreach (var c in comparison.Changes)
        {
            view.AddRow(
                Markup.Escape(c.Name),
                Markup.Escape(IndicatorHeaders.Title(c.Indicator, lang)),
                Markup.Escape(Or(IndicatorComparisonWriter.Number(c.Old))),
                Markup.Escape(Or(IndicatorComparisonWriter.Number(c.New))),
                Markup.Escape(Signed(c.Change, "0.###")),
                Markup.Escape(c.ChangePct is null ? "–" : Signed(c.ChangePct, "0.0") + " %"));
        }

        console.Ansi.Write(view);
    }

    /// <summary>"+196", "−3", "0"; "–" for null.</summary>
    public static string Signed(double? value, string format)
    {
        if (value is not { } v)
        {
            return "–";
        }

        var rounded = Math.Round(v, 3, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString(format, CultureInfo.InvariantCulture);
        return rounded > 0 ? "+" + text : rounded < 0 ? "−" + text : text;
    }

    private static string Or(string s) => s.Length > 0 ? s : "–";
}
