using SoTTTT.Core.Maps;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Maps;
using SoTTTT.IO.Writing;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// The static maps of every view (<c>maps/&lt;view&gt;.svg</c>, and the same drawing as <c>.png</c> and <c>.pdf</c> for
/// documents) and <c>report.html</c> embedding the SVGs, from the same providers as the viewer.
/// </summary>
internal static class StaticMaps
{
    /// <summary>The SVG of one view.</summary>
    public static string Render(MapCatalogue catalogue, MapView view, MapLayerSources sources, MapDataContext context, string lang) =>
        SvgMapRenderer.Render(view, catalogue, Tables(catalogue, view, sources, context), context.Dataset.Name, context.Dataset.Crs.Name, lang);

    /// <summary>The PNG of one view (the same layout as the SVG, painted with SkiaSharp), <paramref name="scale"/> × 1000 × 720 pixels.</summary>
    public static byte[] RenderPng(MapCatalogue catalogue, MapView view, MapLayerSources sources, MapDataContext context, string lang, float scale = 2) =>
        PngMapRenderer.Render(view, catalogue, Tables(catalogue, view, sources, context), context.Dataset.Name, context.Dataset.Crs.Name, lang, scale);

    /// <summary>The PDF of one view (the same drawing as the PNG, one 1000 × 720 pt page).</summary>
    public static byte[] RenderPdf(MapCatalogue catalogue, MapView view, MapLayerSources sources, MapDataContext context, string lang) =>
        PngMapRenderer.RenderPdf(view, catalogue, Tables(catalogue, view, sources, context), context.Dataset.Name, context.Dataset.Crs.Name, lang);

    private static Dictionary<string, FeatureTable> Tables(MapCatalogue catalogue, MapView view, MapLayerSources sources, MapDataContext context)
    {
        var tables = new Dictionary<string, FeatureTable>(StringComparer.Ordinal);
        foreach (var name in view.Layers)
        {
            var layer = catalogue.Layer(name)!;
            if (layer.Visible && sources.Build(name, context) is { } table)
            {
                tables[name] = table;
            }
            else if (!layer.Visible && sources.IsAvailable(name, context))
            {
                // Available but off by default: not drawn, and not listed as missing either.
                tables[name] = new FeatureTable(name, name, FeatureGeometryType.None, null, [], []);
            }
        }

        return tables;
    }

    /// <summary>Writes every view's map and the report; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string outDir, MapCatalogue catalogue, MapDataContext context, string lang)
    {
        var sources = MapLayerSources.Default();
        var written = new List<string>();
        var maps = new List<(MapView, string)>();
        foreach (var view in catalogue.Views)
        {
            var tables = Tables(catalogue, view, sources, context);
            var svg = SvgMapRenderer.Render(view, catalogue, tables, context.Dataset.Name, context.Dataset.Crs.Name, lang);
            var path = Path.Combine(outDir, "maps", view.Name + ".svg");
            AtomicFile.WriteAllText(path, svg);
            written.Add(path);
            maps.Add((view, svg));

            // The same map as pictures for documents: PNG (2000 × 1440 px) and PDF beside the SVG.
            var png = Path.ChangeExtension(path, ".png");
            AtomicFile.Write(png, s => s.Write(PngMapRenderer.Render(view, catalogue, tables, context.Dataset.Name, context.Dataset.Crs.Name, lang)));
            var pdf = Path.ChangeExtension(path, ".pdf");
            AtomicFile.Write(pdf, s => s.Write(PngMapRenderer.RenderPdf(view, catalogue, tables, context.Dataset.Name, context.Dataset.Crs.Name, lang)));
            written.Add(png);
            written.Add(pdf);
        }

        var report = Path.Combine(outDir, "report.html");
        AtomicFile.WriteAllText(report, MapReportWriter.Html(context.Dataset.Name, maps, lang));
        written.Add(report);
        return written;
    }
}
