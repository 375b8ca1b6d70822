using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using SoTTTT.Core.Maps;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Maps;

/// <summary>
/// A map view laid out on a 1000 × 720 page, in page pixels: the view's layers bottom to top (those switched on by
/// default), each feature styled by the view's style definitions (the web viewer's), lines and polygons simplified to
/// half a pixel, points falling on the same pixel with the same symbol kept once; the legend (layers without data marked
/// unavailable), the scale bar (a round length near a quarter of the map width) and the north arrow (grid north of the
/// analysis CRS). One layout for every static output: <see cref="SvgMapRenderer"/> writes it as SVG,
/// <see cref="PngMapRenderer"/> paints it with SkiaSharp.
/// </summary>
internal sealed class MapScene
{
    public const double Width = 1000;
    public const double Height = 720;
    public const double MapLeft = 10;
    public const double MapTop = 56;
    public const double MapRight = 700;
    public const double MapBottom = 690;
    public const double LegendLeft = 714;

    private MapScene(string title, string subtitle, string footer, string lang)
    {
        Title = title;
        Subtitle = subtitle;
        Footer = footer;
        Lang = lang;
    }

    public string Title { get; }

    public string Subtitle { get; }

    public string Footer { get; }

    public string Lang { get; }

    public List<SceneLayer> Layers { get; } = [];

    public List<LegendLine> Legend { get; } = [];

    /// <summary>Scale bar: its length in pixels and its label (<c>2 km</c>).</summary>
    public (double LengthPx, string Label) Scale { get; private set; }

    /// <summary>Page metres per pixel of the map frame.</summary>
    public double MetresPerPixel { get; private set; }

    public static MapScene Build(MapView view, MapCatalogue catalogue, IReadOnlyDictionary<string, FeatureTable> layers, string subtitle, string crsName, string lang)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(layers);
        var scene = new MapScene(view.Title.Get(lang), subtitle, (lang == "en" ? "Coordinate system: " : "Hệ tọa độ: ") + crsName, lang);
        var drawn = view.Layers
            .Select(name => catalogue.Layer(name)!)
            .Where(l => l.Visible && layers.ContainsKey(l.Name))
            .ToList();
        var frame = new Frame(Extent(drawn.Select(l => layers[l.Name]).ToList()));
        scene.MetresPerPixel = frame.MetresPerPixel;
        foreach (var layer in drawn)
        {
            scene.Layers.Add(Layer(layer, catalogue.StyleOf(layer), layers[layer.Name], frame));
        }

