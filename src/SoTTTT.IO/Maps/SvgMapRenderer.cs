using System.Globalization;
using System.Security;
using System.Text;
using SoTTTT.Core.Maps;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Maps;

/// <summary>
/// Draws a map view as a static SVG with the same style definitions as the web viewer, from the layout of
/// <see cref="MapScene"/> (shared with the PNG maps of <see cref="PngMapRenderer"/>): the view's layers bottom to top
/// (those switched on by default), a legend (layers without data listed as unavailable), a scale bar and a north arrow
/// (grid north of the analysis CRS). Features are drawn in the analysis CRS (metres, so the scale bar is exact),
/// simplified to half a pixel; points falling on the same pixel with the same symbol are drawn once. Deterministic:
/// invariant numbers with one decimal, <c>\n</c> line ends, layers and classes in definition order, features in layer
/// order.
/// </summary>
public static class SvgMapRenderer
{
    private const double Width = MapScene.Width;
    private const double Height = MapScene.Height;
    private const double MapLeft = MapScene.MapLeft;
    private const double MapTop = MapScene.MapTop;
    private const double MapRight = MapScene.MapRight;
    private const double MapBottom = MapScene.MapBottom;
    private const double LegendLeft = MapScene.LegendLeft;

    /// <summary>Renders <paramref name="view"/>.</summary>
    /// <param name="layers">Features of the view's layers that have data (geometries in one metric CRS); a missing layer is unavailable.</param>
    /// <param name="subtitle">Second title line, e.g. the dataset name.</param>
    /// <param name="crsName">Name of the layers' CRS, printed in the footer.</param>
    /// <param name="lang"><c>vi</c> or <c>en</c>.</param>
    public static string Render(MapView view, MapCatalogue catalogue, IReadOnlyDictionary<string, FeatureTable> layers, string subtitle, string crsName, string lang)
    {
        var scene = MapScene.Build(view, catalogue, layers, subtitle, crsName, lang);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{X(scene.Title)}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{N(Width)}\" height=\"{N(Height)}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(MapLeft)}\" y=\"24\" font-size=\"18\" font-weight=\"bold\" fill=\"#1f3a5f\">{X(scene.Title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(MapLeft)}\" y=\"44\" font-size=\"12\" fill=\"#444444\">{X(scene.Subtitle)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<clipPath id=\"frame\"><rect x=\"{N(MapLeft)}\" y=\"{N(MapTop)}\" width=\"{N(MapRight - MapLeft)}\" height=\"{N(MapBottom - MapTop)}\"/></clipPath>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(MapLeft)}\" y=\"{N(MapTop)}\" width=\"{N(MapRight - MapLeft)}\" height=\"{N(MapBottom - MapTop)}\" fill=\"#eef2f5\" stroke=\"#999999\"/>\n");
        svg.Append("<g clip-path=\"url(#frame)\">\n");
        foreach (var layer in scene.Layers)
        {
            DrawLayer(svg, layer);
        }

