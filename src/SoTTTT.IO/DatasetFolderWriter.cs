using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO;

/// <summary>
/// Writes a <see cref="Dataset"/> as a dataset folder (PRODUCT.md): <c>dataset.json</c> and one CSV per layer in
/// <see cref="Dataset.Layers"/>. Output is byte-for-byte deterministic: UTF-8 without BOM, <c>\n</c> line endings,
/// invariant culture, rows in the order of the dataset's lists, fixed decimals (metres, heights and km² with 2,
/// degrees with 7; MHz, dBm and angles with 1), WKT rounded to the same precision. Every file is written to a
/// temporary file in the same folder and then moved over the target, so readers never see half a file.
/// </summary>
public static class DatasetFolderWriter
{
    /// <summary>Column headers of each layer file, in order; position columns are <c>x,y</c> or <c>lon,lat</c>.</summary>
    public static class Headers
    {
        public const string AdminUnits = "code,name,level,parent_code,area_km2,population,urban,wkt";
        public const string Settlements = "id,name,commune_code,population";
        public const string Towers = "id,owner,type,height_m,status,max_tenants";
        public const string Bts = "id,operator,tech,tower_id,band_mhz,antenna_height_m,eirp_dbm,azimuth_deg,beamwidth_deg,tilt_deg,status,bandwidth_mhz";
        public const string FibreRoutes = "id,operator,placement,cores,wkt";

        /// <summary>The fibre_routes.csv header when the dataset holds copper routes too (<c>medium</c> before <c>wkt</c>).</summary>
        public const string CableRoutes = "id,operator,placement,cores,medium,wkt";
        public const string PostalPoints = "id,name,kind,operator,admin_code";
        public const string Zones = "id,kind,name,max_height_m,wkt";
        public const string PublicSites = "id,kind,level,name,commune_code";
        public const string Nodes = "id,kind,operator,name";
        public const string Subscribers = "unit_code,operator,service,count,date";
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="dataset"/> into <paramref name="folder"/> (created if missing), converting x/y and WKT
    /// columns to <see cref="DatasetFileLayout.Crs"/> and the points of <see cref="DatasetFileLayout.LonLatLayers"/>
    /// to WGS84 lon/lat. Existing files of the same names are replaced; other files are left alone.
    /// </summary>
    public static void Write(Dataset dataset, string folder, DatasetFileLayout layout) => Write(dataset, folder, layout, writeSettings: true);

    /// <summary>
    /// Writes one layer's CSV file into an existing dataset folder, leaving dataset.json and the other files alone
    /// (<c>sotttt import</c>).
    /// </summary>
    public static void WriteLayer(Dataset dataset, string folder, DatasetFileLayout layout, string layer)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Write(dataset with { Layers = new HashSet<string>([layer], StringComparer.Ordinal) }, folder, layout, writeSettings: false);
    }