        // A round length near a quarter of the map width: 1, 2 or 5 × 10^k metres.
        var target = (MapRight - MapLeft) / 4 * frame.MetresPerPixel;
        var power = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var metres = new[] { 1, 2, 5, 10 }.Select(m => m * power).Last(m => m <= target);
        scene.Scale = (metres / frame.MetresPerPixel, metres >= 1000 ? $"{SvgMapRenderer.N(metres / 1000)} km" : $"{SvgMapRenderer.N(metres)} m");
        scene.BuildLegend(view, catalogue, layers);
        return scene;
    }

    private void BuildLegend(MapView view, MapCatalogue catalogue, IReadOnlyDictionary<string, FeatureTable> layers)
    {
        var y = MapTop + 12 + 20;
        foreach (var layer in view.Layers.Select(n => catalogue.Layer(n)!).Reverse())
        {
            var available = layers.ContainsKey(layer.Name);
            if (available && !layer.Visible)
            {
                continue;
            }

            var title = layer.Title.Get(Lang) + (available ? string.Empty : Lang == "en" ? " (not available)" : " (chưa có dữ liệu)");
            Legend.Add(new LegendLine(title, y, available, null, layer.Geometry));
            y += 15;
            if (!available)
            {
                y += 4;
                continue;
            }

            var style = catalogue.StyleOf(layer);
            var entries = style.Classes.Select(c => (c.Symbol, c.Label.Get(Lang))).ToList();
            if (entries.Count == 0 || style.DefaultLabel is not null)
            {
                entries.Add((style.Default, style.DefaultLabel?.Get(Lang) ?? layer.Title.Get(Lang)));
            }

            foreach (var (symbol, label) in entries)
            {
                Legend.Add(new LegendLine(label, y, true, symbol, layer.Geometry));
                y += 15;
            }

            y += 6;
        }
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

    private static SceneLayer Layer(MapLayer layer, MapStyle style, FeatureTable table, Frame frame)
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

        var result = new SceneLayer(layer.Name, layer.Geometry);

        // Classes in legend order, the default first, so later classes draw on top as in the legend.
        var ranked = order.OrderBy(s => style.Classes.Select(c => c.Symbol).ToList().IndexOf(s)).ToList();
        foreach (var symbol in ranked)
        {
            var group = new SceneGroup(symbol);
            var seen = new HashSet<(long, long)>();
            foreach (var g in groups[symbol])
            {
                if (layer.Geometry == MapGeometryKind.Point)
                {
                    foreach (var p in Points(g))
                    {
                        var (x, y) = frame.ToPixel(p.X, p.Y);
                        if (seen.Add(((long)Math.Round(x), (long)Math.Round(y))))
                        {
                            group.Points.Add((x, y));
                        }
                    }

                    continue;
                }

                var simple = DouglasPeuckerSimplifier.Simplify(g, frame.MetresPerPixel / 2);
                var rings = Rings(simple.IsEmpty ? g : simple, frame, layer.Geometry == MapGeometryKind.Polygon);
                if (rings.Count > 0)
                {
                    group.Paths.Add(rings);
                }
            }

            result.Groups.Add(group);
        }

        return result;
    }

    private static IEnumerable<Point> Points(Geometry g) => g switch
    {
        Point p => [p],
        _ => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Point>(),
    };

    private static List<SceneRing> Rings(Geometry g, Frame frame, bool close)
    {
        var rings = new List<SceneRing>();
        void Add(CoordinateSequence seq, bool closed)
        {
            var points = new (double X, double Y)[seq.Count];
            for (var i = 0; i < seq.Count; i++)
            {
                points[i] = frame.ToPixel(seq.GetX(i), seq.GetY(i));
            }

            if (points.Length > 0)
            {
                rings.Add(new SceneRing(points, closed));
            }
        }

        for (var n = 0; n < g.NumGeometries; n++)
        {
            switch (g.GetGeometryN(n))
            {
                case Polygon polygon:
                    Add(polygon.Shell.CoordinateSequence, true);
                    foreach (var hole in polygon.Holes)
                    {
                        Add(hole.CoordinateSequence, true);
                    }

                    break;
                case LineString line:
                    Add(line.CoordinateSequence, close && line.IsClosed);
                    break;
            }
        }

        return rings;
    }

    /// <summary>One drawn layer: its features grouped by symbol, in drawing order.</summary>
    internal sealed class SceneLayer(string name, MapGeometryKind geometry)
    {
        public string Name { get; } = name;

        public MapGeometryKind Geometry { get; } = geometry;

        public List<SceneGroup> Groups { get; } = [];
    }

    /// <summary>The features of one symbol: marker centres (point layers) or paths (one list of rings per feature).</summary>
    internal sealed class SceneGroup(MapSymbol symbol)
    {
        public MapSymbol Symbol { get; } = symbol;

        public List<(double X, double Y)> Points { get; } = [];

        public List<List<SceneRing>> Paths { get; } = [];
    }

    /// <summary>A ring or line in page pixels; closed rings end with Z in SVG.</summary>
    internal sealed record SceneRing((double X, double Y)[] Points, bool Closed);

    /// <summary>A legend line: a layer title (<see cref="Symbol"/> null) or a class entry, at baseline <see cref="Y"/>.</summary>
    internal sealed record LegendLine(string Text, double Y, bool Available, MapSymbol? Symbol, MapGeometryKind Geometry);

    /// <summary>Metres of the analysis CRS to page pixels, fitting the extent in the map frame and keeping the aspect.</summary>
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
