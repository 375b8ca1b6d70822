using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// The web map viewer's HTTP side (ASP.NET Core minimal API): the front end from <c>maps/</c> at <c>/</c>,
/// OpenLayers at <c>/ol/ol.js</c> and <c>/ol/ol.css</c>, the views with their layers, styles, legends and availability
/// at <c>/api/views</c>, and each layer as WGS84 GeoJSON at <c>/api/layers/{name}?bbox=minx,miny,maxx,maxy&amp;zoom=z</c>
/// (bbox in lon/lat; features filtered through a spatial index and simplified for the zoom), and each layer as Mapbox
/// vector tiles at <c>/tiles/{name}/{z}/{x}/{y}.mvt</c> (XYZ scheme, 512-pixel tiles; <see cref="LayerTiles"/>, or the
/// database's <c>ST_AsMVT</c> for the input layers of a PostGIS schema). Unknown layers give 404;
/// declared layers whose data is not available on this dataset give 404 with <c>"available": false</c>; a layer still
/// being computed in the background gives 503 with <c>"status": "computing"</c> and <c>Retry-After</c>. Every answer is
/// bounded (<see cref="LayerIndex.Query(Envelope?, int, int)"/>); the CPU-bound part of an answer (query, feature
/// GeoJSON, tile) runs at most one per core at a time in arrival order, and features already sent are copied from
/// <see cref="LayerStore.Fragments"/>. Security (issue 15): a request whose <c>Host</c> is
/// not a loopback name or the bound address is refused (421; 400 without one), every response carries
/// <c>X-Content-Type-Options: nosniff</c>, a Content-Security-Policy that allows only this origin's scripts and data
/// (<see cref="ContentSecurityPolicy"/>), <c>Cache-Control</c> and no <c>Server</c> header; HEAD is answered like GET.
/// </summary>
internal static class ViewerServer
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Scripts, styles, fonts and data from this origin only (OpenLayers and the viewer are served here; OpenLayers
    /// sets element styles, hence inline styles); map tiles from anywhere as images (a tile URL can be set); no
    /// plugins, frames, forms or base URL changes.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <param name="configure">Extra host setup: the URLs to listen on, or a test server.</param>
    /// <param name="options">Allowed Host names and the feature cap; loopback names and the default cap when null.</param>
    public static WebApplication Build(LayerStore store, ViewerAssets assets, string lang, Action<WebApplicationBuilder> configure, ViewerOptions? options = null)
    {
        options ??= ViewerOptions.Loopback;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = assets.MapsFolder, ApplicationName = "sotttt" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["application/json", "application/geo+json", LayerTiles.ContentType, "text/javascript", "text/css", "text/html"];
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        configure(builder);
        var app = builder.Build();
        // Compression pays over a network; on the loopback it only costs CPU on both ends.
        app.Use((http, next) => Guard(http, next, options.AllowedHosts));
        app.UseWhen(http => http.Connection.RemoteIpAddress is { } ip && !System.Net.IPAddress.IsLoopback(ip), branch => branch.UseResponseCompression());

        // Queries, serialization and tiles are CPU-bound: at most one per core at a time, the others queued in arrival
        // order, so a burst of requests shares the cores first come first served instead of every answer slowing down
        // together (sending the bytes is outside: a slow client holds no core).
        var work = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));

        IResult Asset(string path, string type) =>
            File.Exists(path) ? Results.File(path, type) : Results.Text($"{Path.GetFileName(path)} is missing: run npm ci in {assets.MapsFolder}", "text/plain; charset=utf-8", statusCode: 500);

        app.MapMethods("/", GetAndHead, () => Asset(Path.Combine(assets.MapsFolder, "index.html"), "text/html; charset=utf-8"));
        app.MapMethods("/main.js", GetAndHead, () => Asset(Path.Combine(assets.MapsFolder, "main.js"), "text/javascript; charset=utf-8"));
        app.MapMethods("/views.js", GetAndHead, () => Asset(Path.Combine(assets.MapsFolder, "views.js"), "text/javascript; charset=utf-8"));
        app.MapMethods("/style.css", GetAndHead, () => Asset(Path.Combine(assets.MapsFolder, "style.css"), "text/css; charset=utf-8"));
        app.MapMethods("/ol/ol.js", GetAndHead, () => Asset(assets.OlScript, "text/javascript; charset=utf-8"));
        app.MapMethods("/ol/ol.css", GetAndHead, () => Asset(assets.OlStyle, "text/css; charset=utf-8"));
        app.MapMethods("/api/views", GetAndHead, () => Results.Json(Views(store, lang), Json));
        app.MapMethods("/api/layers/{name}", GetAndHead, async (HttpContext http, string name, string? bbox, int? zoom) =>
        {
            if (store.Catalogue.Layer(name) is null)
            {
                return Results.Json(new { error = $"unknown layer '{name}'" }, Json, statusCode: 404);
            }

            Envelope? box = null;
            if (bbox is not null && !TryParseBbox(bbox, out box))
            {
                return Results.Json(new { error = "bbox must be minx,miny,maxx,maxy in WGS84 degrees" }, Json, statusCode: 400);
            }

            var layer = store.TryGet(name, out var computing);
            if (computing)
            {
                http.Response.Headers.RetryAfter = "2";
                return Results.Json(new { status = "computing", layer = name, retry_after_s = 2 }, Json, statusCode: 503);
            }

            if (layer is null)
            {
                return Results.Json(new { error = $"layer '{name}' is not available for this dataset", available = false }, Json, statusCode: 404);
            }

            var declared = store.Catalogue.Layer(name)!.Attributes;
            var fields = Enumerable.Range(0, layer.Table.Fields.Count).Where(i => declared.Contains(layer.Table.Fields[i].Name)).ToList();
            LayerQuery answer;
            byte[][] fragments;
            await work.WaitAsync(http.RequestAborted);
            try
            {
                answer = layer.Query(box, zoom ?? LayerIndex.FullDetailZoom, options.MaxFeatures);
                fragments = LayerGeoJson.Prepare(layer.Table, fields, answer, store.Fragments);
            }
            finally
            {
                work.Release();
            }

            http.Response.ContentType = "application/geo+json";
            await LayerGeoJson.WritePreparedAsync(http.Response.Body, layer.Table, fields, answer, options.MaxFeatures, fragments);
            return Results.Empty;
        });
        app.MapMethods("/tiles/{name}/{z:int}/{x:int}/{y:int}.mvt", GetAndHead, async (HttpContext http, string name, int z, int x, int y) =>
        {
            if (store.Catalogue.Layer(name) is null)
            {
                return Results.Json(new { error = $"unknown layer '{name}'" }, Json, statusCode: 404);
            }

            var tile = new TileAddress(z, x, y);
            if (!tile.IsValid)
            {
                return Results.Json(new { error = $"no tile {z}/{x}/{y} (zoom 0–{TileAddress.MaxZoom}, x and y below 2^zoom)" }, Json, statusCode: 400);
            }

            byte[]? bytes;
            bool computing;
            if (!store.TryCachedTile(name, tile, out bytes))
            {
                await work.WaitAsync(http.RequestAborted);
                try
                {
                    bytes = store.Tile(name, tile, out computing);
                }
                finally
                {
                    work.Release();
                }
            }
            else
            {
                computing = false;
            }

            if (computing)
            {
                http.Response.Headers.RetryAfter = "2";
                return Results.Json(new { status = "computing", layer = name, retry_after_s = 2 }, Json, statusCode: 503);
            }

            if (bytes is null)
            {
                return Results.Json(new { error = $"layer '{name}' is not available for this dataset", available = false }, Json, statusCode: 404);
            }

            return Results.Bytes(bytes!, LayerTiles.ContentType);
        });
        return app;
    }

    /// <summary>The payload of <c>/api/views</c>: dataset name and extent (WGS84), views, and every layer they use.</summary>
    public static object Views(LayerStore store, string lang)
    {
        var catalogue = store.Catalogue;
        var used = catalogue.Views.SelectMany(v => v.Layers).Distinct(StringComparer.Ordinal).ToList();
        var extent = Extent(store);
        return new
        {
            dataset = store.Database?.Name ?? store.Context.Dataset.Name,
            lang,
            extent = new[] { extent.MinX, extent.MinY, extent.MaxX, extent.MaxY },
            views = catalogue.Views.Select(v => new { v.Name, v.Title, v.Description, v.Layers, v.Filters }),
            layers = used.Select(name => catalogue.Layer(name)!).Select(l => new
            {
                l.Name,
                l.Title,
                l.Description,
                l.Geometry,
                l.Visible,
                Available = store.IsAvailable(l.Name),
                Status = !store.IsAvailable(l.Name) ? "unavailable" : store.Background && store.IsComputing(l.Name) ? "computing" : "ready",
                l.Attributes,
                l.Popup,
                Style = catalogue.StyleOf(l),
            }),
        };
    }

    /// <summary>
    /// Refuses requests for other hosts (DNS rebinding: 421 Misdirected Request; no Host at all: 400) and sets the
    /// security and cache headers of every response: the front end is revalidated, OpenLayers cached for an hour, the
    /// data never stored.
    /// </summary>
    private static Task Guard(HttpContext http, RequestDelegate next, IReadOnlySet<string> allowedHosts)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        var path = http.Request.Path.Value ?? "/";
        headers.CacheControl = path.StartsWith("/api/", StringComparison.Ordinal) ? "no-store"
            : path.StartsWith("/ol/", StringComparison.Ordinal) ? "public, max-age=3600"
            : "no-cache";
        var host = http.Request.Host;
        if (!host.HasValue || string.IsNullOrEmpty(host.Host))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync("400 Bad Request: no Host header\n");
        }

        if (!allowedHosts.Contains(host.Host))
        {
            http.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync("421 Misdirected Request: this viewer answers only for its own address\n");
        }

        return next(http);
    }

    /// <summary>The extent the viewer fits to first (WGS84): the admin units, else the first point layer there is, else Việt Nam.</summary>
    public static Envelope Extent(LayerStore store)
    {
        foreach (var name in new[] { Dataset.LayerNames.AdminUnits, Dataset.LayerNames.Settlements, Dataset.LayerNames.Towers, Dataset.LayerNames.Bts, Dataset.LayerNames.PostalPoints })
        {
            if (store.InDatabase(name) && store.Database!.ExtentOf(name) is { IsNull: false } stored)
            {
                return stored;
            }

            if (!store.InDatabase(name) && store.IsAvailable(name) && store.Get(name) is { Extent.IsNull: false } layer)
            {
                return layer.Extent;
            }
        }

        // Nothing to fit to: the whole of Việt Nam.
        return new Envelope(102, 117.5, 6, 23.5);
    }

    private static bool TryParseBbox(string text, out Envelope? box)
    {
        box = null;
        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            return false;
        }

        var v = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i]))
            {
                return false;
            }
        }

        if (v[0] > v[2] || v[1] > v[3])
        {
            return false;
        }

        box = new Envelope(v[0], v[2], v[1], v[3]);
        return true;
    }
}
