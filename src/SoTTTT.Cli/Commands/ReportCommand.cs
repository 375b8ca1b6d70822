using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Charts;
using SoTTTT.IO.Writing;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt report DATASET [--compare OLD] --out DIR [--lang vi|en]</c>: the yearly report workbook (<c>report.xlsx</c>),
/// one sheet per table with the province, district and commune rows, and the change sheet with <c>--compare</c>; and the
/// report document (<c>report.docx</c>): the headline indicators, charts per district and the overview map.
/// </summary>
internal static class ReportCommand
{
    public const string WorkbookName = "report.xlsx";

    public const string DocumentName = "report.docx";

    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = DatasetSupport.ArgumentDescription };
        var compare = new Option<string?>("--compare") { Description = "an older snapshot: adds the change sheet (old, new, change, % change)" };
        var output = new Option<string>("--out") { Description = "folder for report.xlsx and report.docx", Required = true };
        var lang = new Option<string?>("--lang") { Description = "vi | en" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var repair = new Option<bool>("--repair-polygons") { Description = "repair invalid polygons instead of rejecting them" };
        var timings = PhaseClock.CreateOption();
        var command = new Command("report", "báo cáo năm (.xlsx, .docx) / the yearly report workbook and document") { dataset, compare, output, lang, repair, timings };
        command.SetAction(parse => PhaseClock.Timed(console, parse.GetValue(timings), () =>
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

            foreach (var path in Write(loaded.Dataset!, older, parse.GetValue(output)!, language, loaded.Settings))
            {
                console.Error.WriteLine(Texts.Format("written", language, path));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Computes the tables of every level the dataset has and writes <c>DIR/report.xlsx</c> and <c>DIR/report.docx</c>
    /// (with the charts and the overview map beside it as PNG); shared with <c>demo</c>. Returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> Write(Dataset dataset, Dataset? older, string folder, string lang, DatasetSettings? settings = null)
    {
        var levels = new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune }.Where(l => dataset.AdminUnits.Any(u => u.Level == l)).ToList();
        var tables = levels.Select(l => IndicatorsAnalysis.Run(dataset, l)).ToList();
        Core.Diagnostics.PhaseMarks.Mark("compute");
        return Write(dataset, older, tables, folder, lang, settings);
    }

    /// <summary>Writes the workbook and the document from the dataset's tables already computed (one per level it has, province first).</summary>
    public static IReadOnlyList<string> Write(Dataset dataset, Dataset? older, IReadOnlyList<IndicatorTable> tables, string folder, string lang, DatasetSettings? settings = null)
    {
        var levels = tables.Select(t => t.Level).ToList();
        var olderTables = older is null
            ? []
            : levels.Where(l => older.AdminUnits.Any(u => u.Level == l)).ToDictionary(l => l, l => IndicatorsAnalysis.Run(older, l));
        var comparisons = older is null
            ? null
            : olderTables.Select(o => IndicatorComparison.Of(o.Value, older.Date, tables[levels.IndexOf(o.Key)], dataset.Date, UnitMergeAnalysis.Run(older, dataset, o.Key))).ToList();
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var workbook = Path.Combine(folder, WorkbookName);
        XlsxTableWriter.Write(workbook, ReportWorkbook.Sheets(dataset.Name, dataset.Date, tables, comparisons, lang));
        written.Add(workbook);

        // Charts per district (per commune when there are no districts; per province for a country), old bars beside new
        // ones with --compare.
        var charts = new List<ReportChart>();
        var units = ChartUnits(tables);
        if (units is { Rows.Count: > 0 })
        {
            var olderUnits = olderTables.GetValueOrDefault(units.Level);
            charts.AddRange(DistrictCharts.Render(units, olderUnits, older?.Date ?? older?.Name ?? string.Empty, dataset.Date ?? dataset.Name, lang));
            foreach (var chart in charts)
            {
                var path = Path.Combine(folder, ChartFileName(chart.Kind));
                AtomicFile.Write(path, s => s.Write(chart.Png));
                written.Add(path);
            }
        }

        PlanDocumentWriter.DocumentMap? map = null;
        if (Viewer.ViewerAssets.Locate() is { } assets && IO.Maps.MapCatalogueReader.Read(assets.MapsFolder) is { Succeeded: true, Catalogue: { } catalogue } && catalogue.View("overview") is { } view)
        {
            var png = Viewer.StaticMaps.RenderPng(catalogue, view, Viewer.MapLayerSources.Default(), new Viewer.MapDataContext(dataset, settings, null), lang);
            var path = Path.Combine(folder, IO.Maps.PngMapRenderer.FileName("overview"));
            AtomicFile.Write(path, s => s.Write(png));
            written.Add(path);
            map = new PlanDocumentWriter.DocumentMap(png, 2000, 1440, lang == "en" ? "Infrastructure overview map" : "Bản đồ tổng quan hạ tầng bưu chính, viễn thông");
        }

        var document = Path.Combine(folder, DocumentName);
        var top = tables[0];
        ReportDocumentWriter.Write(document, dataset.Name, dataset.Date, top, comparisons?.FirstOrDefault(c => c.Level == top.Level), charts, map, lang);
        written.Add(document);
        return written;
    }

    /// <summary>
    /// The table the charts draw a bar per unit of: a province's districts, or its communes when it has no districts; a
    /// dataset of several provinces (the national one) its provinces: 34 bars, not a chart 145,000 pixels tall with a bar
    /// per commune that took 35 s to draw.
    /// </summary>
    public static IndicatorTable? ChartUnits(IReadOnlyList<IndicatorTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return tables.FirstOrDefault(t => t.Level == AdminLevel.Province && t.Rows.Count > 1)
            ?? tables.FirstOrDefault(t => t.Level == AdminLevel.District)
            ?? tables.FirstOrDefault(t => t.Level == AdminLevel.Commune);
    }

    /// <summary>The file name of a chart beside the document: <c>chart_&lt;kind&gt;.png</c>.</summary>
    public static string ChartFileName(string kind) => $"chart_{kind}.png";
}
