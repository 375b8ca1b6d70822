using System.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using SoTTTT.Cli.Output;
using SoTTTT.Cli.Viewer;
using SoTTTT.IO;
using SoTTTT.IO.Maps;
using SoTTTT.IO.Postgis;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt serve DATASET [--port P] [--host H]</c>: the web map viewer of the views under <c>maps/</c> on
/// http://127.0.0.1:8080/ by default (loopback only unless <c>--host</c> says otherwise), until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = DatasetSupport.ArgumentDescription };
        var port = new Option<int>("--port") { Description = "TCP port 1–65535 (default 8080)", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "IP address or localhost to listen on (default 127.0.0.1, this machine only; another address exposes the viewer to the network)", DefaultValueFactory = _ => "127.0.0.1" };
        var lang = new Option<string?>("--lang") { Description = "vi | en: the viewer's starting language" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var repair = new Option<bool>("--repair-polygons") { Description = "repair invalid polygons instead of rejecting them" };
        var maxFeatures = new Option<int>("--max-features") { Description = $"most features in one layer answer (default {LayerIndex.DefaultMaxFeatures}); more are thinned", DefaultValueFactory = _ => LayerIndex.DefaultMaxFeatures };
        var command = new Command("serve", "bản đồ trên trình duyệt / web map viewer") { dataset, port, host, lang, repair, maxFeatures };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(dataset)!;
            var listen = ListenAddress.Parse(parse.GetValue(host)!, parse.GetValue(port), out var listenError);
            if (listen is null)
            {
                console.Error.WriteLine("sotttt serve: " + listenError);
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(maxFeatures) is < 1 or > 1_000_000)
            {
                console.Error.WriteLine("sotttt serve: --max-features must be 1 to 1000000");
                return ExitCodes.BadInput;
            }

            LayerStore store;
            string language;
            var assets = ViewerAssets.Locate();
            Core.Maps.MapCatalogue? catalogue;
            if (PostgisConnection.TryParse(source, out var postgis, out _))
            {
                // A PostGIS schema is not loaded: the database tiles its layers; result layers load it when first asked for.
                PostgisTileReader database;
                try
                {
                    database = new PostgisTileReader(postgis!);
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
                {
                    console.Error.WriteLine(Texts.Format("serve.no_database", parse.GetValue(lang) ?? "vi", postgis!.Schema, ex.Message));
                    return ExitCodes.BadInput;
                }

                language = parse.GetValue(lang) ?? database.Lang ?? "vi";
                if (database.Layers.Count == 0)
                {
                    console.Error.WriteLine(Texts.Format("serve.no_database", language, postgis!.Schema, "no SoTTTT layer with rows"));
                    return ExitCodes.BadInput;
                }

                if (Prepare(console, language, assets, out catalogue) is { } failed)
                {
                    return failed;
                }

                var repairPolygons = parse.GetValue(repair);
                var context = MapDataContext.Deferred(() => DatasetSource.Load(source, new LoadOptions(repairPolygons)).Dataset
                    ?? throw new InvalidOperationException($"the PostGIS schema {postgis!.Schema} no longer loads as a dataset"));
                store = new LayerStore(catalogue!, MapLayerSources.Default(), context, database);
                console.Error.WriteLine(Texts.Format("serve.from_database", language, postgis!.Schema, string.Join(", ", database.Layers)));
            }
            else
            {
                var loaded = DatasetSupport.Load(console, source, parse.GetValue(lang), parse.GetValue(repair), out language, out var exit, oneCommand: false);
                if (exit is { } code)
                {
                    return code;
                }

                if (Prepare(console, language, assets, out catalogue) is { } failed)
                {
                    return failed;
                }

                store = new LayerStore(catalogue!, MapLayerSources.Default(), MapDataContext.For(loaded, source));
            }

            var url = listen.Url;
            if (!listen.IsLoopback)
            {
                console.Error.WriteLine(Texts.Format("serve.exposed", language, url));
            }

            // The layer the extent comes from (admin units), which /api/views waits for, is built while the host starts.
            _ = Task.Run(() => ViewerServer.Extent(store));
            using var app = ViewerServer.Build(store, assets!, language, b => b.WebHost.UseUrls(url), new ViewerOptions(listen.AllowedHosts(), parse.GetValue(maxFeatures)));
            try
            {
                app.Start();
            }
            catch (IOException ex)
            {
                console.Error.WriteLine(Texts.Format("serve.cannot_listen", language, url, ex.Message));
                return ExitCodes.InternalError;
            }

            // The first answer's code path (routing, the views payload, JSON) is compiled now, while the cores are free:
            // once the background builds below take both, a first request left to compile it waited seconds for them.
            WarmUpViews(listen);

            // The server listens at once and every layer is built in the background, the first view's first (started
            // once the host is up, so the two do not share the cores): a request for a layer not built yet is told
            // "computing" (the page asks again), never held; /api/views waits only for the layer the extent comes from.
            _ = store.BuildInBackground(() => WarmFirstView(store, catalogue!.Views[0].Name));
            console.Error.WriteLine(Texts.Format("serve.listening", language, url + "/"));
            app.WaitForShutdown();
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One request for <c>/api/views</c> to the server itself on a loopback address (elsewhere the page's own first request does it); any failure is ignored.</summary>
    private static void WarmUpViews(ListenAddress listen)
    {
        if (!listen.IsLoopback)
        {
            return;
        }

        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = client.GetAsync(new Uri(listen.Url + "/api/views")).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // Only a warm-up: the page's own request still gets its answer.
        }
    }

    /// <summary>
    /// The first step of serve's background start-up: the extent's layer alone (so /api/views answers soon), then the
    /// first view's other layers in parallel with their simplified geometries at the zooms that show the extent; its
    /// tiles are then made alongside the other views' layers, so its first page draws from the caches.
    /// </summary>
    public static void WarmFirstView(LayerStore store, string view)
    {
        var extent = ViewerServer.Extent(store);
        store.Warm(view, extent);
        _ = Task.Run(() => store.WarmTiles(view, extent));
    }

    /// <summary>Checks maps/ and OpenLayers and reads the catalogue; an exit code (with the reason on stderr) when something is missing or wrong.</summary>
    public static int? Prepare(CliConsole console, string lang, ViewerAssets? assets, out Core.Maps.MapCatalogue? catalogue)
    {
        catalogue = null;
        if (assets is null)
        {
            console.Error.WriteLine(Texts.Get("serve.no_maps", lang));
            return ExitCodes.InternalError;
        }

        if (!assets.HasOpenLayers)
        {
            console.Error.WriteLine(Texts.Format("serve.no_ol", lang, assets.OlScript, assets.MapsFolder));
            return ExitCodes.InternalError;
        }

        var read = MapCatalogueReader.Read(assets.MapsFolder);
        if (!read.Succeeded)
        {
            return ProblemReport.Print(console, read.Problems, lang);
        }

        catalogue = read.Catalogue;
        return null;
    }
}
