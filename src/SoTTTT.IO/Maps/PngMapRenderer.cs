using System.Globalization;
using SkiaSharp;
using SoTTTT.Core.Maps;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Maps;

/// <summary>
/// Paints a map view as a PNG with SkiaSharp, for documents (the plan's .docx): the same layout as the SVG maps
/// (<see cref="MapScene"/>: layers, styles of the viewer, legend, scale bar, north arrow), at <c>scale</c> × the
/// 1000 × 720 page. Text in DejaVu Sans chosen by family name (Vietnamese precomposed characters render). The same
/// scene gives the same pixels; the PNG is encoded without time stamps.
/// </summary>
public static class PngMapRenderer
{
    /// <summary>The font family of every text.</summary>
    public const string FontFamily = "DejaVu Sans";

    /// <summary>Renders <paramref name="view"/> as PNG bytes.</summary>
    /// <param name="layers">Features of the view's layers that have data (geometries in one metric CRS); a missing layer is unavailable.</param>
    /// <param name="scale">Pixels per page unit (2 gives a 2000 × 1440 image).</param>
    public static byte[] Render(MapView view, MapCatalogue catalogue, IReadOnlyDictionary<string, FeatureTable> layers, string subtitle, string crsName, string lang, float scale = 2)
    {
        var scene = MapScene.Build(view, catalogue, layers, subtitle, crsName, lang);
        var info = new SKImageInfo((int)(MapScene.Width * scale), (int)(MapScene.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Scale(scale);
        Paint(canvas, scene);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// Renders <paramref name="view"/> as a one-page PDF (SkiaSharp's <see cref="SKDocument.CreatePdf(Stream)"/>): the
    /// same drawing as the PNG in page units (one unit = 1/72 inch, so the page is 1000 × 720 pt), vector shapes and
    /// embedded DejaVu Sans text.
    /// </summary>
    public static byte[] RenderPdf(MapView view, MapCatalogue catalogue, IReadOnlyDictionary<string, FeatureTable> layers, string subtitle, string crsName, string lang)
    {
        var scene = MapScene.Build(view, catalogue, layers, subtitle, crsName, lang);
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage((float)MapScene.Width, (float)MapScene.Height);
            Paint(canvas, scene);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    private static void Paint(SKCanvas canvas, MapScene scene)
    {
        canvas.Clear(SKColors.White);
        using var regular = SKTypeface.FromFamilyName(FontFamily, SKFontStyle.Normal);
        using var bold = SKTypeface.FromFamilyName(FontFamily, SKFontStyle.Bold);
        Text(canvas, scene.Title, MapScene.MapLeft, 24, 18, bold, "#1f3a5f");
        Text(canvas, scene.Subtitle, MapScene.MapLeft, 44, 12, regular, "#444444");
        var frame = new SKRect((float)MapScene.MapLeft, (float)MapScene.MapTop, (float)MapScene.MapRight, (float)MapScene.MapBottom);
        using (var back = Fill("#eef2f5"))
        {
            canvas.DrawRect(frame, back);
        }

        canvas.Save();
        canvas.ClipRect(frame);
        foreach (var layer in scene.Layers)
        {
            foreach (var group in layer.Groups)
            {
                foreach (var (x, y) in group.Points)
                {
                    Marker(canvas, group.Symbol, x, y, group.Symbol.Size);
                }

                foreach (var rings in group.Paths)
                {
                    using var path = Path(rings);
                    DrawPath(canvas, path, group.Symbol, layer.Geometry);
                }
            }
        }

        canvas.Restore();
        using (var border = Stroke("#999999", 1))
        {
            canvas.DrawRect(frame, border);
        }

        ScaleBar(canvas, scene, regular);
        NorthArrow(canvas, scene.Lang, bold);
        Legend(canvas, scene, regular, bold);
        Text(canvas, scene.Footer, MapScene.MapLeft, MapScene.Height - 12, 10, regular, "#666666");
    }

    private static SKPath Path(List<MapScene.SceneRing> rings)
    {
        var builder = new SKPathBuilder();
        foreach (var ring in rings)
        {
            for (var i = 0; i < ring.Points.Length; i++)
            {
                var (x, y) = ring.Points[i];
                if (i == 0)
                {
                    builder.MoveTo((float)x, (float)y);
                }
                else
                {
                    builder.LineTo((float)x, (float)y);
                }
            }

            if (ring.Closed)
            {
                builder.Close();
            }
        }

        builder.FillType = SKPathFillType.EvenOdd;
        return builder.Detach();
    }

    private static void DrawPath(SKCanvas canvas, SKPath path, MapSymbol s, MapGeometryKind geometry)
    {
        if (geometry == MapGeometryKind.Polygon && s.Fill is { } fill)
        {
            using var paint = Fill(fill, s.FillOpacity);
            canvas.DrawPath(path, paint);
        }

        using var stroke = Stroke(s.Stroke, s.StrokeWidth, s.Dash);
        if (geometry != MapGeometryKind.Point)
        {
            stroke.StrokeJoin = SKStrokeJoin.Round;
            stroke.StrokeCap = SKStrokeCap.Round;
        }

        if (s.StrokeWidth > 0)
        {
            canvas.DrawPath(path, stroke);
        }
    }

    private static void Marker(SKCanvas canvas, MapSymbol s, double x, double y, double size)
    {
        var r = (float)(size / 2);
        var cx = (float)x;
        var cy = (float)y;
        using var path = s.Shape switch
        {
            SymbolKind.Square => Polygon((cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)),
            SymbolKind.Triangle => Polygon((cx, cy - (r * 1.2f)), (cx + (r * 1.04f), cy + (r * 0.6f)), (cx - (r * 1.04f), cy + (r * 0.6f))),
            SymbolKind.Diamond => Polygon((cx, cy - (r * 1.2f)), (cx + (r * 1.2f), cy), (cx, cy + (r * 1.2f)), (cx - (r * 1.2f), cy)),
            _ => Circle(cx, cy, r),
        };
        DrawPath(canvas, path, s, MapGeometryKind.Polygon);
    }

    private static SKPath Polygon(params (float X, float Y)[] points)
    {
        var builder = new SKPathBuilder();
        builder.MoveTo(points[0].X, points[0].Y);
        foreach (var (x, y) in points.Skip(1))
        {
            builder.LineTo(x, y);
        }

        builder.Close();
        return builder.Detach();
    }

    private static SKPath Circle(float cx, float cy, float r)
    {
        var builder = new SKPathBuilder();
        builder.AddCircle(cx, cy, r);
        return builder.Detach();
    }

    private static void Legend(SKCanvas canvas, MapScene scene, SKTypeface regular, SKTypeface bold)
    {
        Text(canvas, scene.Lang == "en" ? "Legend" : "Chú giải", MapScene.LegendLeft, MapScene.MapTop + 12, 13, bold, "#222222");
        foreach (var line in scene.Legend)
        {
            var y = line.Y;
            if (line.Symbol is not { } symbol)
            {
                Text(canvas, line.Text, MapScene.LegendLeft, y, 11, bold, line.Available ? "#222222" : "#999999");
                continue;
            }

            switch (line.Geometry)
            {
                case MapGeometryKind.Line:
                    using (var path = Polyline((MapScene.LegendLeft + 2, y - 4), (MapScene.LegendLeft + 22, y - 4)))
                    {
                        DrawPath(canvas, path, symbol, MapGeometryKind.Line);
                    }

                    break;
                case MapGeometryKind.Polygon:
                    using (var path = Polygon(((float)MapScene.LegendLeft + 3, (float)y - 10), ((float)MapScene.LegendLeft + 21, (float)y - 10), ((float)MapScene.LegendLeft + 21, (float)y + 1), ((float)MapScene.LegendLeft + 3, (float)y + 1)))
                    {
                        DrawPath(canvas, path, symbol, MapGeometryKind.Polygon);
                    }

                    break;
                default:
                    Marker(canvas, symbol, MapScene.LegendLeft + 12, y - 4, Math.Min(symbol.Size, 12));
                    break;
            }

            Text(canvas, line.Text, MapScene.LegendLeft + 30, y, 11, regular, "#222222");
        }
    }

    private static SKPath Polyline((double X, double Y) a, (double X, double Y) b)
    {
        var builder = new SKPathBuilder();
        builder.MoveTo((float)a.X, (float)a.Y);
        builder.LineTo((float)b.X, (float)b.Y);
        return builder.Detach();
    }

    private static void ScaleBar(SKCanvas canvas, MapScene scene, SKTypeface font)
    {
        var (length, label) = scene.Scale;
        var x = MapScene.MapLeft + 14;
        var y = MapScene.MapBottom - 18;
        using (var back = Fill("#ffffff", 0.8))
        {
            canvas.DrawRect((float)(x - 6), (float)(y - 16), (float)(length + 48), 28, back);
        }

        for (var i = 0; i < 4; i++)
        {
            var rect = new SKRect((float)(x + (i * length / 4)), (float)y, (float)(x + ((i + 1) * length / 4)), (float)(y + 5));
            using var fill = Fill(i % 2 == 0 ? "#222222" : "#ffffff");
            using var stroke = Stroke("#222222", 0.8);
            canvas.DrawRect(rect, fill);
            canvas.DrawRect(rect, stroke);
        }

        Text(canvas, "0", x, y - 4, 10, font, "#222222", SKTextAlign.Center);
        Text(canvas, label, x + length, y - 4, 10, font, "#222222", SKTextAlign.Center);
        Text(canvas, scene.Lang == "en" ? "scale" : "tỷ lệ", x + length + 22, y + 5, 10, font, "#222222", SKTextAlign.Center);
    }

    private static void NorthArrow(SKCanvas canvas, string lang, SKTypeface bold)
    {
        var x = (float)(MapScene.MapRight - 26);
        var y = (float)(MapScene.MapTop + 16);
        using (var right = Polygon((x, y), (x + 9, y + 28), (x, y + 22)))
        using (var fill = Fill("#222222"))
        {
            canvas.DrawPath(right, fill);
        }

        using (var left = Polygon((x, y), (x - 9, y + 28), (x, y + 22)))
        using (var fill = Fill("#ffffff"))
        using (var stroke = Stroke("#222222", 0.8))
        {
            canvas.DrawPath(left, fill);
            canvas.DrawPath(left, stroke);
        }

        Text(canvas, lang == "en" ? "N" : "B", x, y + 42, 12, bold, "#222222", SKTextAlign.Center);
    }

    private static void Text(SKCanvas canvas, string text, double x, double y, float size, SKTypeface typeface, string color, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        using var paint = new SKPaint { Color = Color(color), IsAntialias = true };
        canvas.DrawText(text, (float)x, (float)y, align, font, paint);
    }

    private static SKPaint Fill(string color, double opacity = 1) =>
        new() { Color = Color(color).WithAlpha((byte)Math.Round(255 * Math.Clamp(opacity, 0, 1))), Style = SKPaintStyle.Fill, IsAntialias = true };

    private static SKPaint Stroke(string color, double width, IReadOnlyList<double>? dash = null)
    {
        var paint = new SKPaint { Color = Color(color), Style = SKPaintStyle.Stroke, StrokeWidth = (float)width, IsAntialias = true };
        if (dash is { Count: > 0 })
        {
            paint.PathEffect = SKPathEffect.CreateDash([.. dash.Select(d => (float)d)], 0);
        }

        return paint;
    }

    private static SKColor Color(string hex) =>
        SKColor.TryParse(hex, out var c) ? c : SKColors.Black;

    /// <summary>The file name of a view's map in documents: <c>map_&lt;view&gt;.png</c>.</summary>
    public static string FileName(string view) => string.Create(CultureInfo.InvariantCulture, $"map_{view}.png");
}