    /// <summary>Writes rules.json with the rules the loader reads (tower classes, fibre reach).</summary>
    public static void WriteRules(Dataset dataset, string folder)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        AtomicFile.WriteAllText(Path.Combine(folder, "rules.json"), RulesWriter.ToJson(dataset.Rules));
    }

    private static void Write(Dataset dataset, string folder, DatasetFileLayout layout, bool writeSettings)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(layout);
        Directory.CreateDirectory(folder);
        var output = new OutputFrame(dataset.Crs, layout);

        if (writeSettings)
        {
            WriteAtomically(Path.Combine(folder, "dataset.json"), writer => WriteDatasetJson(writer, dataset, layout));
            if (dataset.Dem is { } dem && dataset.DemSource is { } demFile)
            {
                WriteDem(dem, Path.Combine(folder, demFile));
            }
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.AdminUnits))
        {
            WriteCsv(folder, Dataset.LayerNames.AdminUnits, Headers.AdminUnits, dataset.AdminUnits, u =>
            [
                u.Code, u.Name, Codes.Key(u.Level), u.ParentCode ?? string.Empty, Fixed(u.AreaKm2, "F2"),
                u.Population?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Bool(u.Urban), output.Wkt(u.Boundary),
            ]);
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.Settlements))
        {
            var pos = output.PositionFor(Dataset.LayerNames.Settlements);
            WriteCsv(folder, Dataset.LayerNames.Settlements, Headers.Settlements + "," + pos.Header, dataset.Settlements, s =>
            [
                s.Id, s.Name ?? string.Empty, s.CommuneCode ?? string.Empty,
                s.Population?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, .. pos.Format(s.Location),
            ]);
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.Towers))
        {
            var pos = output.PositionFor(Dataset.LayerNames.Towers);
            WriteCsv(folder, Dataset.LayerNames.Towers, Headers.Towers + "," + pos.Header, dataset.Towers, t =>
            [
                t.Id, t.Owner ?? string.Empty, t.Type ?? string.Empty, Fixed(t.HeightM, "F2"), Codes.Key(t.Status),
                t.MaxTenants?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, .. pos.Format(t.Location),
            ]);
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.Bts))
        {
            var pos = output.PositionFor(Dataset.LayerNames.Bts);
            WriteCsv(folder, Dataset.LayerNames.Bts, Headers.Bts + "," + pos.Header, dataset.Bts, b =>
            [
                b.Id, b.Operator, Codes.Label(b.Tech), b.TowerId ?? string.Empty, Fixed(b.BandMHz, "F1"),
                Fixed(b.AntennaHeightM, "F2"), Fixed(b.EirpDbm, "F1"), Fixed(b.AzimuthDeg, "F1"), Fixed(b.BeamwidthDeg, "F1"),
                Fixed(b.TiltDeg, "F1"), b.Status ?? string.Empty, Fixed(b.BandwidthMHz, "0.###"), .. pos.Format(b.Location),
            ]);
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.FibreRoutes))
        {
            // A fibre-only dataset keeps the header it always had; medium appears once copper routes do.
            var copper = dataset.CopperRoutes.Count > 0;
            WriteCsv(folder, Dataset.LayerNames.FibreRoutes, copper ? Headers.CableRoutes : Headers.FibreRoutes, [.. dataset.FibreRoutes, .. dataset.CopperRoutes], f =>
            [
                f.Id, f.Operator ?? string.Empty, f.Placement is { } p ? Codes.Key(p) : string.Empty,
                f.Cores?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, .. copper ? new[] { Codes.Key(f.Medium) } : [], output.Wkt(f.Path),
            ]);
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.PostalPoints))
        {
            var pos = output.PositionFor(Dataset.LayerNames.PostalPoints);
            WriteCsv(folder, Dataset.LayerNames.PostalPoints, Headers.PostalPoints + "," + pos.Header, dataset.PostalPoints, p =>
            [
                p.Id, p.Name ?? string.Empty, p.Kind is { } k ? Codes.Key(k) : string.Empty, p.Operator ?? string.Empty,
                p.AdminCode ?? string.Empty, .. pos.Format(p.Location),
            ]);
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.Zones))
        {
            WriteCsv(folder, Dataset.LayerNames.Zones, Headers.Zones, dataset.Zones, z =>
            [
                z.Id, z.Kind, z.Name ?? string.Empty, MaxHeight(z), output.Wkt(z.Area),
            ]);
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.PublicSites))
        {
            var pos = output.PositionFor(Dataset.LayerNames.PublicSites);
            WriteCsv(folder, Dataset.LayerNames.PublicSites, Headers.PublicSites + "," + pos.Header, dataset.PublicSites, p =>
            [
                p.Id, Codes.Key(p.Kind), p.Level is { } l ? Codes.Key(l) : string.Empty, p.Name ?? string.Empty,
                p.CommuneCode ?? string.Empty, .. pos.Format(p.Location),
            ]);
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.Nodes))
        {
            var pos = output.PositionFor(Dataset.LayerNames.Nodes);
            WriteCsv(folder, Dataset.LayerNames.Nodes, Headers.Nodes + "," + pos.Header, dataset.Nodes, n =>
            [
                n.Id, Codes.Key(n.Kind), n.Operator ?? string.Empty, n.Name ?? string.Empty, .. pos.Format(n.Location),
            ]);
        }

        if (dataset.Layers.Contains(Dataset.LayerNames.Subscribers))
        {
            WriteCsv(folder, Dataset.LayerNames.Subscribers, Headers.Subscribers, dataset.Subscribers, s =>
            [
                s.UnitCode, s.Operator ?? string.Empty, Codes.Key(s.Service), s.Count.ToString(CultureInfo.InvariantCulture), s.Date ?? string.Empty,
            ]);
        }
    }

    private static void WriteDatasetJson(TextWriter writer, Dataset dataset, DatasetFileLayout layout)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("name", dataset.Name);
            json.WriteString("crs", layout.Crs.Name);
            json.WriteString("lang", "vi");
            if (dataset.Dem is not null && dataset.DemSource is { } dem)
            {
                json.WriteString("dem", dem.Replace('\\', '/'));
            }

            if (dataset.Date is { } date)
            {
                json.WriteString("date", date);
            }

            json.WriteEndObject();
        }

        writer.Write(Utf8NoBom.GetString(buffer.ToArray()));
        writer.Write('\n');
    }

    /// <summary>
    /// The DEM as a GeoTIFF (Deflate) in its own CRS: Int16 when every elevation is a whole number in range (no data
    /// −32768), so a DEM read from an Int16 file is written back with the same values, else Float32.
    /// </summary>
    private static void WriteDem(Core.Terrain.ElevationGrid dem, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var values = dem.Values;
        var whole = new short[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var z = values[i];
            if (float.IsNaN(z))
            {
                whole[i] = short.MinValue;
            }
            else if (z == MathF.Round(z) && z > short.MinValue && z <= short.MaxValue)
            {
                whole[i] = (short)z;
            }
            else
            {
                Terrain.GeoTiffWriter.Write(path, dem);
                return;
            }
        }

        Terrain.GeoTiffWriter.WriteInt16(path, dem.Geometry, whole, new Terrain.GeoTiffWriteOptions { NoData = dem.NoDataCells > 0 ? short.MinValue : null });
    }

    private static void WriteCsv<T>(string folder, string layer, string header, IReadOnlyList<T> rows, Func<T, string[]> fields)
    {
        WriteAtomically(Path.Combine(folder, layer + ".csv"), writer =>
        {
            using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
            foreach (var column in header.Split(','))
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in fields(row))
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }

            csv.Flush();
        });
    }

    /// <summary>Writes text atomically (<see cref="AtomicFile"/>), UTF-8 without BOM, <c>\n</c> line ends.</summary>
    private static void WriteAtomically(string path, Action<TextWriter> write) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });

    private static string Fixed(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : string.Empty;

    private static string Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => string.Empty,
    };

    private static string MaxHeight(Zone zone)
    {
        if (!zone.Parameters.TryGetValue("max_height_m", out var text))
        {
            return string.Empty;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres)
            ? metres.ToString("F2", CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>Converts geometries of the dataset CRS to the output CRS and formats them.</summary>
    private sealed class OutputFrame
    {
        private readonly DatasetFileLayout layout;
        private readonly CoordinateTransformer? toOutput;
        private readonly WKTWriter wktWriter;
        private readonly Position xy;
        private readonly Lazy<Position> lonLat;

        public OutputFrame(CrsDefinition datasetCrs, DatasetFileLayout layout)
        {
            this.layout = layout;
            toOutput = datasetCrs == layout.Crs ? null : CoordinateTransformer.Create(datasetCrs, layout.Crs);
            wktWriter = new WKTWriter { PrecisionModel = new PrecisionModel(layout.Crs.IsGeographic ? 1e7 : 100) };
            xy = new Position(layout.Crs.IsGeographic ? "lon,lat" : "x,y", layout.Crs.IsGeographic ? "F7" : "F2", toOutput);
            lonLat = new Lazy<Position>(() =>
            {
                var wgs84 = CrsRegistry.Wgs84;
                var transformer = datasetCrs == wgs84 ? null : CoordinateTransformer.Create(datasetCrs, wgs84);
                return new Position("lon,lat", "F7", transformer);
            });
        }

        public Position PositionFor(string layer) => layout.LonLatLayers.Contains(layer) ? lonLat.Value : xy;

        public string Wkt(Geometry? geometry)
        {
            if (geometry is null)
            {
                return string.Empty;
            }

            // The writer formats with at most one decimal more than the precision model's, without rounding, so the
            // coordinates are rounded first.
            var copy = geometry.Copy();
            copy.Apply(new CoordinateTransformFilter(toOutput, layout.Crs.IsGeographic ? 7 : 2));
            return wktWriter.Write(copy);
        }
    }

    /// <summary>How one layer's point column pair is named, converted and formatted.</summary>
    private sealed class Position(string header, string format, CoordinateTransformer? transformer)
    {
        public string Header { get; } = header;

        public string[] Format(Point point)
        {
            var (x, y) = transformer is null ? (point.X, point.Y) : transformer.Transform(point.X, point.Y);
            return [x.ToString(format, CultureInfo.InvariantCulture), y.ToString(format, CultureInfo.InvariantCulture)];
        }
    }
}
