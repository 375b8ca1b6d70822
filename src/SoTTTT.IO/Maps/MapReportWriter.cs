using System.Net;
using System.Text;
using SoTTTT.Core.Maps;

namespace SoTTTT.IO.Maps;

/// <summary>
/// An HTML report with the static map of every view embedded inline (one self-contained file that opens offline):
/// a heading, the view's description and its SVG map each. Vietnamese by default, English with <c>en</c>.
/// </summary>
public static class MapReportWriter
{
    /// <param name="maps">The views in order with their rendered SVG (<see cref="SvgMapRenderer"/>).</param>
    public static string Html(string datasetName, IReadOnlyList<(MapView View, string Svg)> maps, string lang)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var en = lang == "en";
        var title = en ? "Telecom infrastructure maps" : "Bản đồ hạ tầng viễn thông";
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"").Append(en ? "en" : "vi").Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(E(title)).Append(" — ").Append(E(datasetName)).Append("</title>\n");
        html.Append("<style>body{font-family:system-ui,'DejaVu Sans',Arial,sans-serif;margin:24px;color:#222}h1{color:#1f3a5f}")
            .Append("section{margin:32px 0;page-break-inside:avoid}svg{max-width:100%;height:auto;border:1px solid #ccd}nav a{margin-right:12px}</style>\n");
        html.Append("</head>\n<body>\n<h1>").Append(E(title)).Append("</h1>\n<p>").Append(E(datasetName)).Append("</p>\n<nav>");
        foreach (var (view, _) in maps)
        {
            html.Append("<a href=\"#").Append(view.Name).Append("\">").Append(E(view.Title.Get(lang))).Append("</a>");
        }

        html.Append("</nav>\n");
        foreach (var (view, svg) in maps)
        {
            html.Append("<section id=\"").Append(view.Name).Append("\">\n<h2>").Append(E(view.Title.Get(lang))).Append("</h2>\n");
            if (view.Description is { } d)
            {
                html.Append("<p>").Append(E(d.Get(lang))).Append("</p>\n");
            }

            html.Append(svg).Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
