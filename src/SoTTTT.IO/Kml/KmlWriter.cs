using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.Kml;

/// <summary>
/// Writes layers for Google Earth as KML 2.2 (OGC 07-147r2), or KMZ (the KML zipped as <c>doc.kml</c>) when the path
/// ends in <c>.kmz</c>: one folder per layer titled in Vietnamese, sub-folders per operator (or owner, or zone kind)
/// where the layer has one, each placemark named by its name or id with a Vietnamese table of its attributes, styled
/// by layer kind and operator (<see cref="KmlStyles"/>). Coordinates are WGS84 lon/lat with 7 decimals (~1 cm).
/// Attribute tables (no geometry) are skipped.
/// </summary>
public static class KmlWriter
{
    public static void Write(string path, string documentName, IReadOnlyList<FeatureTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var kmz = path.EndsWith(".kmz", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, stream =>
        {
            if (!kmz)
            {
                WriteKml(stream, documentName, tables);
                return;
            }

            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            using var entry = zip.CreateEntry("doc.kml", CompressionLevel.Optimal).Open();
            WriteKml(entry, documentName, tables);
        });
    }

    private static void WriteKml(Stream stream, string documentName, IReadOnlyList<FeatureTable> tables)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("kml", "http://www.opengis.net/kml/2.2");
        xml.WriteStartElement("Document");
        xml.WriteElementString("name", documentName);
        var spatial = tables.Where(t => t.IsSpatial && t.Crs is not null).ToList();
        foreach (var table in spatial)
        {
            WriteStyles(xml, table);
        }

        foreach (var table in spatial)
        {
            WriteFolder(xml, table);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteStyles(XmlWriter xml, FeatureTable table)
    {
        var colourField = KmlStyles.ColourField(table.Name) is { } f ? table.IndexOf(f) : -1;
        var keys = colourField < 0 ? [null] : table.Rows.Select(r => r.Values[colourField] as string).Distinct().ToList();
        foreach (var key in keys)
        {
            var colour = KmlStyles.Colour(key);
            xml.WriteStartElement("Style");
            xml.WriteAttributeString("id", StyleId(table.Name, key));
            xml.WriteStartElement("IconStyle");
            xml.WriteElementString("color", colour);
            xml.WriteElementString("scale", KmlStyles.IconScale(table.Name).ToString(CultureInfo.InvariantCulture));
            xml.WriteStartElement("Icon");
            xml.WriteElementString("href", KmlStyles.Icon(table.Name));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("LabelStyle");
            xml.WriteElementString("scale", "0.7");
            xml.WriteEndElement();
            xml.WriteStartElement("LineStyle");
            xml.WriteElementString("color", colour);
            xml.WriteElementString("width", table.Name == "fibre_routes" ? "2" : "1.5");
            xml.WriteEndElement();
            xml.WriteStartElement("PolyStyle");
            xml.WriteElementString("color", "33" + colour[2..]);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
    }

    private static void WriteFolder(XmlWriter xml, FeatureTable table)
    {
        var toWgs84 = CoordinateTransformer.Create(table.Crs!, CrsRegistry.Wgs84);
        var wgs84 = GeometryFactories.For(CrsRegistry.Wgs84);
        var colourField = KmlStyles.ColourField(table.Name) is { } f ? table.IndexOf(f) : -1;
        xml.WriteStartElement("Folder");
        xml.WriteElementString("name", $"{table.Title} ({table.Rows.Count})");
        var groups = colourField < 0
            ? [new { Key = (string?)null, Rows = table.Rows.ToList() }]
            : table.Rows.GroupBy(r => r.Values[colourField] as string).OrderBy(g => g.Key ?? "~", StringComparer.Ordinal).Select(g => new { g.Key, Rows = g.ToList() }).ToList();
        foreach (var group in groups)
        {
            if (colourField >= 0)
            {
                xml.WriteStartElement("Folder");
                xml.WriteElementString("name", $"{group.Key ?? "(không rõ)"} ({group.Rows.Count})");
            }

            foreach (var row in group.Rows)
            {
                if (row.Geometry is not { IsEmpty: false } geometry)
                {
                    continue;
                }

                xml.WriteStartElement("Placemark");
                xml.WriteElementString("name", PlacemarkName(table, row));
                xml.WriteStartElement("description");
                xml.WriteCData(Description(table, row));
                xml.WriteEndElement();
                xml.WriteElementString("styleUrl", "#" + StyleId(table.Name, colourField < 0 ? null : group.Key));
                WriteGeometry(xml, GeometryReprojector.Reproject(geometry, toWgs84, wgs84));
                xml.WriteEndElement();
            }

            if (colourField >= 0)
            {
                xml.WriteEndElement();
            }
        }

        xml.WriteEndElement();
    }

    private static string PlacemarkName(FeatureTable table, FeatureRow row)
    {
        foreach (var field in new[] { "name", "id", "code" })
        {
            var i = table.IndexOf(field);
            if (i >= 0 && row.Values[i] is string s && s.Length > 0)
            {
                return s;
            }
        }

        return string.Empty;
    }

    private static string Description(FeatureTable table, FeatureRow row)
    {
        var sb = new StringBuilder("<table>");
        for (var i = 0; i < table.Fields.Count; i++)
        {
            if (row.Values[i] is { } value)
            {
                var text = value is bool b ? (b ? "có" : "không") : DatasetLayers.CellText(value);
                sb.Append("<tr><th align=\"left\">").Append(System.Net.WebUtility.HtmlEncode(table.Fields[i].Title))
                    .Append("</th><td>").Append(System.Net.WebUtility.HtmlEncode(text)).Append("</td></tr>");
            }
        }

        return sb.Append("</table>").ToString();
    }

    private static void WriteGeometry(XmlWriter xml, Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                xml.WriteStartElement("Point");
                xml.WriteElementString("coordinates", Coordinates(p.CoordinateSequence));
                xml.WriteEndElement();
                break;
            case LineString l:
                xml.WriteStartElement("LineString");
                xml.WriteElementString("tessellate", "1");
                xml.WriteElementString("coordinates", Coordinates(l.CoordinateSequence));
                xml.WriteEndElement();
                break;
            case Polygon polygon:
                xml.WriteStartElement("Polygon");
                xml.WriteElementString("tessellate", "1");
                Ring(xml, "outerBoundaryIs", polygon.Shell);
                foreach (var hole in polygon.Holes)
                {
                    Ring(xml, "innerBoundaryIs", hole);
                }

                xml.WriteEndElement();
                break;
            case GeometryCollection collection:
                xml.WriteStartElement("MultiGeometry");
                foreach (var part in collection.Geometries)
                {
                    WriteGeometry(xml, part);
                }

                xml.WriteEndElement();
                break;
        }
    }

    private static void Ring(XmlWriter xml, string element, LineString ring)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("LinearRing");
        xml.WriteElementString("coordinates", Coordinates(ring.CoordinateSequence));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Coordinates(CoordinateSequence seq)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < seq.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(seq.GetX(i).ToString("F7", CultureInfo.InvariantCulture)).Append(',').Append(seq.GetY(i).ToString("F7", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string StyleId(string layer, string? key) =>
        key is null ? layer : $"{layer}-{Core.Model.Codes.Fold(key)}";
}
