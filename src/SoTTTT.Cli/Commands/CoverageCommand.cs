using System.CommandLine;
using System.Globalization;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Diagnostics;
using SoTTTT.Core.Model;
using SoTTTT.IO.Writing;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt coverage DATASET [--tech T] [--operator O] [--cell-m 100] [--level province|district|commune]</c>: predicted
/// coverage of settlements, population and area per unit, operator and technology; with <c>--out DIR</c> also the BTS
/// footprints, uncovered settlements, best servers, gap clusters, coverage polygons and ASCII grids.
/// </summary>
internal static class CoverageCommand
{
    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = DatasetSupport.ArgumentDescription };
        var tech = new Option<string?>("--tech") { Description = "2G | 3G | 4G | 5G: only this technology" };
        tech.AcceptOnlyFromAmong("2G", "3G", "4G", "5G", "2g", "3g", "4g", "5g");
        var op = new Option<string?>("--operator") { Description = "only this operator (Viettel, VNPT, MobiFone, Vietnamobile, Gmobile)" };
        var cell = new Option<double>("--cell-m") { Description = "raster cell size in metres (default 100)", DefaultValueFactory = _ => 100 };
        var level = new Option<string>("--level") { Description = "province | district | commune: the units of the table (default province)", DefaultValueFactory = _ => "province" };
        level.AcceptOnlyFromAmong("province", "district", "commune");
        var repair = new Option<bool>("--repair-polygons") { Description = "repair invalid polygons instead of rejecting them" };
        var model = new Option<string?>("--model") { Description = $"one path-loss model for every BTS instead of the choice by band ({PathLossModels.Names}); needs --env when the model has environments" };
        var env = new Option<string?>("--env") { Description = "the model's environment (e.g. urban, suburban, open for okumura-hata; los, nlos for 3gpp-rma)" };
        var noTerrain = new Option<bool>("--no-terrain") { Description = "ignore the dataset's DEM: flat-ground prediction (for comparison)" };
        var force = new Option<bool>("--force") { Description = "run even when the estimate exceeds the memory (4 GB) or time (10 min) limit" };
        var noRaster = new Option<bool>("--no-raster") { Description = "settlements only: judge every village and its best server, without the raster (no area covered, gaps or grids)" };
        var common = new CommonOptions();
        var timings = PhaseClock.CreateOption();
        var command = new Command("coverage", "vùng phủ sóng: thôn/bản, dân số, diện tích được phủ, vùng lõm / predicted radio coverage") { dataset, tech, op, cell, level, repair, model, env, noTerrain, noRaster, force, timings };
        common.AddTo(command, "xlsx");
        command.SetAction(parse => PhaseClock.Timed(console, parse.GetValue(timings), () =>
        {
            var langOption = parse.GetValue(common.Lang);
            var cellM = parse.GetValue(cell);
            if (!double.IsFinite(cellM) || cellM < 1 || cellM > 10_000)
            {
                console.Error.WriteLine(Texts.Format("coverage.bad_cell", langOption ?? "vi", cellM.ToString(CultureInfo.InvariantCulture)));
                return ExitCodes.BadInput;
            }

            string? opName = null;
            if (parse.GetValue(op) is { } opText && !Codes.TryParseOperator(opText, out opName))
            {
                console.Error.WriteLine(Texts.Format("coverage.bad_operator", langOption ?? "vi", opText, string.Join(", ", Codes.Operators.Select(o => o.Name))));
                return ExitCodes.BadInput;
            }

            if (ModelChoice(parse.GetValue(model), parse.GetValue(env), out var modelOverride) is { } problem)
            {
                console.Error.WriteLine(Texts.Format(problem.Key, langOption ?? "vi", problem.Args));
                return ExitCodes.BadInput;
            }

            Technology? techFilter = parse.GetValue(tech) is { } t && Codes.TryParseTechnology(t, out var parsed) ? parsed : null;
            var loaded = DatasetSupport.Load(console, parse.GetValue(dataset)!, langOption, parse.GetValue(repair), out var lang, out var exit);
            if (exit is { } code)
            {
                return code;
            }

            // --level accepts only province, district and commune, all of which parse.
            _ = Codes.TryParseLevel(parse.GetValue(level)!, out var adminLevel);
            var options = new CoverageOptions(adminLevel, techFilter, opName, cellM) { Model = modelOverride, Terrain = !parse.GetValue(noTerrain), Raster = !parse.GetValue(noRaster) };
            return Emit(console, loaded.Dataset!, options, parse.GetValue(common.Format), parse.GetValue(common.Out), lang, parse.GetValue(force));
        }));
        return command;
    }

    /// <summary>The <c>--model</c>/<c>--env</c> override, or the text key and arguments of why it cannot be used.</summary>
    private static (string Key, object[] Args)? ModelChoice(string? name, string? environment, out ModelOverride? choice)
    {
        choice = null;
        if (name is null)
        {
            return environment is null ? null : ("coverage.env_without_model", []);
        }

        if (PathLossModels.ByName(name) is not { } model)
        {
            return ("coverage.bad_model", [name, PathLossModels.Names]);
        }

        if (PathLossModels.NeedsTerrain(model))
        {
            return ("coverage.model_needs_terrain", [model.Name]);
        }

        var env = environment ?? (model.Environments.Count == 0 ? string.Empty : null);
        if (env is null || (model.Environments.Count > 0 && !model.Environments.Contains(env, StringComparer.Ordinal)))
        {
            return ("coverage.bad_env", [model.Name, environment ?? "–", string.Join(", ", model.Environments)]);
        }

        choice = new ModelOverride(model, env);
        return null;
    }

    /// <summary>Runs the analysis and writes it; shared with <c>demo</c>.</summary>
    public static int Emit(CliConsole console, Dataset dataset, CoverageOptions options, string? format, string? outPath, string lang, bool force = false)
    {
        foreach (var layer in new[] { Dataset.LayerNames.Bts, Dataset.LayerNames.Settlements })
        {
            if (!dataset.Layers.Contains(layer))
            {
                console.Error.WriteLine(Texts.Format("coverage.needs_layer", lang, layer + ".csv"));
                return ExitCodes.BadInput;
            }
        }

        if (dataset.AdminUnits.Count > 0 && dataset.AdminUnits.All(u => u.Level != options.Level))
        {
            console.Error.WriteLine(Texts.NoLevel(dataset, options.Level, lang));
            return ExitCodes.BadInput;
        }

        if (format == "xlsx" && (outPath is null || !outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
        {
            console.Error.WriteLine(Texts.Get("xlsx.needs_out", lang));
            return ExitCodes.BadInput;
        }

        // The cost is known from the grid and the layers before anything is built: refuse what would exhaust the machine.
        if (options.Raster && CoverageEstimate.Of(dataset, options) is { WithinLimits: false } estimate)
        {
            var args = new object[]
            {
                options.CellM.ToString(CultureInfo.InvariantCulture), estimate.Cells.ToString("0.##e0", CultureInfo.InvariantCulture), estimate.Layers,
                CoverageEstimate.Memory(estimate.Bytes), CoverageEstimate.Time(estimate.Seconds), CoverageEstimate.Memory(CoverageEstimate.MemoryLimitBytes),
                CoverageEstimate.Time(CoverageEstimate.TimeLimitSeconds), estimate.SmallestCellM(options.CellM).ToString(CultureInfo.InvariantCulture),
            };
            if (!force)
            {
                console.Error.WriteLine(Texts.Format("coverage.too_big", lang, args));
                return ExitCodes.BadInput;
            }

            console.Error.WriteLine(Texts.Format("coverage.forced", lang, args));
        }

        // Without the raster, a unit table asked alone (a .csv file, or CSV on stdout) is all that is made (the same rows).
        var shown = outPath is not null && format is null ? null : format ?? (console.OutIsTerminal ? "table" : "csv");
        if (!options.Raster && (outPath is null || outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) && shown is null or "csv")
        {
            return EmitUnitTable(console, dataset, options, shown, outPath, lang);
        }

        var result = console.WithStatus(Texts.Get("coverage.computing", lang), () => CoverageAnalysis.Run(dataset, options));
        PhaseMarks.Mark("compute");
        if (outPath is not null)
        {
            foreach (var written in Write(result, dataset, outPath, lang))
            {
                console.Error.WriteLine(Texts.Format("written", lang, written));
            }

            if (result.PolygonsSkipped)
            {
                console.Error.WriteLine(Texts.Format("coverage.polygons_skipped", lang, result.Raster!.CellCount, options.MaxGridCells));
            }

            if (format is null or "xlsx")
            {
                return ExitCodes.Ok;
            }
        }

        switch (format ?? (console.OutIsTerminal ? "table" : "csv"))
        {
            case "json":
                console.Out.Write(CoverageWriter.ToJson(result));
                break;
            case "csv":
                console.Out.Write(CoverageWriter.RowsCsv(result));
                break;
            default:
                CoverageView.Render(console, result, lang);
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>The unit table alone (<see cref="CoverageAnalysis.UnitTable"/>): to the .csv file, then as CSV on stdout when <paramref name="shown"/> asks.</summary>
    private static int EmitUnitTable(CliConsole console, Dataset dataset, CoverageOptions options, string? shown, string? outPath, string lang)
    {
        var (rows, _) = console.WithStatus(Texts.Get("coverage.computing", lang), () => CoverageAnalysis.UnitTable(dataset, options));
        PhaseMarks.Mark("compute");
        var csv = CoverageWriter.RowsCsv(rows);
        if (outPath is not null)
        {
            AtomicFile.WriteAllText(outPath, csv);
            console.Error.WriteLine(Texts.Format("written", lang, outPath));
        }

        if (shown is not null)
        {
            console.Out.Write(csv);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Writes a .xlsx, .json or .csv file (the unit table), or every file into a folder.</summary>
    public static IReadOnlyList<string> Write(CoverageResult result, Dataset dataset, string outPath, string lang)
    {
        if (outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            XlsxTableWriter.Write(outPath, [CoverageWriter.Sheet(result, $"{Texts.Get("coverage.title", lang)} — {result.Dataset} — {CoverageView.Thresholds(result)}")]);
            return [outPath];
        }

        if (outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.WriteAllText(outPath, CoverageWriter.ToJson(result));
            return [outPath];
        }

        if (outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.WriteAllText(outPath, CoverageWriter.RowsCsv(result));
            return [outPath];
        }

        return CoverageWriter.WriteFolder(result, dataset, outPath);
    }
}
