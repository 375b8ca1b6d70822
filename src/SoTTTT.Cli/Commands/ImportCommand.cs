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
/// <c>&lt;layer&gt;.csv</c> (positions as WGS84 lon/lat). Nothing is written when there is a problem. Into a folder that
/// already has the layer, the list is merged by id (<see cref="LayerMerge"/>: added, updated, unchanged, and the
/// layer's other rows kept) and the merged layer checked again as a whole; <c>--replace</c> replaces the layer on
/// purpose. Either way the file replaced is first copied to <c>backup/&lt;layer&gt;-&lt;UTC time&gt;.csv</c> and the
/// counts before and after are printed. Rules and DEM files in subfolders of the dataset come along into the check.
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
        var replace = new Option<bool>("--replace") { Description = "replace the folder's layer by the list (default: merge by id, keeping the layer's other rows); the old file is kept in backup/" };
        var command = new Command("import", "nhập danh sách của doanh nghiệp (Excel, CSV, GeoJSON, Shapefile) vào bộ dữ liệu / import an operator's list into a dataset folder")
        {
            file, layer, into, lang, map, column, skipInvalid, replace,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetValue(file)!,
            parse.GetValue(layer)!,
            parse.GetValue(into)!,
            parse.GetValue(lang),
            parse.GetValue(map) ?? [],
            parse.GetValue(column) ?? [],
            parse.GetValue(skipInvalid),
            parse.GetValue(replace)));
        return command;
    }

    private static int Run(CliConsole console, string file, string layer, string folder, string? langOption, string[] maps, string[] columns, bool skipInvalid, bool replace)
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

        // The list is copied before it is read: a device (/dev/zero) or FIFO would be copied for ever.
        var parts = extension == ".shp" ? ShapefileParts.Select(p => Path.ChangeExtension(file, p)).Where(File.Exists).Prepend(file) : [file];
        var refused = parts
            .Select(p => SafeFile.Refusal(p, SafeFile.TableLimitBytes, out var code) is { } why ? new ValidationProblem(code, why, Path.GetFileName(p), null, null, null) : null)
            .OfType<ValidationProblem>()
            .ToList();
        if (refused.Count > 0)
        {
            return ProblemReport.Print(console, refused, lang);
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
                    // A special file of the folder is linked, not copied, so the check reports it (NOT_A_REGULAR_FILE) unread.
                    if (SafeFile.KindOf(path) == FileKind.Regular)
                    {
                        File.Copy(path, Path.Combine(staging, name));
                    }
                    else
                    {
                        File.CreateSymbolicLink(Path.Combine(staging, name), Path.GetFullPath(path));
                    }
                }
            }

            CopyNamedFiles(folder, staging);
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
            var target = Path.Combine(folder, layer + ".csv");
            var listCsv = LayerCsv(dataset, layout, layer);
            var listRows = Count(dataset, layer);
            if (!File.Exists(target))
            {
                AtomicFile.WriteAllText(target, listCsv);
                console.Error.WriteLine(Texts.Format("import.done", lang, listRows, target));
            }
            else if (replace)
            {
                var before = DatasetLoader.Load(folder).Dataset is { } old ? Count(old, layer) : CountLines(target);
                var backup = Backup(folder, layer, target);
                AtomicFile.WriteAllText(target, listCsv);
                console.Error.WriteLine(Texts.Format("import.replaced", lang, target, before, listRows, backup));
            }
            else if (Merge(console, folder, staging, staged, layer, layout, listCsv, lang) is { } failed)
            {
                return failed;
            }

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

    /// <summary>
    /// Merges the checked list into the folder's layer by id, checks the merged layer with the other layers, then backs
    /// up and replaces the file; an exit code when the folder or the merged layer has problems (nothing is written).
    /// </summary>
    private static int? Merge(CliConsole console, string folder, string staging, string staged, string layer, DatasetFileLayout layout, string listCsv, string lang)
    {
        var current = console.WithStatus(Texts.Get("loading", lang), () => DatasetLoader.Load(folder));
        if (!current.Succeeded)
        {
            console.Error.WriteLine(Texts.Format("import.folder_invalid", lang, folder, layer + ".csv"));
            return ProblemReport.Print(console, current.Problems, lang);
        }

        // Subscriber counts have no id: one count per unit, operator, service and date.
        IReadOnlyList<string>? key = layer == Dataset.LayerNames.Subscribers ? ["unit_code", "operator", "service", "date"] : null;
        var merged = LayerMerge.Merge(LayerCsv(current.Dataset!, layout, layer), listCsv, key);

        // The merged layer is checked as a whole with the folder's other layers, exactly as the next load will.
        foreach (var part in Directory.GetFiles(staging, Path.GetFileNameWithoutExtension(staged) + ".*"))
        {
            File.Delete(part);
        }

        File.WriteAllText(Path.Combine(staging, layer + ".csv"), merged.Csv);
        var check = DatasetLoader.Load(staging);
        if (!check.Succeeded)
        {
            console.Error.WriteLine(Texts.Format("import.merge_invalid", lang, layer + ".csv"));
            return ProblemReport.Print(console, check.Problems, lang);
        }

        var target = Path.Combine(folder, layer + ".csv");
        var backup = Backup(folder, layer, target);
        AtomicFile.WriteAllText(target, merged.Csv);
        console.Error.WriteLine(Texts.Format("import.merged", lang, target, merged.Before, merged.After, merged.Added, merged.Updated, merged.Unchanged, merged.Kept, backup));
        return null;
    }

    /// <summary>The layer as the folder writer formats it (the same text for the same rows, whatever the source).</summary>
    private static string LayerCsv(Dataset dataset, DatasetFileLayout layout, string layer)
    {
        var temp = Path.Combine(Path.GetTempPath(), "sotttt-layer-" + Guid.NewGuid().ToString("N"));
        try
        {
            DatasetFolderWriter.WriteLayer(dataset, temp, layout, layer);
            return File.ReadAllText(Path.Combine(temp, layer + ".csv"));
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    /// <summary>Copies the file about to be replaced to <c>backup/&lt;layer&gt;-&lt;UTC time&gt;.csv</c>; returns its path.</summary>
    private static string Backup(string folder, string layer, string target)
    {
        var dir = Path.Combine(folder, "backup");
        Directory.CreateDirectory(dir);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var backup = Path.Combine(dir, $"{layer}-{stamp}.csv");
        for (var n = 2; File.Exists(backup); n++)
        {
            backup = Path.Combine(dir, $"{layer}-{stamp}-{n}.csv");
        }

        File.Copy(target, backup);
        return backup;
    }

    /// <summary>
    /// Copies into the staging folder the files dataset.json names in subfolders (rules, DEM), at the same relative
    /// path, so the check reads them as the folder's own load does. Paths leading outside the folder are not copied (the
    /// load then reports them).
    /// </summary>
    private static void CopyNamedFiles(string folder, string staging)
    {
        var settings = Path.Combine(folder, "dataset.json");
        if (SafeFile.KindOf(settings) != FileKind.Regular)
        {
            return;
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(SafeFile.ReadAllBytes(settings, SafeFile.SettingsLimitBytes), new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
            foreach (var key in new[] { "rules", "dem" })
            {
                if (doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty(key, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
                    && value.GetString() is { } relative && SafeFile.InsideFolder(folder, relative, out _) is { } source && SafeFile.KindOf(source) == FileKind.Regular)
                {
                    var copy = Path.GetFullPath(Path.Combine(staging, relative));
                    if (!File.Exists(copy))
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                        File.Copy(source, copy);
                    }
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // The load reports an unreadable dataset.json.
        }
    }

    private static int Count(Dataset dataset, string layer) => layer switch
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

    private static int CountLines(string path) => Math.Max(0, File.ReadLines(path).Count() - 1);

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