        svg.Append("</g>\n");
        ScaleBar(svg, scene.Scale, scene.Lang);
        NorthArrow(svg, scene.Lang);
        Legend(svg, scene);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(MapLeft)}\" y=\"{N(Height - 12)}\" font-size=\"10\" fill=\"#666666\">{X(scene.Footer)}</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void DrawLayer(StringBuilder svg, MapScene.SceneLayer layer)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g id=\"layer-{layer.Name}\">\n");
        foreach (var group in layer.Groups)
        {
            svg.Append("<g").Append(Paint(group.Symbol, layer.Geometry)).Append(">\n");
            foreach (var (x, y) in group.Points)
            {
                Marker(svg, group.Symbol.Shape, x, y, group.Symbol.Size);
            }

            foreach (var rings in group.Paths)
            {
                svg.Append("<path d=\"").Append(PathData(rings)).Append("\"/>\n");
            }

            svg.Append("</g>\n");
        }

        svg.Append("</g>\n");
    }

    private static string PathData(List<MapScene.SceneRing> rings)
    {
        var d = new StringBuilder();
        foreach (var ring in rings)
        {
            for (var i = 0; i < ring.Points.Length; i++)
            {
                d.Append(i == 0 ? 'M' : 'L').Append(N(ring.Points[i].X)).Append(',').Append(N(ring.Points[i].Y));
            }

            if (ring.Closed)
            {
                d.Append('Z');
            }
        }

        return d.ToString();
    }

    private static string Paint(MapSymbol s, MapGeometryKind geometry)
    {
        var paint = new StringBuilder();
        var fill = geometry == MapGeometryKind.Line || s.Fill is null ? "none" : s.Fill;
        paint.Append(CultureInfo.InvariantCulture, $" fill=\"{fill}\"");
        if (fill != "none" && s.FillOpacity < 1)
        {
            paint.Append(CultureInfo.InvariantCulture, $" fill-opacity=\"{N2(s.FillOpacity)}\"");
        }

        if (geometry == MapGeometryKind.Polygon)
        {
            paint.Append(" fill-rule=\"evenodd\"");
        }

        paint.Append(CultureInfo.InvariantCulture, $" stroke=\"{s.Stroke}\" stroke-width=\"{N2(s.StrokeWidth)}\"");
        if (s.Dash.Count > 0)
        {
            paint.Append(" stroke-dasharray=\"").Append(string.Join(" ", s.Dash.Select(N2))).Append('"');
        }

        if (geometry != MapGeometryKind.Point)
        {
            paint.Append(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        }

        return paint.ToString();
    }

    private static void Marker(StringBuilder svg, SymbolKind shape, double x, double y, double size)
    {
        var r = size / 2;
        switch (shape)
        {
            case SymbolKind.Square:
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x - r)}\" y=\"{N(y - r)}\" width=\"{N(size)}\" height=\"{N(size)}\"/>\n");
                break;
            case SymbolKind.Triangle:
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(x)},{N(y - r * 1.2)}L{N(x + r * 1.04)},{N(y + r * 0.6)}L{N(x - r * 1.04)},{N(y + r * 0.6)}Z\"/>\n");
                break;
            case SymbolKind.Diamond:
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(x)},{N(y - r * 1.2)}L{N(x + r * 1.2)},{N(y)}L{N(x)},{N(y + r * 1.2)}L{N(x - r * 1.2)},{N(y)}Z\"/>\n");
                break;
            default:
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\"/>\n");
                break;
        }
    }

    private static void Legend(StringBuilder svg, MapScene scene)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g id=\"legend\" font-size=\"11\" fill=\"#222222\">\n<text x=\"{N(LegendLeft)}\" y=\"{N(MapTop + 12)}\" font-size=\"13\" font-weight=\"bold\">{X(scene.Lang == "en" ? "Legend" : "Chú giải")}</text>\n");
        foreach (var line in scene.Legend)
        {
            var y = line.Y;
            if (line.Symbol is not { } symbol)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(LegendLeft)}\" y=\"{N(y)}\" font-weight=\"bold\"{(line.Available ? string.Empty : " fill=\"#999999\"")}>{X(line.Text)}</text>\n");
                continue;
            }

            svg.Append("<g").Append(Paint(symbol, line.Geometry)).Append('>');
            switch (line.Geometry)
            {
                case MapGeometryKind.Line:
                    svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(LegendLeft + 2)},{N(y - 4)}L{N(LegendLeft + 22)},{N(y - 4)}\"/>");
                    break;
                case MapGeometryKind.Polygon:
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(LegendLeft + 3)}\" y=\"{N(y - 10)}\" width=\"18\" height=\"11\"/>");
                    break;
                default:
                    Marker(svg, symbol.Shape, LegendLeft + 12, y - 4, Math.Min(symbol.Size, 12));
                    break;
            }

            svg.Append("</g>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(LegendLeft + 30)}\" y=\"{N(y)}\">{X(line.Text)}</text>\n");
        }

        svg.Append("</g>\n");
    }

    private static void ScaleBar(StringBuilder svg, (double LengthPx, string Label) scale, string lang)
    {
        var (length, label) = scale;
        var x = MapLeft + 14;
        var y = MapBottom - 18;
        svg.Append("<g id=\"scale-bar\" font-size=\"10\" fill=\"#222222\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x - 6)}\" y=\"{N(y - 16)}\" width=\"{N(length + 48)}\" height=\"28\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>\n");
        for (var i = 0; i < 4; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x + i * length / 4)}\" y=\"{N(y)}\" width=\"{N(length / 4)}\" height=\"5\" fill=\"{(i % 2 == 0 ? "#222222" : "#ffffff")}\" stroke=\"#222222\" stroke-width=\"0.8\"/>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y - 4)}\" text-anchor=\"middle\">0</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + length)}\" y=\"{N(y - 4)}\" text-anchor=\"middle\">{label}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + length + 22)}\" y=\"{N(y + 5)}\" text-anchor=\"middle\">{(lang == "en" ? "scale" : "tỷ lệ")}</text>\n");
        svg.Append("</g>\n");
    }

    private static void NorthArrow(StringBuilder svg, string lang)
    {
        var x = MapRight - 26;
        var y = MapTop + 16;
        svg.Append("<g id=\"north-arrow\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(x)},{N(y)}L{N(x + 9)},{N(y + 28)}L{N(x)},{N(y + 22)}Z\" fill=\"#222222\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(x)},{N(y)}L{N(x - 9)},{N(y + 28)}L{N(x)},{N(y + 22)}Z\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"0.8\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y + 42)}\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\">{(lang == "en" ? "N" : "B")}</text>\n");
        svg.Append("</g>\n");
    }

    /// <summary>One decimal, invariant (SVG coordinates, scale labels).</summary>
    internal static string N(double v) => Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    private static string N2(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    private static string X(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
