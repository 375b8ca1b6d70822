using System.CommandLine;
using System.Globalization;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Model;
using SoTTTT.Core.Planning;
using SoTTTT.IO;
using SoTTTT.IO.GeoJson;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Planning;
using SoTTTT.IO.Writing;
using SoTTTT.Optimization;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt plan DATASET [--targets FILE] [--previous DIR] [--apply DIR]</c>: the passive-infrastructure plan —
/// new shared positions by phase (CP-SAT beside the greedy baseline), operators per position, fibre, undergrounding,
/// existing positions to keep / convert / remove; <c>--out DIR</c> writes the files of README "plan", <c>--apply DIR</c>
/// a dataset folder with the plan built.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = DatasetSupport.ArgumentDescription };
        var targets = new Option<string?>("--targets") { Description = "plan targets (JSON; README \"plan\" lists the keys and defaults)" };
        var previous = new Option<string?>("--previous") { Description = "folder of an earlier plan (its plan_positions.csv): built / still to build / obsolete" };
        var apply = new Option<string?>("--apply") { Description = "write a dataset folder with the planned towers, BTS and fibre added" };
        var solver = new Option<string>("--solver") { Description = "cp-sat (default) | greedy", DefaultValueFactory = _ => "cp-sat" };
        solver.AcceptOnlyFromAmong("cp-sat", "greedy");
        var limit = new Option<double>("--time-limit") { Description = "CP-SAT deterministic time limit per solve, in its work units (≈ seconds; default 60)", DefaultValueFactory = _ => 60 };
        var repair = new Option<bool>("--repair-polygons") { Description = "repair invalid polygons instead of rejecting them" };
        var common = new CommonOptions();
        var timings = PhaseClock.CreateOption();
        var command = new Command("plan", "quy hoạch hạ tầng kỹ thuật viễn thông thụ động / the passive-infrastructure plan") { dataset, targets, previous, apply, solver, limit, repair, timings };
        common.AddTo(command, "xlsx");
        command.SetAction(parse => PhaseClock.Timed(console, parse.GetValue(timings), () =>
        {
            var loaded = DatasetSupport.Load(console, parse.GetValue(dataset)!, parse.GetValue(common.Lang), parse.GetValue(repair), out var lang, out var exit);
            if (exit is { } code)
            {
                return code;
            }

            ICoverSolver chosen = parse.GetValue(solver) == "greedy" ? new GreedyCoverSolver() : new CpSatCoverSolver(parse.GetValue(limit));
            return Emit(console, loaded, parse.GetValue(targets), parse.GetValue(previous), parse.GetValue(apply), chosen, parse.GetValue(common.Format), parse.GetValue(common.Out), lang);
        }));
        return command;
    }

    /// <summary>Runs the plan and writes it; shared with <c>demo</c>.</summary>
    public static int Emit(CliConsole console, LoadResult loaded, string? targetsPath, string? previousDir, string? applyDir, ICoverSolver solver, string? format, string? outPath, string lang)
    {
        var dataset = loaded.Dataset!;
        if (dataset.Settlements.Count == 0)
        {
            console.Error.WriteLine(Texts.Get("plan.no_settlements", lang));
            return ExitCodes.BadInput;
        }

        var targets = PlanTargets.Default;
        if (targetsPath is not null)
        {
            var (read, problems) = PlanTargetsReader.Read(targetsPath, dataset.Rules);
            if (read is null)
            {
                return ProblemReport.Print(console, problems, lang);
            }

            targets = read;
        }

        IReadOnlyList<PreviousPosition> previous = [];
        if (previousDir is not null)
        {
            var (positions, problems) = PlanPositionsReader.Read(previousDir, dataset.Crs);
            if (problems.Count > 0)
            {
                return ProblemReport.Print(console, problems, lang);
            }

            previous = positions;
        }

        if (format == "xlsx" && outPath is null)
        {
            console.Error.WriteLine(Texts.Get("xlsx.needs_out", lang));
            return ExitCodes.BadInput;
        }

        var result = console.WithStatus(Texts.Get("plan.computing", lang), () => PlanAnalysis.Run(dataset, targets, solver, new PlanInputs(previous)));
        Core.Diagnostics.PhaseMarks.Mark("compute");
        if (result.Verification.Count > 0)
        {
            console.Error.WriteLine(Texts.Format("plan.verification_failed", lang, string.Join(", ", result.Verification.Take(10))));
        }

        if (outPath is not null)
        {
            foreach (var written in Write(result, loaded, outPath, lang))
            {
                console.Error.WriteLine(Texts.Format("written", lang, written));
            }
        }

        if (applyDir is not null)
        {
            var applied = PlanAppliedDataset.Build(dataset, result);
            DatasetFolderWriter.Write(applied, applyDir, new DatasetFileLayout(dataset.Crs, new HashSet<string>(StringComparer.Ordinal)));
            DatasetFolderWriter.WriteRules(applied, applyDir);
            console.Error.WriteLine(Texts.Format("written", lang, applyDir));
        }

        if (outPath is not null && format is null or "xlsx")
        {
            return ExitCodes.Ok;
        }

        switch (format ?? (console.OutIsTerminal ? "table" : "csv"))
        {
            case "json":
                console.Out.Write(PlanWriter.ToJson(result));
                break;
            case "csv":
                console.Out.Write(PlanWriter.PositionsCsv(result));
                break;
            default:
                PlanView.Render(console, result, lang);
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Writes every plan file into a folder (or the workbook to an .xlsx file); returns the paths.</summary>
    public static IReadOnlyList<string> Write(PlanResult result, LoadResult loaded, string outPath, string lang)
    {
        var dataset = loaded.Dataset!;
        if (outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            XlsxTableWriter.Write(outPath, PlanWriter.Sheets(result, lang));
            return [outPath];
        }

        Directory.CreateDirectory(outPath);
        var written = new List<string>();

        // The GeoJSON layers (the positions' 40 MB on the national profile) are written on another thread while the
        // tables, the workbook, the map and the document are made here; the list keeps the order of a single thread.
        IReadOnlyList<string> layers = [];
        var layersAt = 0;
        Beside.Run(
            () => layers = GeoJsonWriter.Write(outPath, [PlanLayers.BuildPositions(dataset, result), PlanLayers.BuildFibre(dataset, result)], null),
            () => layersAt = WriteTheRest(result, loaded, outPath, lang, written));
        written.InsertRange(layersAt, layers);
        return written;
    }

    /// <summary>Everything but the GeoJSON layers; the place of the layers in the list of files written.</summary>
    private static int WriteTheRest(PlanResult result, LoadResult loaded, string outPath, string lang, List<string> written)
    {
        var dataset = loaded.Dataset!;
        foreach (var (name, content) in PlanWriter.Files(result))
        {
            var path = Path.Combine(outPath, name);
            AtomicFile.WriteAllText(path, content);
            written.Add(path);
        }

        var layersAt = written.Count;

        var applications = Path.Combine(outPath, "plan_applications.csv");
        AtomicFile.WriteAllText(applications, PlanApplicationsCsv(result));
        written.Add(applications);
        var workbook = Path.Combine(outPath, "plan.xlsx");
        XlsxTableWriter.Write(workbook, PlanWriter.Sheets(result, lang));
        written.Add(workbook);

        // The plan map (the viewer's plan view) as PNG, in the folder and in the document.
        var maps = new List<PlanDocumentWriter.DocumentMap>();
        if (Viewer.ViewerAssets.Locate() is { } assets && IO.Maps.MapCatalogueReader.Read(assets.MapsFolder) is { Succeeded: true, Catalogue: { } catalogue })
        {
            var context = new Viewer.MapDataContext(dataset, loaded.Settings, null, planned: result);
            foreach (var (view, vi, en) in new[] { ("plan", "Bản đồ quy hoạch vị trí cột ăng ten và tuyến cáp quang", "Map of the planned tower positions and fibre") })
            {
                if (catalogue.View(view) is { } mapView)
                {
                    var png = Viewer.StaticMaps.RenderPng(catalogue, mapView, Viewer.MapLayerSources.Default(), context, lang);
                    var path = Path.Combine(outPath, IO.Maps.PngMapRenderer.FileName(view));
                    AtomicFile.Write(path, s => s.Write(png));
                    written.Add(path);
                    maps.Add(new PlanDocumentWriter.DocumentMap(png, 2000, 1440, lang == "en" ? en : vi));
                }
            }
        }

        var document = Path.Combine(outPath, "plan.docx");
        PlanDocumentWriter.Write(document, result, dataset, maps, lang);
        written.Add(document);
        return layersAt;
    }

    /// <summary>
    /// The plan's new and shared positions as an applications file for <c>approve</c> (x,y in the analysis CRS): the
    /// first operator of a new position builds it, the others share it; operators added to an existing tower share it.
    /// </summary>
    public static string PlanApplicationsCsv(PlanResult result)
    {
        var tech = result.Targets.Coverage.Count > 0 ? Codes.Label(result.Targets.Coverage[0].Tech) : string.Empty;
        var lines = new List<string> { "id,operator,type,height_m,tech,shares_tower_id,x,y" };
        foreach (var p in result.Positions.Where(p => (p.Status == PlanPositionStatus.New && p.Phase is not null) || (p.Status == PlanPositionStatus.Share && p.Reason == "COVERAGE")))
        {
            var ops = p.NewOperators.Count > 0 ? p.NewOperators : p.Operators;
            for (var i = 0; i < ops.Count; i++)
            {
                var shares = p.Status != PlanPositionStatus.New ? p.Id : i == 0 ? string.Empty : $"{p.Id}-1";
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Id}-{i + 1},{ops[i]},{p.Type},{p.HeightM:F1},{tech},{shares},{p.Location.X:F2},{p.Location.Y:F2}"));
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
