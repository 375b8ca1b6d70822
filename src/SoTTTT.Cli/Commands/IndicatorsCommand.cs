using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Diagnostics;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;

namespace SoTTTT.Cli.Commands;

/// <summary><c>sotttt indicators DATASET [--level province|district|commune]</c>: the indicator table (console, CSV, JSON or .xlsx).</summary>
internal static class IndicatorsCommand
{
    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = DatasetSupport.ArgumentDescription };
        var level = new Option<string>("--level") { Description = "province | district | commune", DefaultValueFactory = _ => "province" };
        level.AcceptOnlyFromAmong("province", "district", "commune");
        var repair = new Option<bool>("--repair-polygons") { Description = "repair invalid polygons instead of rejecting them" };
        var target = new Option<double?>("--target-radius-km") { Description = "target average postal service radius: adds postal_points_needed (extra points per unit)" };
        target.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is <= 0)
            {
                r.AddError("--target-radius-km must be greater than 0");
            }
        });
        var compare = new Option<string?>("--compare") { Description = "an older snapshot of the dataset: old, new, change and % change of every indicator and unit" };
        var columns = new Option<string?>("--columns")
        {
            Description = "only these columns of the CSV (comma-separated names, or prefixes ending in *, e.g. postal_access_mean_km,bts_*), after the unit's code, name, level and parent; only the figures they need are computed",
        };
        columns.Validators.Add(r =>
        {
            if (ColumnList(r.GetValueOrDefault<string?>()) is { Count: 0 })
            {
                r.AddError("--columns needs at least one column name");
            }
            else if (ColumnList(r.GetValueOrDefault<string?>())?.FirstOrDefault(c => c.AsSpan().TrimEnd('*').ContainsAny("*, \t")) is { } bad)
            {
                r.AddError($"--columns: '{bad}' is not a column name (a * may only end a name)");
            }
        });
        var split = new Option<string>("--fibre-split")
        {
            Description = "midpoint: each fibre segment whole to the unit of its midpoint (default); exact: each segment cut where it crosses a unit's edge (the overlay of routes on units)",
            DefaultValueFactory = _ => "midpoint",
        };
        split.AcceptOnlyFromAmong("midpoint", "exact");
        var common = new CommonOptions();
        var timings = PhaseClock.CreateOption();
        var command = new Command("indicators", "bảng chỉ tiêu / the indicator table") { dataset, level, repair, target, compare, columns, split, timings };
        common.AddTo(command, "xlsx");
        command.SetAction(parse => PhaseClock.Timed(console, parse.GetValue(timings), () =>
        {
            var loaded = DatasetSupport.Load(console, parse.GetValue(dataset)!, parse.GetValue(common.Lang), parse.GetValue(repair), out var lang, out var exit);
            if (exit is { } code)
            {
                return code;
            }

            // --level accepts only province, district and commune, all of which parse.
            _ = Codes.TryParseLevel(parse.GetValue(level)!, out var adminLevel);
            var chosen = ColumnList(parse.GetValue(columns));
            var fibreSplit = parse.GetValue(split) == "exact" ? FibreSplit.Exact : FibreSplit.Midpoint;
            if (parse.GetValue(compare) is { } olderPath)
            {
                if (chosen is not null)
                {
                    console.Error.WriteLine(Texts.Get("columns.compare", lang));
                    return ExitCodes.BadInput;
                }

                var older = DatasetSupport.Load(console, olderPath, parse.GetValue(common.Lang), parse.GetValue(repair), out _, out var olderExit);
                if (olderExit is { } oc)
                {
                    return oc;
                }

                return EmitComparison(console, older.Dataset!, loaded.Dataset!, adminLevel, parse.GetValue(common.Format), parse.GetValue(common.Out), lang, parse.GetValue(target), fibreSplit);
            }

            return Emit(console, loaded.Dataset!, adminLevel, parse.GetValue(common.Format), parse.GetValue(common.Out), lang, parse.GetValue(target), chosen, fibreSplit);
        }));
        return command;
    }

    /// <summary>The names of <c>--columns</c> (trimmed, empty ones dropped), or null without the option.</summary>
    private static List<string>? ColumnList(string? value) =>
        value is null ? null : [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>Computes and writes the table; shared with <c>demo</c>.</summary>
    /// <param name="columns">The chosen columns of <c>--columns</c>, or null for all: only the costly parts they need are computed.</param>
    /// <param name="fibreSplit">How a route's length is shared among the units it crosses (<c>--fibre-split</c>).</param>
    public static int Emit(CliConsole console, Dataset dataset, AdminLevel level, string? format, string? outPath, string lang, double? targetRadiusKm = null, IReadOnlyList<string>? columns = null, FibreSplit fibreSplit = FibreSplit.Midpoint)
    {
        if (dataset.AdminUnits.All(u => u.Level != level))
        {
            console.Error.WriteLine(Texts.NoLevel(dataset, level, lang));
            return ExitCodes.BadInput;
        }

        if (format == "xlsx" && (outPath is null || !outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
        {
            console.Error.WriteLine(Texts.Get("xlsx.needs_out", lang));
            return ExitCodes.BadInput;
        }

        var parts = columns?.Aggregate(IndicatorParts.None, (p, c) => p | IndicatorPartsOf.For(c)) ?? IndicatorParts.All;
        var table = console.WithStatus(Texts.Get("computing", lang), () => IndicatorsAnalysis.Run(dataset, level, parts, targetRadiusKm, fibreSplit)) with { Columns = columns };
        PhaseMarks.Mark("compute");
        if (columns is not null && IndicatorColumns.Unknown(table, columns) is { Count: > 0 } unknown)
        {
            // The columns a part left out would have added (per operator, per kind) are named too: the whole table's.
            var whole = IndicatorsAnalysis.Run(dataset, level, targetRadiusKm);
            console.Error.WriteLine(Texts.Format("columns.unknown", lang, string.Join(", ", unknown), string.Join(", ", IndicatorColumns.Names(whole).Except(IndicatorColumns.Identity))));
            return ExitCodes.BadInput;
        }

        IndicatorTableView.ReportAssignment(console, table, lang);
        if (outPath is not null)
        {
            foreach (var written in Write(table, outPath, lang))
            {
                console.Error.WriteLine(Texts.Format("written", lang, written));
            }

            if (format is null or "xlsx")
            {
                return ExitCodes.Ok;
            }
        }

        switch (format ?? (console.OutIsTerminal ? "table" : "csv"))
        {
            case "json":
                console.Out.Write(IndicatorTableWriter.ToJson(table));
                break;
            case "csv":
                console.Out.Write(IndicatorTableWriter.ToCsv(table));
                break;
            default:
                IndicatorTableView.Render(console, table, lang);
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// <c>--compare</c>: both snapshots' tables of the level, compared unit by unit (matched by code); added, removed,
    /// renamed and merged units (<see cref="UnitMergeAnalysis"/>) and removed levels are printed on stderr and kept in the JSON.
    /// </summary>
    public static int EmitComparison(CliConsole console, Dataset older, Dataset newer, AdminLevel level, string? format, string? outPath, string lang, double? targetRadiusKm = null, FibreSplit fibreSplit = FibreSplit.Midpoint)
    {
        foreach (var (removed, oldUnits) in UnitMergeAnalysis.RemovedLevels(older, newer))
        {
            console.Error.WriteLine(Texts.Format("compare.level_removed", lang, Texts.Get("level." + Codes.Key(removed), lang), oldUnits));
        }

        foreach (var d in new[] { newer, older })
        {
            if (d.AdminUnits.All(u => u.Level != level))
            {
                console.Error.WriteLine(Texts.NoLevel(d, level, lang));
                return ExitCodes.BadInput;
            }
        }

        var comparison = console.WithStatus(Texts.Get("computing", lang), () => Compare(older, newer, level, targetRadiusKm, fibreSplit));
        foreach (var u in comparison.Units)
        {
            console.Error.WriteLine(Texts.Format("compare." + u.Status, lang, u.Code, u.OldName ?? string.Empty, u.NewName ?? string.Empty, u.MergedInto ?? string.Empty, IndicatorComparisonWriter.Number(u.SharePct is { } s ? Math.Round(s, 1) : null)));
        }

        foreach (var unit in comparison.Changes.Where(c => c.OldFrom is not null).GroupBy(c => c.Code, StringComparer.Ordinal))
        {
            var first = unit.First();
            var blank = unit.Where(c => c.OldNote is not null).Select(c => c.Indicator).ToList();
            console.Error.WriteLine(Texts.Format("compare.merged_old", lang, first.Code, first.Name, string.Join(" + ", first.OldFrom!)));
            if (blank.Count > 0)
            {
                console.Error.WriteLine(Texts.Format("compare.merged_blank", lang, first.Code, string.Join(", ", blank)));
            }
        }

        if (outPath is not null)
        {
            var stem = outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? outPath[..outPath.LastIndexOf('.')]
                : Path.Combine(outPath, $"indicators_{Codes.Key(level)}_compare");
            if (!outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                AtomicFile.WriteAllText(stem + ".csv", IndicatorComparisonWriter.ToCsv(comparison));
                console.Error.WriteLine(Texts.Format("written", lang, stem + ".csv"));
            }

            if (!outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                AtomicFile.WriteAllText(stem + ".json", IndicatorComparisonWriter.ToJson(comparison));
                console.Error.WriteLine(Texts.Format("written", lang, stem + ".json"));
            }

            if (format is null)
            {
                return ExitCodes.Ok;
            }
        }

        switch (format ?? (console.OutIsTerminal ? "table" : "csv"))
        {
            case "json":
                console.Out.Write(IndicatorComparisonWriter.ToJson(comparison));
                break;
            case "csv":
                console.Out.Write(IndicatorComparisonWriter.ToCsv(comparison));
                break;
            default:
                ComparisonView.Render(console, comparison, lang);
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>The comparison of two snapshots at one level (also used by <c>report</c>).</summary>
    public static IndicatorComparison Compare(Dataset older, Dataset newer, AdminLevel level, double? targetRadiusKm = null, FibreSplit fibreSplit = FibreSplit.Midpoint) =>
        IndicatorComparison.Of(
            IndicatorsAnalysis.Run(older, level, IndicatorParts.All, targetRadiusKm, fibreSplit),
            older.Date,
            IndicatorsAnalysis.Run(newer, level, IndicatorParts.All, targetRadiusKm, fibreSplit),
            newer.Date,
            UnitMergeAnalysis.Run(older, newer, level))
        with
        {
            RemovedLevels = UnitMergeAnalysis.RemovedLevels(older, newer),
        };

    /// <summary>Writes to a .csv, .json or .xlsx file (headings in <paramref name="lang"/>), or into a folder as indicators_&lt;level&gt;.csv and .json.</summary>
    public static IReadOnlyList<string> Write(IndicatorTable table, string outPath, string lang = "vi")
    {
        if (outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var sheet = XlsxSheet.From(IndicatorLayers.From(table), f => IndicatorHeaders.Title(f.Name, lang));
            var title = $"{Texts.Get("indicators.title", lang)} — {table.Dataset} — {Texts.Get("level." + Codes.Key(table.Level), lang)}";
            var sheets = new List<XlsxSheet> { sheet with { Name = Texts.Get("level." + Codes.Key(table.Level), lang), Title = title } };
            if (table.UnassignedItems.Count > 0)
            {
                sheets.Add(XlsxSheet.FromCsv(Texts.Get("unassigned.sheet", lang), Texts.Get("unassigned.sheet", lang), IndicatorTableWriter.UnassignedCsv(table), _ => null));
            }

            XlsxTableWriter.Write(outPath, sheets);
            return [outPath];
        }

        if (outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.WriteAllText(outPath, IndicatorTableWriter.ToCsv(table));
            return [outPath];
        }

        if (outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.WriteAllText(outPath, IndicatorTableWriter.ToJson(table));
            return [outPath];
        }

        var stem = Path.Combine(outPath, $"indicators_{Codes.Key(table.Level)}");
        AtomicFile.WriteAllText(stem + ".csv", IndicatorTableWriter.ToCsv(table));
        AtomicFile.WriteAllText(stem + ".json", IndicatorTableWriter.ToJson(table));
        AtomicFile.WriteAllText(stem + "_unassigned.csv", IndicatorTableWriter.UnassignedCsv(table));
        return [stem + ".csv", stem + ".json", stem + "_unassigned.csv"];
    }
}
