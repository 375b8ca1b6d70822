using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
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
/// declared layers whose data is not available on this dataset give 404 with <c>"available": false</c>.
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

    /// <param name="configure">Extra host setup: the URLs to listen on, or a test server.</param>
    public static WebApplication Build(LayerStore store, ViewerAssets assets, string lang, Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = assets.MapsFolder, ApplicationName = "sotttt" });
        builder.Logging.ClearProviders();
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
        app.UseWhen(http => http.Connection.RemoteIpAddress is { } ip && !System.Net.IPAddress.IsLoopback(ip), branch => branch.UseResponseCompression());

        IResult Asset(string path, string type) =>
            File.Exists(path) ? Results.File(path, type) : Results.Text($"{Path.GetFileName(path)} is missing: run npm ci in {assets.MapsFolder}", "text/plain; charset=utf-8", statusCode: 500);

        app.MapGet("/", () => Asset(Path.Combine(assets.MapsFolder, "index.html"), "text/html; charset=utf-8"));
        app.MapGet("/main.js", () => Asset(Path.Combine(assets.MapsFolder, "main.js"), "text/javascript; charset=utf-8"));
        app.MapGet("/style.css", () => Asset(Path.Combine(assets.MapsFolder, "style.css"), "text/css; charset=utf-8"));
        app.MapGet("/ol/ol.js", () => Asset(assets.OlScript, "text/javascript; charset=utf-8"));
        app.MapGet("/ol/ol.css", () => Asset(assets.OlStyle, "text/css; charset=utf-8"));
        app.MapGet("/api/views", () => Results.Json(Views(store, lang), Json));
        app.MapGet("/api/layers/{name}", async (HttpContext http, string name, string? bbox, int? zoom) =>
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

            if (store.Get(name) is not { } layer)
            {
                return Results.Json(new { error = $"layer '{name}' is not available for this dataset", available = false }, Json, statusCode: 404);
            }

            var z = zoom ?? LayerIndex.FullDetailZoom;
            var features = layer.Query(box, z, out var total);
            var declared = store.Catalogue.Layer(name)!.Attributes;
            var fields = Enumerable.Range(0, layer.Table.Fields.Count).Where(i => declared.Contains(layer.Table.Fields[i].Name)).ToList();
            http.Response.ContentType = "application/geo+json";
            await LayerGeoJson.WriteAsync(http.Response.Body, layer.Table, fields, features, total, z);
            return Results.Empty;
        });
        app.MapGet("/tiles/{name}/{z:int}/{x:int}/{y:int}.mvt", (HttpContext http, string name, int z, int x, int y) =>
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

            if (store.Tile(name, tile) is not { } bytes)
            {
                return Results.Json(new { error = $"layer '{name}' is not available for this dataset", available = false }, Json, statusCode: 404);
            }

            return Results.Bytes(bytes, LayerTiles.ContentType);
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
                l.Attributes,
                l.Popup,
                Style = catalogue.StyleOf(l),
            }),
        };
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
