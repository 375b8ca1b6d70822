using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt demo [--out DIR]</c>: runs every analysis on the bundled sample province (a copy of
/// <c>data/sample-province</c> ships beside the program), writes the outputs (default <c>out/</c>: indicator tables,
/// the sharing analysis by district, the predicted coverage by district in <c>coverage/</c>, the verdicts and appraisal sheets
/// of the sample's applications.csv, the plan in <c>plan/</c>) and prints the indicator tables and the verdicts; the
/// static maps of every view go to <c>maps/*.svg</c> and <c>report.html</c>. Then the plan of the mountain sample
/// (<c>data/sample-mountain</c>, with its DEM and its <c>plan_targets.json</c>) in <c>plan-mountain/</c>.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var outDir = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out" };
        var lang = new Option<string?>("--lang") { Description = "vi | en" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var command = new Command("demo", "chạy mọi phân tích trên tỉnh mẫu / run every analysis on the bundled sample province") { outDir, lang };
        command.SetAction(parse => Run(console, parse.GetValue(outDir)!, parse.GetValue(lang)));
        return command;
    }

    /// <summary>The folder name of the sample province's older snapshot (data/sample-province-2015), compared in the report.</summary>
    public const string OlderSample = "sample-province-2015";

    /// <summary>The folder name of the bundled mountain sample (data/sample-mountain).</summary>
    public const string MountainSample = "sample-mountain";

    /// <summary>The bundled sample: next to the program, else data/sample-province above the working folder.</summary>
    public static string SampleFolder() => SampleFolder("sample-province");

    /// <summary>A bundled sample by folder name: next to the program, else data/<paramref name="name"/> above the working folder.</summary>
    public static string SampleFolder(string name)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, name);
        if (File.Exists(Path.Combine(beside, "dataset.json")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", name);
            if (File.Exists(Path.Combine(candidate, "dataset.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"the bundled sample data/{name} was not found beside the program or above the working folder");
    }

    /// <summary>The static maps of every view (out/maps/*.svg) and out/report.html embedding them.</summary>
    private static int WriteMaps(CliConsole console, IO.LoadResult loaded, string sample, string outDir, string lang)
    {
        var assets = Viewer.ViewerAssets.Locate();
        if (assets is null)
        {
            console.Error.WriteLine(Texts.Get("serve.no_maps", lang));
            return ExitCodes.InternalError;
        }

        var read = IO.Maps.MapCatalogueReader.Read(assets.MapsFolder);
        if (!read.Succeeded)
        {
            return ProblemReport.Print(console, read.Problems, lang);
        }

        var context = Viewer.MapDataContext.For(loaded, sample);
        foreach (var written in Viewer.StaticMaps.Write(outDir, read.Catalogue!, context, lang))
        {
            console.Error.WriteLine(Texts.Format("maps.written", lang, written));
        }

        return ExitCodes.Ok;
    }

    private static int Run(CliConsole console, string outDir, string? langOption)
    {
        var sample = SampleFolder();
        var loaded = DatasetSupport.Load(console, sample, langOption, repairPolygons: false, out var lang, out var exit);
        if (exit is { } code)
        {
            return code;
        }

        var dataset = loaded.Dataset!;
        var tables = new List<IndicatorTable>();
        foreach (var level in new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune })
        {
            if (dataset.AdminUnits.Any(u => u.Level == level))
            {
                var table = IndicatorsAnalysis.Run(dataset, level);
                tables.Add(table);
                foreach (var written in IndicatorsCommand.Write(table, outDir))
                {
                    console.Error.WriteLine(Texts.Format("written", lang, written));
                }

                if (level != AdminLevel.Commune)
                {
                    IndicatorTableView.Render(console, table, lang);
                }
            }
        }

        // The report compares with the sample's older snapshot (data/sample-province-2015) so its change sheet shows.
        var older = DatasetSupport.Load(console, SampleFolder(OlderSample), langOption, repairPolygons: false, out _, out var olderExit);
        if (olderExit is { } oc)
        {
            return oc;
        }

        foreach (var written in ReportCommand.Write(dataset, older.Dataset, tables, outDir, lang, loaded.Settings))
        {
            console.Error.WriteLine(Texts.Format("written", lang, written));
        }
        var sharing = SharingCommand.Emit(console, dataset, AdminLevel.District, format: null, outDir, lang);
        if (sharing != ExitCodes.Ok)
        {
            return sharing;
        }

        var coverage = CoverageCommand.Emit(console, dataset, new CoverageOptions(AdminLevel.District), format: null, Path.Combine(outDir, "coverage"), lang);
        if (coverage != ExitCodes.Ok)
        {
            return coverage;
        }

        var approvals = ApproveCommand.Emit(console, loaded, Path.Combine(sample, "applications.csv"), format: "table", outDir, lang);
        if (approvals != ExitCodes.Ok)
        {
            return approvals;
        }

        var plan = PlanCommand.Emit(console, loaded, null, null, null, new Optimization.CpSatCoverSolver(), format: null, Path.Combine(outDir, "plan"), lang);
        if (plan != ExitCodes.Ok)
        {
            return plan;
        }

        var maps = WriteMaps(console, loaded, sample, outDir, lang);
        if (maps != ExitCodes.Ok)
        {
            return maps;
        }

        var mountain = SampleFolder(MountainSample);
        var mountainLoaded = DatasetSupport.Load(console, mountain, langOption, repairPolygons: false, out _, out exit);
        if (exit is { } mountainCode)
        {
            return mountainCode;
        }

        var mountainPlan = PlanCommand.Emit(
            console, mountainLoaded, Path.Combine(mountain, IO.SyntheticSampleWriter.PlanTargetsFile), null, null, new Optimization.CpSatCoverSolver(), format: null, Path.Combine(outDir, "plan-mountain"), lang);
        if (mountainPlan != ExitCodes.Ok)
        {
            return mountainPlan;
        }

        console.Error.WriteLine(Texts.Format("demo.done", lang, Path.GetFullPath(outDir)));
        return ExitCodes.Ok;
    }
}
