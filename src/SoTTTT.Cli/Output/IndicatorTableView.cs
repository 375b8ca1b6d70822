using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;
using Spectre.Console;

namespace SoTTTT.Cli.Output;

/// <summary>The indicator table for people: the headline columns with Vietnamese (or English) headers.</summary>
internal static class IndicatorTableView
{
    private static readonly (string Key, Func<IndicatorRow, string> Cell)[] Columns =
    [
        ("name", r => r.Name),
        ("area_km2", r => IndicatorColumns.Fixed(r.AreaKm2, 1)),
        ("population", r => r.Population?.ToString() ?? "–"),
        ("postal_points", r => r.PostalPoints.ToString()),
        ("service_radius_km", r => IndicatorColumns.Fixed(r.ServiceRadiusKm, 2)),
        ("people_per_postal_point", r => IndicatorColumns.Fixed(r.PeoplePerPostalPoint, 0)),
        ("settlements", r => r.Settlements.ToString()),
        ("postal_access_mean_km", r => IndicatorColumns.Fixed(r.PostalAccessMeanKm, 2)),
        ("bts", r => r.Bts.ToString()),
        ("tower_positions", r => r.TowerPositions.ToString()),
        ("bts_per_position", r => IndicatorColumns.Fixed(r.BtsPerPosition, 2)),
        ("fibre_km", r => IndicatorColumns.Fixed(r.FibreKm, 0)),
        ("communes_with_fibre_pct", r => IndicatorColumns.Fixed(r.CommunesWithFibrePct, 1)),
        ("communes_fibre_to_centre", r => r.CommunesWithCentre > 0 ? $"{r.CommunesFibreToCentre}/{r.CommunesWithCentre}" : string.Empty),
        ("communes_with_postal", r => r.Communes > 0 ? $"{r.CommunesWithPostal}/{r.Communes}" : string.Empty),
        ("fibre_routes", r => r.FibreRoutes.ToString()),
        ("settlements_within_fibre_pct", r => IndicatorColumns.Fixed(r.SettlementsWithinFibrePct, 1)),
        ("settlements_covered_pct_4g", r => IndicatorColumns.Fixed(r.SettlementsCoveredPctByTech.TryGetValue(Core.Model.Technology.G4, out var pct) ? pct : null, 1)),
        ("subscribers_per_100_mobile", r => IndicatorColumns.Fixed(r.SubscribersPer100ByService.TryGetValue("mobile", out var v) ? v : null, 1)),
        ("subscribers_per_100_fixed_broadband", r => IndicatorColumns.Fixed(r.SubscribersPer100ByService.TryGetValue("fixed_broadband", out var v) ? v : null, 1)),
    ];

    public static void Render(CliConsole console, IndicatorTable table, string lang)
    {
        if (table.Rows.Count == 1)
        {
            RenderOne(console, table, lang);
            return;
        }

        // Too many columns for one table within the width: the unit name, then as many columns as fit, repeated.
        var columns = Shown(table, lang);
        var cells = table.Rows.Select(r => columns.Select(c => c.Cell(r) is { Length: > 0 } v ? v : "–").ToArray()).ToList();
        var headers = columns.Select(c => c.Header).ToArray();
        // A header wraps onto two or three lines rather than widening its column past 12 characters.
        int Width(int i) => Math.Max(cells.Select(r => r[i].Length).DefaultIfEmpty(0).Max(), i == 0 ? 0 : Math.Min(headers[i].Length, 12)) + 3;
        var groups = new List<List<int>>();
        var budget = CliConsole.MaxTableWidth - 1 - Width(0);
        foreach (var i in Enumerable.Range(1, columns.Length - 1))
        {
            if (groups.Count == 0 || groups[^1].Sum(Width) + Width(i) > budget)
            {
                groups.Add([]);
            }

            groups[^1].Add(i);
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var view = new Table().Border(TableBorder.Rounded);
            if (g == 0)
            {
                view.Title($"{Texts.Get("indicators.title", lang)} — {table.Dataset} — {Texts.Get("level." + Codes.Key(table.Level), lang)}");
            }

            if (g == groups.Count - 1)
            {
                view.Caption(Texts.Format("indicators.footer", lang, table.FibreReachM, table.Crs));
            }

            view.AddColumn(new TableColumn(TerminalText.Cell(headers[0])));
            foreach (var i in groups[g])
            {
                view.AddColumn(new TableColumn(TerminalText.Cell(headers[i])).RightAligned());
            }

            foreach (var row in cells)
            {
                view.AddRow([TerminalText.Cell(row[0]), .. groups[g].Select(i => TerminalText.Cell(row[i]))]);
            }

            console.Ansi.Write(view);
        }
    }

