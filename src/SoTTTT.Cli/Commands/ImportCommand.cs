using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Validation;
using SoTTTT.IO;
using SoTTTT.IO.Writing;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt import FILE --layer bts|towers|… --into DATASET_FOLDER</c>: takes an operator's list (.xlsx, .csv or
/// .geojson), checks it with the dataset's other layers exactly as if it were the folder's own file (same column
/// mapping, same validation, sheet and row in every problem), and on success writes it as the folder's
/// <c>&lt;layer&gt;.csv</c> (positions as WGS84 lon/lat). Nothing is written when there is a problem.
/// </summary>
internal static class ImportCommand
{
    private static readonly string[] Layers =
    [
        Dataset.LayerNames.Bts, Dataset.LayerNames.Towers, Dataset.LayerNames.Settlements, Dataset.LayerNames.PostalPoints,
        Dataset.LayerNames.FibreRoutes, Dataset.LayerNames.AdminUnits, Dataset.LayerNames.Zones, Dataset.LayerNames.PublicSites,
        Dataset.LayerNames.Nodes, Dataset.LayerNames.Subscribers,
    ];

    private static readonly string[] Extensions = [".csv", ".geojson", ".xlsx", ".shp"];

    private static readonly string[] ShapefileParts = [".shx", ".dbf", ".prj", ".cpg"];

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "operator's list: .xlsx (every sheet with a recognised header), .csv or .geojson" };
        var layer = new Option<string>("--layer") { Description = "bts | towers | settlements | postal_points | fibre_routes | admin_units | zones | public_sites | nodes | subscribers", Required = true };
        layer.AcceptOnlyFromAmong(Layers);
        var into = new Option<string>("--into") { Description = "dataset folder to add the layer to", Required = true };
        var lang = new Option<string?>("--lang") { Description = "vi | en" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var map = new Option<string[]>("--map") { Description = "value mapping COLUMN=from:to,from:to (e.g. status=1:existing,0:decommissioned), or a mapping file (JSON: {\"columns\": {…}, \"values\": {\"status\": {\"1\": \"existing\"}}}); repeatable", AllowMultipleArgumentsPerToken = false };
        var column = new Option<string[]>("--column") { Description = "column mapping HEADER=column (e.g. toadoX=lat, GID_1=code); repeatable" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "write the valid rows and list the others in rejects.csv (row, id, code, message)" };
        var command = new Command("import", "nhập danh sách của doanh nghiệp (Excel, CSV, GeoJSON, Shapefile) vào bộ dữ liệu / import an operator's list into a dataset folder")
        {
            file, layer, into, lang, map, column, skipInvalid,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetValue(file)!,
            parse.GetValue(layer)!,
            parse.GetValue(into)!,
            parse.GetValue(lang),
            parse.GetValue(map) ?? [],
            parse.GetValue(column) ?? [],
            parse.GetValue(skipInvalid)));
        return command;
    }

    private static int Run(CliConsole console, string file, string layer, string folder, string? langOption, string[] maps, string[] columns, bool skipInvalid)
    {
        var lang = langOption ?? "vi";
        if (!ImportMappingParser.TryParse(layer, maps, columns, skipInvalid, out var mapping, out var mappingError))
        {
            console.Error.WriteLine(Texts.Format("import.bad_mapping", lang, mappingError!));
            return ExitCodes.BadInput;
        }

        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (!Extensions.Contains(extension) || !File.Exists(file))
        {
            console.Error.WriteLine(Texts.Format("import.bad_file", lang, file));
            return ExitCodes.BadInput;
        }

        if (!Directory.Exists(folder))
        {
            console.Error.WriteLine(Texts.Format("import.no_folder", lang, folder));
            return ExitCodes.BadInput;
        }

        foreach (var other in new[] { ".geojson", ".xlsx", ".shp" })
        {
            if (File.Exists(Path.Combine(folder, layer + other)))
            {
                console.Error.WriteLine(Texts.Format("import.exists", lang, folder, layer + other));
                return ExitCodes.BadInput;
            }
        }

        // The list is checked inside a copy of the folder where it takes the layer's place, so cross-references
        // (towers named by BTS, communes named by villages) are checked against the dataset it joins.
        var staging = Path.Combine(Path.GetTempPath(), "sotttt-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var path in Directory.GetFiles(folder))
            {
                var name = Path.GetFileName(path);
                if (!Extensions.Any(e => name.Equals(layer + e, StringComparison.OrdinalIgnoreCase)))
                {
                    File.Copy(path, Path.Combine(staging, name));
                }
            }

            var staged = layer + extension;
            File.Copy(file, Path.Combine(staging, staged));
            if (extension == ".shp")
            {
                foreach (var part in ShapefileParts.Where(p => File.Exists(Path.ChangeExtension(file, p))))
                {
                    File.Copy(Path.ChangeExtension(file, part), Path.Combine(staging, layer + part));
                }
            }

            var loaded = console.WithStatus(Texts.Get("loading", lang), () => DatasetLoader.Load(staging, new LoadOptions(Mapping: mapping)));
            var original = Path.GetFileName(file);
            ValidationProblem Named(ValidationProblem p) => p.File.StartsWith(staged, StringComparison.Ordinal) ? p with { File = original + p.File[staged.Length..] } : p;
            foreach (var notice in loaded.Notices)
            {
                console.Error.WriteLine("  " + Named(notice));
            }

            lang = langOption ?? loaded.Settings?.Lang ?? lang;
            if (!loaded.Succeeded)
            {
                // Problems in the list name the file as the user gave it, not its staged copy.
                return ProblemReport.Print(console, [.. loaded.Problems.Select(Named)], lang);
            }

            var dataset = loaded.Dataset!;
            var layout = new DatasetFileLayout(loaded.Settings?.Crs ?? CrsRegistry.Wgs84, new HashSet<string>([layer], StringComparer.Ordinal));
            DatasetFolderWriter.WriteLayer(dataset, folder, layout, layer);
            var count = layer switch
            {
                Dataset.LayerNames.Bts => dataset.Bts.Count,
                Dataset.LayerNames.Towers => dataset.Towers.Count,
                Dataset.LayerNames.Settlements => dataset.Settlements.Count,
                Dataset.LayerNames.PostalPoints => dataset.PostalPoints.Count,
                Dataset.LayerNames.FibreRoutes => dataset.FibreRoutes.Count,
                Dataset.LayerNames.AdminUnits => dataset.AdminUnits.Count,
                Dataset.LayerNames.PublicSites => dataset.PublicSites.Count,
                Dataset.LayerNames.Nodes => dataset.Nodes.Count,
                Dataset.LayerNames.Subscribers => dataset.Subscribers.Count,
                _ => dataset.Zones.Count,
            };
            console.Error.WriteLine(Texts.Format("import.done", lang, count, Path.Combine(folder, layer + ".csv")));
            if (skipInvalid)
            {
                var rejects = Path.Combine(folder, "rejects.csv");
                var rejected = loaded.Rejected.Select(Named).ToList();
                AtomicFile.WriteAllText(rejects, CsvRejects(rejected));
                var rows = rejected.Select(p => (p.File, p.Row)).Distinct().Count();
                var byCode = string.Join(", ", rejected.GroupBy(p => p.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
                console.Error.WriteLine(Texts.Format("import.rejected", lang, rows, rejected.Count == 0 ? "-" : byCode, rejects));
            }

            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static string CsvRejects(IReadOnlyList<ValidationProblem> rejected)
    {
        static string Cell(string? value) =>
            value is null ? string.Empty : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        var sb = new System.Text.StringBuilder("row,id,code,message,column,file\n");
        foreach (var p in rejected)
        {
            sb.Append(string.Join(',', Cell(p.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell(p.FeatureId), Cell(p.Code), Cell(p.Message), Cell(p.Column), Cell(p.File))).Append('\n');
        }

        return sb.ToString();
    }
}
