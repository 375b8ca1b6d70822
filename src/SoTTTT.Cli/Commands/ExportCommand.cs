using System.CommandLine;
using System.Diagnostics;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.GeoJson;
using SoTTTT.IO.GeoPackage;
using SoTTTT.IO.Kml;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Postgis;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt export DATASET --to gpkg|geojson|shp|kml|kmz|postgis|folder [--out PATH] [--conn URL] [--layers a,b]</c>:
/// writes the dataset's layers (and the indicator tables, and result layers registered in <see cref="Catalog"/>) to a
/// GeoPackage, GeoJSON files, Shapefiles, Google Earth KML/KMZ, a PostGIS schema or a dataset folder.
/// </summary>
internal static class ExportCommand
{
    /// <summary>The layers an export can write; analyses add their result layers here.</summary>
    public static LayerCatalog Catalog { get; } = LayerCatalog.Default;

    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = DatasetSupport.ArgumentDescription };
        var to = new Option<string>("--to") { Description = "gpkg | geojson | shp | kml | kmz | postgis | folder", Required = true };
        to.AcceptOnlyFromAmong("gpkg", "geojson", "shp", "kml", "kmz", "postgis", "folder");
        var outPath = new Option<string?>("--out") { Description = "output file (.gpkg, .kml, .kmz) or folder" };
        var conn = new Option<string?>("--conn") { Description = "postgresql://user@host:port/db?schema=name (for --to postgis)" };
        var layers = new Option<string?>("--layers") { Description = "comma-separated layer names (default: every input layer, indicator table and result layer)" };
        var province = new Option<string?>("--province") { Description = "postgis: put every row under this province code (datasets without admin units)" };
        var lang = new Option<string?>("--lang") { Description = "vi | en" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var repair = new Option<bool>("--repair-polygons") { Description = "repair invalid polygons instead of rejecting them" };
        var timings = PhaseClock.CreateOption();
        var command = new Command("export", "xuất dữ liệu sang GeoPackage, KML/KMZ, PostGIS / export to GeoPackage, KML/KMZ, PostGIS")
        {
            dataset, to, outPath, conn, layers, province, lang, repair, timings,
        };
        command.SetAction(parse => PhaseClock.Timed(console, parse.GetValue(timings), () => Run(
            console,
            parse.GetValue(dataset)!,
            parse.GetValue(to)!,
            parse.GetValue(outPath),
            parse.GetValue(conn),
            parse.GetValue(layers),
            parse.GetValue(province),
            parse.GetValue(lang),
            parse.GetValue(repair))));
        return command;
    }

    private static int Run(CliConsole console, string source, string to, string? outPath, string? conn, string? layerList, string? province, string? langOption, bool repair)
    {
        var lang = langOption ?? "vi";
        PostgisConnection? target = null;
        if (to == "postgis")
        {
            if (conn is null)
            {
                console.Error.WriteLine(Texts.Get("export.needs_conn", lang));
                return ExitCodes.BadInput;
            }

            if (!PostgisConnection.TryParse(conn, out target, out var error))
            {
                console.Error.WriteLine(Texts.Format("export.bad_conn", lang, error!));
                return ExitCodes.BadInput;
            }
        }
        else if (outPath is null)
        {
            console.Error.WriteLine(Texts.Format("export.needs_out", lang, to));
            return ExitCodes.BadInput;
        }

        var loaded = DatasetSupport.Load(console, source, langOption, repair, out lang, out var exit);
        if (exit is { } code)
        {
            return code;
        }

        var data = loaded.Dataset!;
        var names = layerList?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names?.Where(n => Catalog.Sources.All(s => s.Name != n)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            console.Error.WriteLine(Texts.Format("export.unknown_layers", lang, string.Join(", ", unknown), string.Join(", ", Catalog.Sources.Select(s => s.Name))));
            return ExitCodes.BadInput;
        }

        // A dataset folder holds input layers only, so the analyses' result layers are not built for it.
        IReadOnlyCollection<string>? wanted = to == "folder" && names is null ? [.. data.Layers] : names;
        var tables = console.WithStatus(Texts.Get("export.working", lang), () => Catalog.Build(data, wanted, out _));

        var metadata = DatasetMetadata.Of(data, loaded.Settings?.Lang ?? lang);
        switch (to)
        {
            case "gpkg":
                GeoPackageWriter.Write(outPath!, tables, metadata);
                break;
            case "geojson":
                GeoJsonWriter.Write(outPath!, tables, metadata);
                tables = tables.Where(t => t.IsSpatial).ToList();
                break;
            case "shp":
                IO.Shapefile.ShapefileWriter.Write(outPath!, tables, metadata);
                tables = tables.Where(t => t.IsSpatial).ToList();
                break;
            case "kml" or "kmz":
                var path = to == "kmz" && !outPath!.EndsWith(".kmz", StringComparison.OrdinalIgnoreCase) ? outPath + ".kmz" : outPath!;
                KmlWriter.Write(path, data.Name, tables);
                tables = tables.Where(t => t.IsSpatial).ToList();
                outPath = path;
                break;
            case "folder":
                DatasetFolderWriter.Write(data, outPath!, new DatasetFileLayout(data.Crs, new HashSet<string>()));
                DatasetFolderWriter.WriteRules(data, outPath!);
                tables = tables.Where(t => data.Layers.Contains(t.Name)).ToList();
                break;
            default:
                return ExportPostgis(console, data, tables, metadata, target!, province, lang);
        }

        console.Error.WriteLine(Texts.Format("export.written", lang, outPath!, tables.Count, tables.Sum(t => t.Rows.Count)));
        return ExitCodes.Ok;
    }

    private static int ExportPostgis(CliConsole console, Dataset data, IReadOnlyList<FeatureTable> tables, DatasetMetadata metadata, PostgisConnection target, string? province, string lang)
    {
        if (province is null && data.AdminUnits.All(u => u.Level != AdminLevel.Province))
        {
            console.Error.WriteLine(Texts.Format("export.failed", lang, "the dataset has no province unit: give --province CODE"));
            return ExitCodes.BadInput;
        }

        var clock = Stopwatch.StartNew();
        PostgisExportResult result;
        try
        {
            result = console.WithStatus(Texts.Get("export.working", lang), () => PostgisWriter.Export(target, data, tables, metadata, province));
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            console.Error.WriteLine(Texts.Format("export.failed", lang, ex.Message));
            return ExitCodes.BadInput;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        console.Error.WriteLine(Texts.Format("export.postgis", lang, result.Rows, result.RowsByLayer.Count, target.Schema, string.Join(", ", result.Provinces), seconds, result.Rows / Math.Max(seconds, 1e-3)));
        return ExitCodes.Ok;
    }
}