    /// <summary>The unit's name, then the headline columns, or the chosen ones of <c>--columns</c> (as in the CSV).</summary>
    private static (string Header, Func<IndicatorRow, string> Cell)[] Shown(IndicatorTable table, string lang) =>
        table.Columns is null
            ? [.. Columns.Select(c => (Texts.Get(c.Key, lang), c.Cell))]
            : [.. IndicatorColumns.For(table).Where(c => c.Name is not ("code" or "level" or "parent_code")).Select(c => (IndicatorHeaders.Title(c.Name, lang), c.Cell))];

    /// <summary>A single unit (the province) reads better as indicator / value lines, like a report.</summary>
    private static void RenderOne(CliConsole console, IndicatorTable table, string lang)
    {
        var row = table.Rows[0];
        var view = new Table()
            .Title($"{Texts.Get("indicators.title", lang)} — {TerminalText.Cell(row.Name)}")
            .Caption(Texts.Format("indicators.footer", lang, table.FibreReachM, table.Crs))
            .Border(TableBorder.Rounded)
            .AddColumn(Texts.Get("indicator", lang))
            .AddColumn(new TableColumn(Texts.Get("value", lang)).RightAligned());
        foreach (var (header, cell) in Shown(table, lang).Skip(1))
        {
            view.AddRow(TerminalText.Cell(header), TerminalText.Cell(cell(row) is { Length: > 0 } s ? s : "–"));
        }

        console.Ansi.Write(view);
    }

    /// <summary>
    /// Notices on stderr, whatever the format: the items counted in no unit of the level (a few with id and lon/lat) and
    /// the points given to the nearest unit.
    /// </summary>
    public static void ReportAssignment(CliConsole console, IndicatorTable table, string lang)
    {
        const int examples = 5;
        if (table.Unassigned.Count > 0)
        {
            var what = string.Join(", ", table.Unassigned.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
            console.Error.WriteLine(Texts.Format("unassigned.level", lang, what, Texts.Get("level." + Codes.Key(table.Level), lang)));
            foreach (var u in table.UnassignedItems.Take(examples))
            {
                var where = u.UnitCode is null ? Texts.Get("unassigned.outside", lang) : Texts.Format("unassigned.in", lang, u.UnitCode);
                console.Error.WriteLine(FormattableString.Invariant($"  {u.Layer} {u.Id} ({u.LonDeg:0.######}, {u.LatDeg:0.######}): {where}"));
            }

            if (table.UnassignedItems.Count > examples)
            {
                console.Error.WriteLine(Texts.Format("unassigned.more", lang, table.UnassignedItems.Count - examples));
            }
        }

        if (table.NearestUnitItems.Count > 0)
        {
            console.Error.WriteLine(Texts.Format("nearest_unit", lang, table.NearestUnitItems.Count, table.NearestUnitM));
            foreach (var n in table.NearestUnitItems.Take(examples))
            {
                console.Error.WriteLine(FormattableString.Invariant($"  {n.Layer} {n.Id} ({n.LonDeg:0.######}, {n.LatDeg:0.######}) → {n.UnitCode}, {n.DistanceM:0} m"));
            }

            if (table.NearestUnitItems.Count > examples)
            {
                console.Error.WriteLine(Texts.Format("unassigned.more", lang, table.NearestUnitItems.Count - examples));
            }
        }
    }
}
