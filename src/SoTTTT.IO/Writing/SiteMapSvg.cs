using System.Globalization;
using System.Net;
using System.Text;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.IO.Writing;

/// <summary>
/// A small static map of an application's site for its appraisal sheet, as inline SVG: the zones around the site
/// (clipped to the frame, coloured by kind), the must-share circle, the towers the checks looked at (labelled), the site,
/// a scale bar and a grid-north arrow. Drawn in the analysis CRS (metres), so distances on the map are true.
/// </summary>
public static class SiteMapSvg
{
    private const double SizePx = 420;

    private static readonly Dictionary<string, string> ZoneColours = new(StringComparer.Ordinal)
    {
        [ZoneKinds.A1Only] = "#f4a261",
        [ZoneKinds.NoNewBulky] = "#e76f51",
        [ZoneKinds.HeightLimit] = "#8ecae6",
        [ZoneKinds.NoTower] = "#d62828",
        [ZoneKinds.Urban] = "#bbbbbb",
    };

    public static string Render(ApplicationVerdict verdict, IReadOnlyList<Zone> zones, ProvinceRules rules, Func<string, string> label)
    {
        if (verdict.Site is not { } site)
        {
            return string.Empty;
        }

        var radius = rules.MustShareM.For(verdict.Urban ?? false);
        // Far evidence (a planned position kilometres away) would shrink the site to a dot: the frame holds what lies
        // within the search radius of the checks; farther items are named in the sheet's table only.
        var reach = 1.25 * Math.Max(Math.Max(rules.MustShareM.MaxM, rules.MaxSpacingM), radius);
        var points = verdict.Checks
            .SelectMany(c => c.Evidence)
            .Where(e => e.X is { } x && e.Y is { } y && site.Coordinate.Distance(new Coordinate(x, y)) <= reach)
            .GroupBy(e => (e.Kind, e.Id))
            .Select(g => g.First())
            .ToList();
        var env = new Envelope(site.Coordinate);
        env.ExpandBy(radius);
        foreach (var p in points)
        {
            env.ExpandToInclude(p.X!.Value, p.Y!.Value);
        }

        var half = Math.Max(Math.Max(env.Width, env.Height) / 2 * 1.15, 150);
        var (cx, cy) = ((env.MinX + env.MaxX) / 2, (env.MinY + env.MaxY) / 2);
        var frame = new Envelope(cx - half, cx + half, cy - half, cy + half);
        var scale = SizePx / (2 * half);
        double X(double x) => (x - frame.MinX) * scale;
        double Y(double y) => (frame.MaxY - y) * scale;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(SizePx)}\" height=\"{F(SizePx)}\" viewBox=\"0 0 {F(SizePx)} {F(SizePx)}\" role=\"img\" aria-label=\"{Esc(label("map.title"))}\">\n");
        svg.Append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fbfbf8\" stroke=\"#555\"/>\n");
        var frameGeometry = site.Factory.ToGeometry(frame);
        foreach (var zone in zones.Where(z => z.Area.EnvelopeInternal.Intersects(frame)))
        {
            var clipped = zone.Area.Intersection(frameGeometry);
            if (clipped.IsEmpty)
            {
                continue;
            }

            var colour = ZoneColours.GetValueOrDefault(zone.Kind, "#999999");
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{PathData(clipped, X, Y)}\" fill=\"{colour}\" fill-opacity=\"0.35\" stroke=\"{colour}\" fill-rule=\"evenodd\"><title>{Esc($"{zone.Id} {zone.Kind} {zone.Name}")}</title></path>\n");
            var anchor = clipped.InteriorPoint;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(anchor.X))}\" y=\"{F(Y(anchor.Y))}\" font-size=\"11\" fill=\"#333\" text-anchor=\"middle\">{Esc(zone.Id + " · " + zone.Kind)}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(site.X))}\" cy=\"{F(Y(site.Y))}\" r=\"{F(radius * scale)}\" fill=\"none\" stroke=\"#1d3557\" stroke-dasharray=\"6 4\"><title>{Esc(label("map.must_share"))} {F(radius)} m</title></circle>\n");
        foreach (var p in points)
        {
            var (px, py) = (X(p.X!.Value), Y(p.Y!.Value));
            var colour = p.Kind switch
            {
                "planned_tower" => "#2a9d8f",
                "application" => "#7b2cbf",
                _ => p.CanShare == false ? "#c1121f" : "#264653",
            };
            var fill = p.Kind == "planned_tower" ? "none" : colour;
            var size = 7.0;
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M {F(px)} {F(py - size)} l {F(size)} {F(size * 1.6)} l {F(-2 * size)} 0 z\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"1.5\"><title>{Esc(p.Kind + " " + p.Id)}</title></path>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(px + 9)}\" y=\"{F(py + 4)}\" font-size=\"11\" fill=\"{colour}\">{Esc(p.Id)}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(site.X))}\" cy=\"{F(Y(site.Y))}\" r=\"6\" fill=\"#e63946\" stroke=\"#fff\" stroke-width=\"2\"><title>{Esc(label("map.site"))}</title></circle>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(site.X) + 9)}\" y=\"{F(Y(site.Y) - 8)}\" font-size=\"12\" font-weight=\"bold\" fill=\"#e63946\">{Esc(verdict.ApplicationId ?? label("map.site"))}</text>\n");

        // Scale bar: the roundest length under a third of the frame, bottom left.
        var barM = new[] { 10.0, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000 }.Last(m => m <= 2 * half / 3 || m == 10);
        var barPx = barM * scale;
        svg.Append(CultureInfo.InvariantCulture, $"<g font-size=\"11\" fill=\"#222\"><rect x=\"12\" y=\"{F(SizePx - 22)}\" width=\"{F(barPx / 2)}\" height=\"5\" fill=\"#222\"/><rect x=\"{F(12 + (barPx / 2))}\" y=\"{F(SizePx - 22)}\" width=\"{F(barPx / 2)}\" height=\"5\" fill=\"#fff\" stroke=\"#222\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{F(SizePx - 26)}\">0</text><text x=\"{F(12 + barPx)}\" y=\"{F(SizePx - 26)}\" text-anchor=\"middle\">{(barM >= 1000 ? F(barM / 1000) + " km" : F(barM) + " m")}</text></g>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<g><path d=\"M {F(SizePx - 22)} 14 l 7 18 l -7 -5 l -7 5 z\" fill=\"#222\"/><text x=\"{F(SizePx - 22)}\" y=\"46\" font-size=\"11\" text-anchor=\"middle\">N</text></g>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string PathData(Geometry geometry, Func<double, double> x, Func<double, double> y)
    {
        var d = new StringBuilder();
        for (var g = 0; g < geometry.NumGeometries; g++)
        {
            if (geometry.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                var coords = ring.Coordinates;
                for (var i = 0; i < coords.Length; i++)
                {
                    d.Append(i == 0 ? "M " : "L ").Append(F(x(coords[i].X))).Append(' ').Append(F(y(coords[i].Y))).Append(' ');
                }

                d.Append("Z ");
            }
        }

        return d.ToString().TrimEnd();
    }

    private static string F(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
