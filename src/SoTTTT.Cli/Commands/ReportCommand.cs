using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO.Writing;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt report DATASET [--compare OLD] --out DIR [--lang vi|en]</c>: the yearly report workbook (<c>report.xlsx</c>),
/// one sheet per table with the province, district and commune rows, and the change sheet with <c>--compare</c>.
/// </summary>
internal static class ReportCommand
{
    public const string WorkbookName = "report.xlsx";

    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = DatasetSupport.ArgumentDescription };
        var compare = new Option<string?>("--compare") { Description = "an older snapshot: adds the change sheet (old, new, change, % change)" };
        var output = new Option<string>("--out") { Description = "folder for report.xlsx", Required = true };
        var lang = new Option<string?>("--lang") { Description = "vi | en" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var repair = new Option<bool>("--repair-polygons") { Description = "repair invalid polygons instead of rejecting them" };
        var command = new Command("report", "báo cáo năm (.xlsx) / the yearly report workbook") { dataset, compare, output, lang, repair };
        command.SetAction(parse =>
        {
            var loaded = DatasetSupport.Load(console, parse.GetValue(dataset)!, parse.GetValue(lang), parse.GetValue(repair), out var language, out var exit);
            if (exit is { } code)
            {
                return code;
            }

            Dataset? older = null;
            if (parse.GetValue(compare) is { } olderPath)
            {
                var old = DatasetSupport.Load(console, olderPath, parse.GetValue(lang), parse.GetValue(repair), out _, out var olderExit);
                if (olderExit is { } oc)
                {
                    return oc;
                }

                older = old.Dataset!;
            }

            var path = Write(loaded.Dataset!, older, parse.GetValue(output)!, language);
            console.Error.WriteLine(Texts.Format("written", language, path));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Computes the tables of every level the dataset has and writes <c>DIR/report.xlsx</c>; shared with <c>demo</c>.</summary>
    public static string Write(Dataset dataset, Dataset? older, string folder, string lang)
    {
        var levels = new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune }.Where(l => dataset.AdminUnits.Any(u => u.Level == l)).ToList();
        return Write(dataset, older, levels.Select(l => IndicatorsAnalysis.Run(dataset, l)).ToList(), folder, lang);
    }

    /// <summary>Writes <c>DIR/report.xlsx</c> from the dataset's tables already computed (one per level it has, province first).</summary>
    public static string Write(Dataset dataset, Dataset? older, IReadOnlyList<IndicatorTable> tables, string folder, string lang)
    {
        var levels = tables.Select(t => t.Level).ToList();
        var comparisons = older is null
            ? null
            : levels.Where(l => older.AdminUnits.Any(u => u.Level == l))
                .Select(l => IndicatorComparison.Of(IndicatorsAnalysis.Run(older, l), older.Date, tables[levels.IndexOf(l)], dataset.Date))
                .ToList();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, WorkbookName);
        XlsxTableWriter.Write(path, ReportWorkbook.Sheets(dataset.Name, dataset.Date, tables, comparisons, lang));
        return path;
    }
}
