using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Diagnostics;
using SoTTTT.Core.Model;
using SoTTTT.Core.Sharing;
using SoTTTT.IO.Writing;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt sharing DATASET [--level province|district|commune]</c>: tower positions and sharing per unit and operator,
/// missed sharing, spare capacity, towers to convert, spacing violations, shared-duct candidates, cable to put
/// underground.
/// </summary>
internal static class SharingCommand
{
    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = "dataset folder" };
        var level = new Option<string>("--level") { Description = "province | district | commune: the units of the table (default province)", DefaultValueFactory = _ => "province" };
        level.AcceptOnlyFromAmong("province", "district", "commune");
        var repair = new Option<bool>("--repair-polygons") { Description = "repair invalid polygons instead of rejecting them" };
        var common = new CommonOptions();
        var timings = PhaseClock.CreateOption();
        var only = new Option<string?>("--only")
        {
            Description = "units: only the unit table (tower positions, BTS, shared positions, sharing rate, spare slots per unit and operator); pairs: only the missed sharing (pairs of positions that must share); as CSV on stdout or --out FILE.csv, nothing else computed",
        };
        only.AcceptOnlyFromAmong("units", "pairs");
        var command = new Command("sharing", "dùng chung hạ tầng: vị trí cột, tỷ lệ dùng chung, cơ hội dùng chung / infrastructure sharing") { dataset, level, repair, only, timings };
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
            return parse.GetValue(only) is { } part
                ? EmitOnly(console, loaded.Dataset!, adminLevel, part, parse.GetValue(common.Format), parse.GetValue(common.Out), lang)
                : Emit(console, loaded.Dataset!, adminLevel, parse.GetValue(common.Format), parse.GetValue(common.Out), lang);
        }));
        return command;
    }

    /// <summary>
    /// <c>--only units</c>: the unit table alone (<see cref="SharingAnalysis.Units"/>), the rows of <c>sharing_units.csv</c>
    /// byte for byte; <c>--only pairs</c>: the missed sharing alone (<see cref="SharingAnalysis.MissedPairs"/>), the rows of
    /// <c>sharing_missed.csv</c>; as CSV on stdout or to <c>--out FILE.csv</c>; any other output would show tables not computed.
    /// </summary>
    public static int EmitOnly(CliConsole console, Dataset dataset, AdminLevel level, string part, string? format, string? outPath, string lang)
    {
        if (dataset.AdminUnits.Count > 0 && dataset.AdminUnits.All(u => u.Level != level))
        {
            console.Error.WriteLine(Texts.NoLevel(dataset, level, lang));
            return ExitCodes.BadInput;
        }

        if (format is not (null or "csv") || (outPath is not null && !outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
        {
            console.Error.WriteLine(Texts.Format("sharing.only", lang, part));
            return ExitCodes.BadInput;
        }

        var csv = console.WithStatus(Texts.Get("sharing.computing", lang), () => part == "pairs"
            ? SharingWriter.MissedCsv(SharingAnalysis.MissedPairs(dataset))
            : SharingWriter.UnitsCsv(SharingAnalysis.Units(dataset, level).Rows));
        PhaseMarks.Mark("compute");
        if (outPath is not null)
        {
            AtomicFile.WriteAllText(outPath, csv);
            console.Error.WriteLine(Texts.Format("written", lang, outPath));
            if (format is null)
            {
                return ExitCodes.Ok;
            }
        }

        console.Out.Write(csv);
        return ExitCodes.Ok;
    }

    /// <summary>Runs the analysis and writes it; shared with <c>demo</c>.</summary>
    public static int Emit(CliConsole console, Dataset dataset, AdminLevel level, string? format, string? outPath, string lang)
    {
        if (dataset.AdminUnits.Count > 0 && dataset.AdminUnits.All(u => u.Level != level))
        {
            console.Error.WriteLine(Texts.NoLevel(dataset, level, lang));
            return ExitCodes.BadInput;
        }

        if (format == "xlsx" && outPath is null)
        {
            console.Error.WriteLine(Texts.Get("xlsx.needs_out", lang));
            return ExitCodes.BadInput;
        }

        var result = console.WithStatus(Texts.Get("sharing.computing", lang), () => SharingAnalysis.Run(dataset, level));
        PhaseMarks.Mark("compute");
        if (outPath is not null)
        {
            foreach (var written in Write(result, outPath, lang))
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
                console.Out.Write(SharingWriter.ToJson(result));
                break;
            case "csv":
                console.Out.Write(SharingWriter.UnitsCsv(result));
                break;
            default:
                SharingView.Render(console, result, lang);
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Writes a .json file, the unit table to a .csv file, every table to an .xlsx workbook, or every file (the workbook too) into a folder.</summary>
    public static IReadOnlyList<string> Write(SharingResult result, string outPath, string lang = "vi")
    {
        if (outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            XlsxTableWriter.Write(outPath, SharingWriter.Sheets(result, lang));
            return [outPath];
        }

        if (outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.Write(outPath, stream => SharingWriter.WriteJson(stream, result));
            return [outPath];
        }

        if (outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.WriteAllText(outPath, SharingWriter.UnitsCsv(result));
            return [outPath];
        }

        // The workbook (the longest file: 76 MB of sheet XML on the national profile) is written on another thread while
        // the CSV and JSON files are made here; it is listed last, as before, once it is written.
        var written = new List<string>();
        var workbook = Path.Combine(outPath, "sharing.xlsx");
        Beside.Run(
            () => XlsxTableWriter.Write(workbook, SharingWriter.Sheets(result, lang)),
            () =>
            {
                foreach (var (name, content) in SharingWriter.Files(result))
                {
                    var path = Path.Combine(outPath, name);
                    AtomicFile.WriteAllText(path, content);
                    written.Add(path);
                }
            });
        written.Add(workbook);
        return written;
    }
}
