using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Diagnostics;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Planning;
using SoTTTT.IO.Writing;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt approve DATASET APPLICATIONS</c>: one verdict per application with every rule checked; applications are
/// judged in file order, each against the existing network plus those approved before it. Invalid rows are rejected
/// with their validation codes; a dataset or file that cannot be read exits 2. <c>--out DIR</c> writes approvals.csv,
/// approvals.json and an appraisal sheet per application under phieu_tham_dinh/.
/// </summary>
internal static class ApproveCommand
{
    /// <summary>Sub-folder of <c>--out</c> holding the appraisal sheets.</summary>
    public const string SheetFolder = "phieu_tham_dinh";

    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = "dataset folder" };
        var applications = new Argument<string>("APPLICATIONS") { Description = "applications file (CSV or GeoJSON; x,y in the dataset crs or lon,lat)" };
        var repair = new Option<bool>("--repair-polygons") { Description = "repair invalid polygons instead of rejecting them" };
        var plan = new Option<string?>("--plan") { Description = "folder of a plan written by sotttt plan --out: its new positions are the province plan (NOT_IN_PLAN)" };
        var common = new CommonOptions();
        var timings = PhaseClock.CreateOption();
        var command = new Command("approve", "thẩm định hồ sơ BTS / cột ăng ten / appraise BTS and tower applications") { dataset, applications, repair, plan, timings };
        common.AddTo(command, "xlsx");
        command.SetAction(parse => PhaseClock.Timed(console, parse.GetValue(timings), () =>
        {
            var loaded = DatasetSupport.Load(console, parse.GetValue(dataset)!, parse.GetValue(common.Lang), parse.GetValue(repair), out var lang, out var exit);
            if (exit is { } code)
            {
                return code;
            }

            if (parse.GetValue(plan) is { } planDir)
            {
                var (positions, problems) = PlanPositionsReader.Read(planDir, loaded.Dataset!.Crs);
                if (problems.Count > 0)
                {
                    return ProblemReport.Print(console, problems, lang);
                }

                loaded = loaded with { Dataset = PlanPositionsReader.AsProvincePlan(loaded.Dataset, positions) };
            }

            return Emit(console, loaded, parse.GetValue(applications)!, parse.GetValue(common.Format), parse.GetValue(common.Out), lang);
        }));
        return command;
    }

    /// <summary>Reads the applications, judges them and writes the results; shared with <c>demo</c>.</summary>
    public static int Emit(CliConsole console, LoadResult loaded, string applicationsPath, string? format, string? outPath, string lang)
    {
        var dataset = loaded.Dataset!;
        var applications = DatasetLoader.LoadApplications(applicationsPath, dataset, loaded.Settings!);
        if (!applications.Succeeded)
        {
            return ProblemReport.Print(console, applications.FileProblems, lang);
        }

        PhaseMarks.Mark("load");

        if (format == "xlsx" && outPath is null)
        {
            console.Error.WriteLine(Texts.Get("xlsx.needs_out", lang));
            return ExitCodes.BadInput;
        }

        var result = console.WithStatus(Texts.Get("approve.computing", lang), () =>
        {
            // Coverage gain needs the network and the settlements it would serve.
            var gain = dataset.Layers.Contains(Dataset.LayerNames.Bts) && dataset.Layers.Contains(Dataset.LayerNames.Settlements) ? new CoverageGainEstimator(dataset) : null;
            return ApprovalAnalysis.Run(dataset, applications.Entries, gain);
        });
        PhaseMarks.Mark("compute");
        if (outPath is not null)
        {
            foreach (var written in Write(result, loaded, applicationsPath, outPath, lang))
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
                console.Out.Write(ApprovalWriter.ToJson(result));
                break;
            case "csv":
                console.Out.Write(ApprovalWriter.ToCsv(result));
                break;
            default:
                ApprovalView.Render(console, result, lang);
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Writes the summary to an .xlsx workbook, or approvals.csv, approvals.json, approvals.xlsx, the appraisal sheets
    /// and approvals.html (the summary page with the approval view's map, when the map definitions are found) into a
    /// folder; returns the files and the sheet folder.
    /// </summary>
    public static IReadOnlyList<string> Write(ApprovalResult result, LoadResult loaded, string applicationsPath, string outDir, string lang)
    {
        var dataset = loaded.Dataset!;
        if (outDir.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            XlsxTableWriter.Write(outDir, [ApprovalWriter.Sheet(result, lang)]);
            return [outDir];
        }

        var csv = Path.Combine(outDir, "approvals.csv");
        var json = Path.Combine(outDir, "approvals.json");
        var xlsx = Path.Combine(outDir, "approvals.xlsx");
        AtomicFile.WriteAllText(csv, ApprovalWriter.ToCsv(result));
        AtomicFile.WriteAllText(json, ApprovalWriter.ToJson(result));
        XlsxTableWriter.Write(xlsx, [ApprovalWriter.Sheet(result, lang)]);
        var sheets = Path.Combine(outDir, SheetFolder);
        var written = AppraisalSheetWriter.WriteAll(sheets, result, dataset.Zones, lang);
        var summary = Path.Combine(outDir, "approvals.html");
        AtomicFile.WriteAllText(summary, AppraisalSheetWriter.SummaryHtml(result, ApprovalMap(result, loaded, applicationsPath, lang), SheetFolder, lang));
        return [csv, json, xlsx, summary, Path.Combine(sheets, $"*.html ({written.Count})")];
    }

    /// <summary>The approval view (maps/views/approval.json) of these verdicts as SVG; null when maps/ is not found.</summary>
    private static string? ApprovalMap(ApprovalResult result, LoadResult loaded, string applicationsPath, string lang)
    {
        if (Viewer.ViewerAssets.Locate() is not { } assets || IO.Maps.MapCatalogueReader.Read(assets.MapsFolder) is not { Succeeded: true, Catalogue: { } catalogue }
            || catalogue.View("approval") is not { } view)
        {
            return null;
        }

        var context = new Viewer.MapDataContext(loaded.Dataset!, loaded.Settings, applicationsPath, result);
        return Viewer.StaticMaps.Render(catalogue, view, Viewer.MapLayerSources.Default(), context, lang);
    }
}
