using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.IO;

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
        Dataset.LayerNames.FibreRoutes, Dataset.LayerNames.AdminUnits, Dataset.LayerNames.Zones,
    ];

    private static readonly string[] Extensions = [".csv", ".geojson", ".xlsx"];

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "operator's list: .xlsx (every sheet with a recognised header), .csv or .geojson" };
        var layer = new Option<string>("--layer") { Description = "bts | towers | settlements | postal_points | fibre_routes | admin_units | zones", Required = true };
        layer.AcceptOnlyFromAmong(Layers);
        var into = new Option<string>("--into") { Description = "dataset folder to add the layer to", Required = true };
        var lang = new Option<string?>("--lang") { Description = "vi | en" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var command = new Command("import", "nhập danh sách của doanh nghiệp (Excel, CSV) vào bộ dữ liệu / import an operator's list into a dataset folder") { file, layer, into, lang };
        command.SetAction(parse => Run(console, parse.GetValue(file)!, parse.GetValue(layer)!, parse.GetValue(into)!, parse.GetValue(lang)));
        return command;
    }

    private static int Run(CliConsole console, string file, string layer, string folder, string? langOption)
    {
        var lang = langOption ?? "vi";
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

        foreach (var other in new[] { ".geojson", ".xlsx" })
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
            var loaded = console.WithStatus(Texts.Get("loading", lang), () => DatasetLoader.Load(staging));
            lang = langOption ?? loaded.Settings?.Lang ?? lang;
            if (!loaded.Succeeded)
            {
                // Problems in the list name the file as the user gave it, not its staged copy.
                var original = Path.GetFileName(file);
                var problems = loaded.Problems
                    .Select(p => p.File.StartsWith(staged, StringComparison.Ordinal) ? p with { File = original + p.File[staged.Length..] } : p)
                    .ToList();
                return ProblemReport.Print(console, problems, lang);
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
                _ => dataset.Zones.Count,
            };
            console.Error.WriteLine(Texts.Format("import.done", lang, count, Path.Combine(folder, layer + ".csv")));
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
