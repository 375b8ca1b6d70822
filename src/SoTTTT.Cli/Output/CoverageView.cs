using System.Globalization;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.IO.Writing;
using Spectre.Console;

namespace SoTTTT.Cli.Output;

/// <summary>The coverage analysis for people: the unit table with the thresholds in the caption, then uncovered settlements and the largest gaps.</summary>
internal static class CoverageView
{
    private const int Shown = 10;

    /// <summary>"2G −95 dBm, 4G −110 dBm" for the technologies of the result.</summary>
    public static string Thresholds(CoverageResult r) =>
        string.Join(", ", r.Techs.Select(t => $"{Codes.Label(t)} {r.Rules.For(t).ThresholdDbm.ToString("0.#", CultureInfo.InvariantCulture)} dBm"));

    public static void Render(CliConsole console, CoverageResult r, string lang)
    {
        var table = new Table()
            .Title($"{Texts.Get("coverage.title", lang)} — {r.Dataset}")
            .Caption(Texts.Format("coverage.caption", lang, Thresholds(r), r.Rules.ReceiverHeightM, r.Options.CellM, r.Crs))
            .Border(TableBorder.Rounded);
        foreach (var key in new[] { "name", "coverage.tech", "sharing.operator", "settlements", "coverage.covered", "coverage.settlements_pct", "coverage.population_pct", "coverage.area_pct", "coverage.communes" })
        {
            var column = new TableColumn(TerminalText.Cell(Texts.Get(key, lang)));
            if (key is not ("name" or "coverage.tech" or "sharing.operator"))
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }

        foreach (var row in r.Rows)
        {
            var firstOfUnit = row.Operator == CoverageLayer.AnyOperator && row.Tech == r.Techs[0];
            table.AddRow(
                TerminalText.Cell(firstOfUnit ? row.Name : string.Empty),
                row.Operator == CoverageLayer.AnyOperator ? (row.Tech is null ? Texts.Get("coverage.any_tech", lang) : row.TechLabel) : string.Empty,
                TerminalText.Cell(row.Operator == CoverageLayer.AnyOperator ? Texts.Get("sharing.all", lang) : row.Operator),
                row.SettlementsTotal.ToString(CultureInfo.InvariantCulture),
                row.SettlementsCovered.ToString(CultureInfo.InvariantCulture),
                Dash(IndicatorColumns.Fixed(row.SettlementsCoveredPct, 1)),
                Dash(IndicatorColumns.Fixed(row.PopulationCoveredPct, 1)),
                Dash(IndicatorColumns.Fixed(row.AreaCoveredPct, 1)),
                row.CommunesTotal == 0 ? "–" : $"{row.CommunesCovered}/{row.CommunesTotal}");
        }

        console.Ansi.Write(table);
        RenderBudget(console, r, lang);
        if (r.Terrain is { } terrain)
        {
            console.Out.WriteLine(Texts.Format(
                "coverage.terrain",
                lang,
                terrain.Source ?? "DEM",
                terrain.Profiler.SampleSpacingM.ToString("0.#", CultureInfo.InvariantCulture),
                (int)terrain.Rules.Climate,
                terrain.Rules.SurfaceRefractivityN.ToString("0.#", CultureInfo.InvariantCulture),
                terrain.Paths,
                terrain.PathsWithoutData));
        }
        else
        {
            console.Out.WriteLine(Texts.Get("coverage.flat", lang));
        }
        var withDefaults = r.Footprints.Count(f => f.Defaults.Count > 0);
        if (withDefaults > 0)
        {
            console.Out.WriteLine(Texts.Format("coverage.defaults", lang, withDefaults, r.Footprints.Count));
        }

        foreach (var tech in r.Techs)
        {
            console.Out.WriteLine(Texts.Format("coverage.uncovered", lang, Codes.Label(tech), r.Uncovered.Count(u => u.Tech == tech), r.Settlements.Count));
        }

        switch (r.RasterStatus)
        {
            case RasterStatus.NoPolygons:
                console.Out.WriteLine(Texts.Get("coverage.no_raster", lang));
                break;
            case RasterStatus.Off:
                console.Out.WriteLine(Texts.Get("coverage.raster_off", lang));
                break;
            case RasterStatus.Built:
                console.Out.WriteLine();
                console.Out.WriteLine(Texts.Format("coverage.gaps", lang, r.Gaps.Count, r.Options.GapMinAreaKm2));
                var gaps = new Table().Border(TableBorder.Simple);
                foreach (var h in new[] { "id", "km²", Texts.Get("settlements", lang), Texts.Get("population", lang), Texts.Get("code", lang) })
                {
                    gaps.AddColumn(TerminalText.Cell(h));
                }

                foreach (var g in r.Gaps.Take(Shown))
                {
                    gaps.AddRow(
                        TerminalText.Cell(g.Id),
                        IndicatorColumns.Fixed(g.AreaKm2, 2),
                        g.Settlements.ToString(CultureInfo.InvariantCulture),
                        g.Population.ToString(CultureInfo.InvariantCulture),
                        TerminalText.Cell(g.UnitCode ?? string.Empty));
                }

                if (r.Gaps.Count > 0)
                {
                    console.Ansi.Write(gaps);
                }

                break;
        }

        if (r.PredictionErrors.Count > 0)
        {
            console.Out.WriteLine();
            console.Out.WriteLine(Texts.Get("coverage.errors", lang));
            var errors = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { Texts.Get("sharing.operator", lang), Texts.Get("coverage.tech", lang), Texts.Get("pl.model", lang), "n", "mean dB", "RMSE dB" })
            {
                errors.AddColumn(TerminalText.Cell(h));
            }

            foreach (var e in r.PredictionErrors)
            {
                errors.AddRow(
                    TerminalText.Cell(e.Operator),
                    Codes.Label(e.Tech),
                    TerminalText.Cell(e.Model),
                    e.Count.ToString(CultureInfo.InvariantCulture),
                    Dash(IndicatorColumns.Fixed(e.MeanDb, 2)),
                    Dash(IndicatorColumns.Fixed(e.RmseDb, 2)));
            }

            console.Ansi.Write(errors);
        }

        if (r.UnassignedSettlements > 0)
        {
            console.Error.WriteLine(Texts.Format("unassigned", lang, $"{Dataset.LayerNames.Settlements} {r.UnassignedSettlements}"));
        }
    }

    /// <summary>The budget of each technology's default BTS, with its rural / suburban / urban figures (DOMAIN.md: always print the budget).</summary>
    public static void RenderBudget(CliConsole console, CoverageResult r, string lang)
    {
        var rules = r.Rules;
        static string N(double v, string format = "0.#") => v.ToString(format, CultureInfo.InvariantCulture);
        console.Out.WriteLine(Texts.Format("coverage.budget_head", lang, Texts.Get("coverage.place." + CoverageWriter.PlaceKey(rules.Place), lang), N(rules.BodyLossDb), N(rules.CellEdgeProbabilityPct), N(rules.MaxRangeKm)));
        foreach (var group in BudgetSummary.For(rules, r.Techs, r.Options.Model).GroupBy(b => b.Tech))
        {
            var all = group.ToList();
            var b = all[0].Budget;
            var settings = rules.For(group.Key);
            var channel = b.Signal.ResourceBlocks is { } prb ? $" ({N(b.Signal.BandwidthMHz ?? 0)} MHz, {prb} PRB)" : string.Empty;
            string Triple(Func<BudgetSummary, double> value, string format) => string.Join(" / ", all.Select(x => N(value(x), format)));
            console.Out.WriteLine(Texts.Format(
                "coverage.budget",
                lang,
                Codes.Label(group.Key),
                b.Signal.Name,
                N(b.TotalEirpDbm),
                N(b.Signal.OffsetDb, "+0.0;−0.0;0"),
                channel,
                N(b.ReferenceEirpDbm, "0.0"),
                N(b.ThresholdDbm),
                Triple(x => x.Budget.MaxPathLossDb, "0.0"),
                Triple(x => x.RangeKm, "0.00"),
                Texts.Get("coverage.budget_env", lang),
                N(settings.AntennaHeightM),
                N(settings.BandMHz)));
        }
    }

    private static string Dash(string s) => s.Length == 0 ? "–" : s;
}
