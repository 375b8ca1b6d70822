using System.Globalization;
using System.Text;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;
using SoTTTT.Core.Crs;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;
using Esri = NetTopologySuite.IO.Esri;

namespace SoTTTT.IO.Shapefile;

/// <summary>
/// Writes feature layers as Esri Shapefiles (NetTopologySuite.IO.Esri.Shapefile): per spatial layer
/// <c>&lt;layer&gt;.shp/.shx/.dbf</c>, a <c>.prj</c> with the layer's CRS as OGC WKT 1 (which GDAL and QGIS recognise; the
/// VN-2000 datum shift as TOWGS84) and a <c>.cpg</c> saying <c>UTF-8</c>; field names cut to 10 characters as
/// <see cref="ShapefileFields"/> lists (also written to <c>shp_fields.csv</c>). With <see cref="DatasetMetadata"/>, also
/// dataset.json and rules.json, so the folder reads back as a dataset. Each layer is written in a scratch folder and its
/// files moved into place when complete. Rows without a geometry are left out of a spatial layer (a Shapefile record
/// needs a shape); attribute tables are skipped.
/// </summary>
public static class ShapefileWriter
{
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<FeatureTable> tables, DatasetMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var mapping = new StringBuilder("layer,field,shp_field\n");
        foreach (var table in tables.Where(t => t.IsSpatial && t.Crs is not null))
        {
            var names = ShapefileFields.ShortNames(table.Fields.Select(f => f.Name));
            for (var i = 0; i < names.Count; i++)
            {
                mapping.Append(CultureInfo.InvariantCulture, $"{table.Name},{table.Fields[i].Name},{names[i]}\n");
            }

            WriteTable(folder, table, names);
            written.Add(Path.Combine(folder, table.Name + ".shp"));
        }

        // Input layers without geometry (subscriber counts) go beside as CSV, so the folder reads back as the dataset.
        foreach (var table in tables.Where(t => !t.IsSpatial && t.Name == Core.Model.Dataset.LayerNames.Subscribers))
        {
            var path = Path.Combine(folder, table.Name + ".csv");
            AtomicFile.WriteAllText(path, Writing.CsvOutput.Write(table));
            written.Add(path);
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "shp_fields.csv"), mapping.ToString());
        if (metadata is not null)
        {
            AtomicFile.WriteAllText(
                Path.Combine(folder, "dataset.json"),
                "{\n" +
                $"  \"name\": {System.Text.Json.JsonSerializer.Serialize(metadata.Name, JsonOptions)},\n" +
                $"  \"analysis_crs\": \"{metadata.AnalysisCrs.Name}\",\n" +
                $"  \"lang\": \"{metadata.Lang}\"" +
                (metadata.Date is { } date ? $",\n  \"date\": \"{date}\"" : string.Empty) + "\n}\n");
            AtomicFile.WriteAllText(Path.Combine(folder, "rules.json"), RulesWriter.ToJson(metadata.Rules));
        }

        return written;
    }

    private static void WriteTable(string folder, FeatureTable table, IReadOnlyList<string> names)
    {
        // Named as AtomicFile names temporary files (with this process's id), so a killed run's folder is swept later.
        var scratch = AtomicFile.TempPath(Path.GetFullPath(Path.Combine(folder, table.Name)));
        Directory.CreateDirectory(scratch);
        try
        {
            var shapeType = table.GeometryType switch
            {
                FeatureGeometryType.Point => ShapeType.Point,
                FeatureGeometryType.LineString or FeatureGeometryType.MultiLineString => ShapeType.PolyLine,
                FeatureGeometryType.Polygon or FeatureGeometryType.MultiPolygon => ShapeType.Polygon,
                _ => ShapeTypeOf(table),
            };
            var options = new ShapefileWriterOptions(shapeType) { Encoding = Encoding.UTF8 };
            for (var i = 0; i < table.Fields.Count; i++)
            {
                switch (table.Fields[i].Type)
                {
                    case FieldType.Integer:
                        options.AddNumericInt64Field(names[i]);
                        break;
                    case FieldType.Real:
                        options.AddNumericDoubleField(names[i]);
                        break;
                    case FieldType.Boolean:
                        options.AddLogicalField(names[i]);
                        break;
                    default:
                        // dBASE counts bytes: Vietnamese letters take up to 3 in UTF-8.
                        var index = i;
                        options.AddCharacterField(names[i], Math.Clamp(table.Rows.Select(r => Encoding.UTF8.GetByteCount(r.Values[index] as string ?? string.Empty)).DefaultIfEmpty(0).Max(), 1, 254));
                        break;
                }
            }

            using (var writer = Esri.Shapefile.OpenWrite(Path.Combine(scratch, table.Name), options))
            {
                foreach (var row in table.Rows.Where(r => r.Geometry is { IsEmpty: false }))
                {
                    writer.Geometry = row.Geometry;
                    for (var i = 0; i < table.Fields.Count; i++)
                    {
                        writer.Fields[names[i]].Value = row.Values[i] switch
                        {
                            long l => l,
                            int n => (long)n,
                            _ => row.Values[i],
                        };
                    }

                    writer.Write();
                }
            }

            // The .prj without a byte-order mark, as Esri tools write it.
            File.WriteAllText(Path.Combine(scratch, table.Name + ".prj"), CrsWkt.Wkt(table.Crs!), new UTF8Encoding(false));
            Writing.WriteGate.ThrowIfClosed();
            foreach (var file in Directory.GetFiles(scratch))
            {
                File.Move(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static ShapeType ShapeTypeOf(FeatureTable table) => table.Rows.Select(r => r.Geometry).FirstOrDefault(g => g is { IsEmpty: false }) switch
    {
        NetTopologySuite.Geometries.Point => ShapeType.Point,
        NetTopologySuite.Geometries.ILineal => ShapeType.PolyLine,
        NetTopologySuite.Geometries.MultiPoint => ShapeType.MultiPoint,
        _ => ShapeType.Polygon,
    };
}
