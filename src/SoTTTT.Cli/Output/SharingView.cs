using SoTTTT.Core.Sharing;
using SoTTTT.IO.Writing;
using Spectre.Console;

namespace SoTTTT.Cli.Output;

/// <summary>The sharing analysis for people: the unit table, then the opportunities with their first rows.</summary>
internal static class SharingView
{
    private const int Shown = 10;

    public static void Render(CliConsole console, SharingResult r, string lang)
    {
        var units = new Table()
            .Title($"{Texts.Get("sharing.title", lang)} — {r.Dataset}")
            .Caption(Texts.Format("sharing.caption", lang, r.Rules.CoLocationM, r.Rules.MustShareM.UrbanM, r.Rules.MustShareM.NonUrbanM, r.Crs))
            .Border(TableBorder.Rounded);
        foreach (var key in new[] { "name", "sharing.operator", "tower_positions", "bts", "bts_per_position", "sharing.shared_positions", "sharing.rate", "sharing.spare" })
        {
            var column = new TableColumn(TerminalText.Cell(Texts.Get(key, lang)));
            if (key is not ("name" or "sharing.operator"))
            {
                column.RightAligned();
            }

            units.AddColumn(column);
        }

        foreach (var row in r.Rows)
        {
            units.AddRow(
                TerminalText.Cell(row.Operator is null ? row.Name : string.Empty),
                TerminalText.Cell(row.Operator ?? Texts.Get("sharing.all", lang)),
                row.TowerPositions.ToString(),
                row.Bts.ToString(),
                Dash(IndicatorColumns.Fixed(row.BtsPerPosition, 2)),
                row.SharedPositions.ToString(),
                Dash(IndicatorColumns.Fixed(row.SharingRatePct, 1)),
                row.SpareSlots?.ToString() ?? string.Empty);
        }

        console.Ansi.Write(units);

        List(console, Texts.Format("sharing.missed", lang, r.MissedSharing.Count), r.MissedSharing.Take(Shown), ["A", "", "B", "", "m", "≤ m"], p =>
            [p.PositionA, p.OperatorA, p.PositionB, p.OperatorB, IndicatorColumns.Fixed(p.DistanceM, 0), IndicatorColumns.Fixed(p.LimitM, 0)]);
        var full = r.Capacity.Count(c => c.Spare <= 0);
        console.Out.WriteLine(Texts.Format("sharing.capacity", lang, r.Capacity.Count, r.Capacity.Where(c => c.Spare > 0).Sum(c => c.Spare), full));
        List(console, Texts.Format("sharing.convert", lang, r.ToConvert.Count), r.ToConvert.Take(Shown), ["id", "type", "m", "zone", "code"], t =>
            [t.TowerId, t.Type ?? "", IndicatorColumns.Fixed(t.HeightM, 1), $"{t.ZoneId} {t.ZoneKind}", t.Code]);
        List(console, Texts.Format("sharing.spacing", lang, r.SpacingViolations.Count), r.SpacingViolations.Take(Shown), ["A", "", "B", "", "m", "≥ m"], v =>
            [v.TowerA, v.TypeA ?? "", v.TowerB, v.TypeB ?? "", IndicatorColumns.Fixed(v.DistanceM, 0), IndicatorColumns.Fixed(v.LimitM, 0)]);
        List(console, Texts.Format("sharing.ducts", lang, r.Rules.DuctCorridorM, r.Rules.DuctMinLengthM), r.Fibre.Pairs, ["A", "B", "km", "n"], p =>
            [p.OperatorA, p.OperatorB, IndicatorColumns.Fixed(p.Km, 1), p.Stretches.ToString()]);
        console.Out.WriteLine(Texts.Format("sharing.underground", lang, IndicatorColumns.Fixed(r.Fibre.ToUndergroundKm, 1), IndicatorColumns.Fixed(r.Fibre.AerialKm, 1), r.Fibre.Undergrounding.Count));
        if (r.Unassigned > 0)
        {
            console.Error.WriteLine(Texts.Format("unassigned", lang, $"{Core.Model.Dataset.LayerNames.Towers} {r.Unassigned}"));
        }
    }

    private static void List<T>(CliConsole console, string title, IEnumerable<T> rows, string[] headers, Func<T, string[]> cells)
    {
        console.Out.WriteLine();
        console.Out.WriteLine(title);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in headers)
        {
            table.AddColumn(TerminalText.Cell(h));
        }

        var any = false;
        foreach (var row in rows)
        {
            table.AddRow([.. cells(row).Select(TerminalText.Cell)]);
            any = true;
        }

        if (any)
        {
            console.Ansi.Write(table);
        }
    }

    private static string Dash(string s) => s.Length == 0 ? "–" : s;
}
