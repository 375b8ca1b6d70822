using System.Globalization;
using System.Security;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using SoTTTT.Core.Maps;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Maps;

/// <summary>
/// Draws a map view as a static SVG with the same style definitions as the web viewer: the view's layers bottom to top
/// (those switched on by default), a legend (layers without data listed as unavailable), a scale bar and a north arrow
/// (grid north of the analysis CRS). Features are drawn in the analysis CRS (metres, so the scale bar is exact),
/// simplified to half a pixel; points falling on the same pixel with the same symbol are drawn once. Deterministic:
/// invariant numbers with one decimal, <c>\n</c> line ends, layers and classes in definition order, features in layer
/// order.
/// </summary>
public static class SvgMapRenderer
{
    private const double Width = 1000;
    private const double Height = 720;
    private const double MapLeft = 10;
    private const double MapTop = 56;
    private const double MapRight = 700;
    private const double MapBottom = 690;
    private const double LegendLeft = 714;

    /// <summary>Renders <paramref name="view"/>.</summary>
    /// <param name="layers">Features of the view's layers that have data (geometries in one metric CRS); a missing layer is unavailable.</param>
    /// <param name="subtitle">Second title line, e.g. the dataset name.</param>
    /// <param name="crsName">Name of the layers' CRS, printed in the footer.</param>
    /// <param name="lang"><c>vi</c> or <c>en</c>.</param>
    public static string Render(MapView view, MapCatalogue catalogue, IReadOnlyDictionary<string, FeatureTable> layers, string subtitle, string crsName, string lang)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(layers);
        var drawn = view.Layers
            .Select(name => catalogue.Layer(name)!)
            .Where(l => l.Visible && layers.ContainsKey(l.Name))
            .ToList();
        var extent = Extent(drawn.Select(l => layers[l.Name]).ToList());
        var frame = new Frame(extent);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{X(view.Title.Get(lang))}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{N(Width)}\" height=\"{N(Height)}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(MapLeft)}\" y=\"24\" font-size=\"18\" font-weight=\"bold\" fill=\"#1f3a5f\">{X(view.Title.Get(lang))}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(MapLeft)}\" y=\"44\" font-size=\"12\" fill=\"#444444\">{X(subtitle)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<clipPath id=\"frame\"><rect x=\"{N(MapLeft)}\" y=\"{N(MapTop)}\" width=\"{N(MapRight - MapLeft)}\" height=\"{N(MapBottom - MapTop)}\"/></clipPath>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(MapLeft)}\" y=\"{N(MapTop)}\" width=\"{N(MapRight - MapLeft)}\" height=\"{N(MapBottom - MapTop)}\" fill=\"#eef2f5\" stroke=\"#999999\"/>\n");
        svg.Append("<g clip-path=\"url(#frame)\">\n");
        foreach (var layer in drawn)
        {
            DrawLayer(svg, layer, catalogue.StyleOf(layer), layers[layer.Name], frame);
        }

        svg.Append("</g>\n");
        ScaleBar(svg, frame, lang);
        NorthArrow(svg, lang);
        Legend(svg, view, catalogue, layers, lang);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(MapLeft)}\" y=\"{N(Height - 12)}\" font-size=\"10\" fill=\"#666666\">{X((lang == "en" ? "Coordinate system: " : "Hệ tọa độ: ") + crsName)}</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static Envelope Extent(IReadOnlyList<FeatureTable> tables)
    {
        // Fit to the admin units when drawn (the province), else to everything.
        var basis = tables.Where(t => t.Name == "admin_units" && t.Rows.Count > 0).ToList();
        var extent = new Envelope();
        foreach (var table in basis.Count > 0 ? basis : tables)
        {
            foreach (var row in table.Rows)
            {
                if (row.Geometry is { IsEmpty: false } g)
                {
                    extent.ExpandToInclude(g.EnvelopeInternal);
                }
            }
        }

        if (extent.IsNull)
        {
            extent = new Envelope(0, 1000, 0, 1000);
        }

        extent.ExpandBy(Math.Max(Math.Max(extent.Width, extent.Height) * 0.03, 50));
        return extent;
    }

    private static void DrawLayer(StringBuilder svg, MapLayer layer, MapStyle style, FeatureTable table, Frame frame)
    {
        var attribute = style.Attribute is { } a ? table.IndexOf(a) : -1;
        var groups = new Dictionary<MapSymbol, List<Geometry>>();
        var order = new List<MapSymbol>();
        foreach (var row in table.Rows)
        {
            if (row.Geometry is not { IsEmpty: false } g)
            {
                continue;
            }

            var symbol = style.SymbolOf(attribute >= 0 ? row.Values[attribute] : null);
            if (!groups.TryGetValue(symbol, out var list))
            {
                groups[symbol] = list = [];
                order.Add(symbol);
            }

            list.Add(g);
        }

        svg.Append(CultureInfo.InvariantCulture, $"<g id=\"layer-{layer.Name}\">\n");

        // Classes in legend order, the default first, so later classes draw on top as in the legend.
        var ranked = order.OrderBy(s => style.Classes.Select(c => c.Symbol).ToList().IndexOf(s)).ToList();
        foreach (var symbol in ranked)
        {
            svg.Append("<g").Append(Paint(symbol, layer.Geometry)).Append(">\n");
            var seen = new HashSet<(long, long)>();
            foreach (var g in groups[symbol])
            {
                switch (layer.Geometry)
                {
                    case MapGeometryKind.Point:
                        foreach (var p in Points(g))
                        {
                            var (x, y) = frame.ToPixel(p.X, p.Y);
                            if (seen.Add(((long)Math.Round(x), (long)Math.Round(y))))
                            {
                                Marker(svg, symbol.Shape, x, y, symbol.Size);
                            }
                        }

                        break;
                    default:
                        var simple = DouglasPeuckerSimplifier.Simplify(g, frame.MetresPerPixel / 2);
                        var d = PathData(simple.IsEmpty ? g : simple, frame, layer.Geometry == MapGeometryKind.Polygon);
                        if (d.Length > 0)
                        {
                            svg.Append("<path d=\"").Append(d).Append("\"/>\n");
                        }

                        break;
                }
            }

            svg.Append("</g>\n");
        }

        svg.Append("</g>\n");
    }

    private static IEnumerable<Point> Points(Geometry g) => g switch
    {
        Point p => [p],
        _ => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Point>(),
    };

    private static string PathData(Geometry g, Frame frame, bool close)
    {
        var d = new StringBuilder();
        void Ring(CoordinateSequence seq, bool closed)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = frame.ToPixel(seq.GetX(i), seq.GetY(i));
                d.Append(i == 0 ? 'M' : 'L').Append(N(x)).Append(',').Append(N(y));
            }

            if (closed)
            {
                d.Append('Z');
            }
        }

        for (var n = 0; n < g.NumGeometries; n++)
        {
            switch (g.GetGeometryN(n))
            {
                case Polygon polygon:
                    Ring(polygon.Shell.CoordinateSequence, true);
                    foreach (var hole in polygon.Holes)
                    {
                        Ring(hole.CoordinateSequence, true);
                    }

                    break;
                case LineString line:
                    Ring(line.CoordinateSequence, close && line.IsClosed);
                    break;
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

    private static void Legend(StringBuilder svg, MapView view, MapCatalogue catalogue, IReadOnlyDictionary<string, FeatureTable> layers, string lang)
    {
        var y = MapTop + 12;
        svg.Append(CultureInfo.InvariantCulture, $"<g id=\"legend\" font-size=\"11\" fill=\"#222222\">\n<text x=\"{N(LegendLeft)}\" y=\"{N(y)}\" font-size=\"13\" font-weight=\"bold\">{X(lang == "en" ? "Legend" : "Chú giải")}</text>\n");
        y += 20;
        foreach (var layer in view.Layers.Select(n => catalogue.Layer(n)!).Reverse())
        {
            var available = layers.ContainsKey(layer.Name);
            if (available && !layer.Visible)
            {
                continue;
            }

            var title = layer.Title.Get(lang) + (available ? string.Empty : lang == "en" ? " (not available)" : " (chưa có dữ liệu)");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(LegendLeft)}\" y=\"{N(y)}\" font-weight=\"bold\"{(available ? string.Empty : " fill=\"#999999\"")}>{X(title)}</text>\n");
            y += 15;
            if (!available)
            {
                y += 4;
                continue;
            }

            var style = catalogue.StyleOf(layer);
            var entries = style.Classes.Select(c => (c.Symbol, c.Label.Get(lang))).ToList();
            if (entries.Count == 0 || style.DefaultLabel is not null)
            {
                entries.Add((style.Default, style.DefaultLabel?.Get(lang) ?? layer.Title.Get(lang)));
            }

            foreach (var (symbol, label) in entries)
            {
                svg.Append("<g").Append(Paint(symbol, layer.Geometry)).Append('>');
                switch (layer.Geometry)
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
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(LegendLeft + 30)}\" y=\"{N(y)}\">{X(label)}</text>\n");
                y += 15;
            }

            y += 6;
        }

        svg.Append("</g>\n");
    }

    private static void ScaleBar(StringBuilder svg, Frame frame, string lang)
    {
        // A round length near a quarter of the map width: 1, 2 or 5 × 10^k metres.
        var target = (MapRight - MapLeft) / 4 * frame.MetresPerPixel;
        var power = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var metres = new[] { 1, 2, 5, 10 }.Select(m => m * power).Last(m => m <= target);
        var length = metres / frame.MetresPerPixel;
        var x = MapLeft + 14;
        var y = MapBottom - 18;
        var label = metres >= 1000 ? $"{N(metres / 1000)} km" : $"{N(metres)} m";
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

    private static string N(double v) => Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    private static string N2(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    private static string X(string text) => SecurityElement.Escape(text) ?? string.Empty;

    /// <summary>Metres of the analysis CRS to SVG pixels, fitting the extent in the map frame and keeping the aspect.</summary>
    private sealed class Frame
    {
        private readonly double minX;
        private readonly double maxY;
        private readonly double scale;
        private readonly double offsetX;
        private readonly double offsetY;

        public Frame(Envelope extent)
        {
            var w = MapRight - MapLeft;
            var h = MapBottom - MapTop;
            scale = Math.Min(w / extent.Width, h / extent.Height);
            minX = extent.MinX;
            maxY = extent.MaxY;
            offsetX = MapLeft + (w - extent.Width * scale) / 2;
            offsetY = MapTop + (h - extent.Height * scale) / 2;
        }

        public double MetresPerPixel => 1 / scale;

        public (double X, double Y) ToPixel(double x, double y) => (offsetX + (x - minX) * scale, offsetY + (maxY - y) * scale);
    }
}
