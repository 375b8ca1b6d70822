using System.Globalization;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.GeoPackage;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

[TestFixture]
public sealed class GeoPackageWriterTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "sotttt-gpkg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Write_SmallProvince_SetsGeoPackagePragmasAndCoreTables()
    {
        var path = WriteSmallProvince(out _);

        using var c = Open(path);
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(c, "PRAGMA application_id"), Is.EqualTo(0x47504B47L), "application_id 'GPKG'");
            Assert.That(Scalar(c, "PRAGMA user_version"), Is.EqualTo(10300L), "GeoPackage 1.3.0");
            Assert.That(Scalar(c, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)"), Is.EqualTo(3L));
            Assert.That(Scalar(c, "SELECT organization || ':' || organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = 9209"), Is.EqualTo("EPSG:9209"));
            Assert.That((string)Scalar(c, "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 9209")!, Does.Contain("PARAMETER[\"central_meridian\",105.5]").And.Contain("TOWGS84[-191.90441429,"));
            Assert.That(Scalar(c, "SELECT data_type FROM gpkg_contents WHERE table_name = 'bts'"), Is.EqualTo("features"));
            Assert.That(Scalar(c, "SELECT data_type FROM gpkg_contents WHERE table_name = 'indicators_commune'"), Is.EqualTo("attributes"));
            Assert.That(Scalar(c, "SELECT geometry_type_name || ' ' || srs_id FROM gpkg_geometry_columns WHERE table_name = 'fibre_routes'"), Is.EqualTo("LINESTRING 9209"));
            Assert.That(Scalar(c, "SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'"), Is.EqualTo(14L), "one R-tree per feature table: 6 input layers, 4 sharing and 4 coverage result layers");
            Assert.That(Scalar(c, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_bts_geom_%'"), Is.EqualTo(6L));
        });
    }

    // OGC 12-128r18 §2.1.3: "GP", version 0, flags (bit 0 byte order, bits 1–3 envelope contents, bit 4 empty), srs_id,
    // the envelope, then the geometry as standard WKB. Read here byte by byte, the WKB with NTS's plain WKB reader.
    [TestCase("towers", "T1", "POINT (581500 2317500)")]
    [TestCase("fibre_routes", "F1", "LINESTRING (580000 2317000, 582000 2317000)")]
    public void Write_Geometry_IsGeoPackageBinaryWithTheColumnSrsId(string table, string id, string wkt)
    {
        var path = WriteSmallProvince(out _);

        using var c = Open(path);
        var blob = (byte[])Scalar(c, $"SELECT geom FROM {table} WHERE id = '{id}'")!;
        var littleEndian = (blob[3] & 1) == 1;
        var envelopeDoubles = ((blob[3] >> 1) & 7) switch { 0 => 0, 1 => 4, 2 or 3 => 6, 4 => 8, _ => -1 };
        var srsId = littleEndian ? BitConverter.ToInt32(blob, 4) : System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4));
        var geometry = new NetTopologySuite.IO.WKBReader().Read(blob[(8 + (8 * envelopeDoubles))..]);
        Assert.Multiple(() =>
        {
            Assert.That(blob[..3], Is.EqualTo(new byte[] { (byte)'G', (byte)'P', 0 }), "magic and version 0");
            Assert.That(envelopeDoubles, Is.Not.Negative, "a valid envelope indicator");
            Assert.That(blob[3] & 0b0011_0000, Is.Zero, "standard, non-empty geometry");
            Assert.That(srsId, Is.EqualTo(Scalar(c, $"SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = '{table}'")));
            Assert.That(geometry.EqualsExact(new NetTopologySuite.IO.WKTReader().Read(wkt)), Is.True, geometry.AsText());
        });
    }

    [Test]
    public void Write_SmallProvince_FillsRtreeWithEachFeatureEnvelope()
    {
        var path = WriteSmallProvince(out _);

        using var c = Open(path);
        // F1 runs along y = 2317000 from x = 580000 to 582000 (SmallProvince); R-tree stores 32-bit floats, rounded outwards.
        var fid = Scalar(c, "SELECT fid FROM fibre_routes WHERE id = 'F1'");
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT minx, maxx, miny, maxy FROM rtree_fibre_routes_geom WHERE id = {fid}";
        using var reader = cmd.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(reader.GetDouble(0), Is.EqualTo(580000).Within(0.1));
            Assert.That(reader.GetDouble(1), Is.EqualTo(582000).Within(0.1));
            Assert.That(reader.GetDouble(2), Is.EqualTo(2317000).Within(0.5));
            Assert.That(reader.GetDouble(3), Is.EqualTo(2317000).Within(0.5));
            Assert.That(Scalar(c, "SELECT count(*) FROM rtree_bts_geom"), Is.EqualTo(5L));
        });
    }

    [Test]
    public void Load_WrittenFile_GivesTheSameIndicatorsAsTheFolder()
    {
        using var province = SmallProvince.Create();
        var path = WriteSmallProvince(out var original);

        var loaded = DatasetSource.Load(path);

        Assert.That(loaded.Problems, Is.Empty);
        foreach (var level in new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune })
        {
            Assert.That(
                IndicatorTableWriter.ToCsv(IndicatorsAnalysis.Run(loaded.Dataset!, level)),
                Is.EqualTo(IndicatorTableWriter.ToCsv(IndicatorsAnalysis.Run(original, level))),
                $"{level} indicators");
        }

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Dataset!.Name, Is.EqualTo("Tỉnh Thử"));
            Assert.That(loaded.Dataset.Crs.Name, Is.EqualTo("VN2000:105.5"));
            Assert.That(loaded.Dataset.Bts.Select(b => (b.Id, b.Location.X, b.Location.Y)), Is.EqualTo(original.Bts.Select(b => (b.Id, b.Location.X, b.Location.Y))));
        });
    }

    [Test]
    public void Load_GeoPackageWithBadRows_ReportsLayerAndFeature()
    {
        var path = Path.Combine(folder, "bad.gpkg");
        using (var province = SmallProvince.Create())
        {
            var dataset = DatasetLoader.Load(province.Folder).Dataset!;
            GeoPackageWriter.Write(path, DatasetLayers.All(dataset), DatasetMetadata.Of(dataset));
        }

        using (var c = Open(path, write: true))
        {
            // The R-tree triggers of the spec call ST_* functions, which GDAL provides and plain SQLite does not.
            RegisterGeoPackageFunctions(c);
            Execute(c, "UPDATE bts SET operator = 'Unknown Telecom' WHERE id = 'B2'");
        }

        var loaded = DatasetSource.Load(path);

        Assert.That(loaded.Problems.Select(p => (p.Code, p.File, p.Row, p.Column, p.FeatureId)), Is.EqualTo(new[]
        {
            ("UNKNOWN_OPERATOR", "bad.gpkg, layer 'bts'", (int?)2, "operator", "B2"),
        }));
    }

    // Independent check: GDAL's GeoPackage driver (ogrinfo) must list every layer with its feature count and CRS.
    [Test]
    public void Write_SmallProvince_OgrinfoListsEveryLayerWithCountAndCrs()
    {
        var ogrinfo = ExternalTools.Ogrinfo();
        var path = WriteSmallProvince(out var dataset);

        var summary = ExternalTools.Run(ogrinfo, "-ro", "-so", "-al", path);

        var layers = OgrLayers(summary);
        var expected = new Dictionary<string, (int Count, string? Epsg)>
        {
            ["admin_units"] = (dataset.AdminUnits.Count, "9209"),
            ["settlements"] = (3, "9209"),
            ["towers"] = (1, "9209"),
            ["bts"] = (5, "9209"),
            ["fibre_routes"] = (2, "9209"),
            ["postal_points"] = (2, "9209"),
            ["indicators_province"] = (1, null),
            ["indicators_district"] = (1, null),
            ["indicators_commune"] = (2, null),
            ["sotttt_dataset"] = (5, null),

            // Result layers of the sharing analysis: T1 (B1, B2 and B3 within 20 m) and the inferred position of B4 + B5.
            ["tower_positions"] = (2, "9209"),
            ["missed_sharing"] = (0, "9209"),
            ["spacing_violations"] = (0, "9209"),
            ["shared_ducts"] = (0, "9209"),

            // Coverage results (as in ExportCommandTests' KML folders): 2 + 2 + 4 areas, 3 villages × 3 technologies, one
            // 3G gap without people in C2's far corner.
            ["coverage_area"] = (8, "9209"),
            ["settlements_coverage"] = (9, "9209"),
            ["coverage_gaps"] = (1, "9209"),
            ["settlements_uncovered"] = (0, "9209"),
        };
        Assert.That(layers, Is.EquivalentTo(expected), summary);
    }

    // A TM-3 zone without an EPSG code (central meridian 105°15') is written with SoTTTT's own srs_id and its WKT,
    // which GDAL must read as a transverse Mercator on 105.25°.
    [Test]
    public void Write_ZoneWithoutEpsgCode_OgrinfoReadsItsWkt()
    {
        var ogrinfo = ExternalTools.Ogrinfo();
        using var ds = new TempDataset("Vùng không mã", "VN2000:105.25");
        ds.File("towers.csv", "id,x,y\nT1,510000,2300000\n");
        var dataset = DatasetLoader.Load(ds.Folder).Dataset!;
        var path = Path.Combine(folder, "custom.gpkg");
        GeoPackageWriter.Write(path, DatasetLayers.All(dataset), DatasetMetadata.Of(dataset));

        var summary = ExternalTools.Run(ogrinfo, "-ro", "-so", path, "towers");

        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Contain("Feature Count: 1"));
            Assert.That(summary, Does.Contain("Transverse Mercator").Or.Contain("Transverse_Mercator"));
            Assert.That(summary, Does.Match(@"Longitude of natural origin"",105\.25"));
            Assert.That(DatasetSource.Load(path).Dataset!.Towers[0].Location.X, Is.EqualTo(510000).Within(1e-6));
        });
    }

    private static Dictionary<string, (int Count, string? Epsg)> OgrLayers(string summary)
    {
        var layers = new Dictionary<string, (int, string?)>();
        foreach (var block in summary.Split("Layer name: ").Skip(1))
        {
            var name = block[..block.IndexOf('\n', StringComparison.Ordinal)].Trim();
            var count = int.Parse(System.Text.RegularExpressions.Regex.Match(block, @"Feature Count: (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            var epsg = System.Text.RegularExpressions.Regex.Matches(block, @"ID\[""EPSG"",(\d+)\]\]\s*$", System.Text.RegularExpressions.RegexOptions.Multiline) is { Count: > 0 } m ? m[^1].Groups[1].Value : null;
            layers[name] = (count, epsg);
        }

        return layers;
    }

    private string WriteSmallProvince(out Dataset dataset)
    {
        using var province = SmallProvince.Create();
        dataset = DatasetLoader.Load(province.Folder).Dataset!;
        var path = Path.Combine(folder, "small.gpkg");
        GeoPackageWriter.Write(path, LayerCatalog.Default.Build(dataset, null, out _), DatasetMetadata.Of(dataset));
        return path;
    }

    private static void RegisterGeoPackageFunctions(SqliteConnection c)
    {
        var blobs = new NetTopologySuite.IO.GeoPackageGeoReader();
        c.CreateFunction("ST_IsEmpty", (byte[]? g) => g is null || blobs.Read(g).IsEmpty);
        c.CreateFunction("ST_MinX", (byte[] g) => blobs.Read(g).EnvelopeInternal.MinX);
        c.CreateFunction("ST_MaxX", (byte[] g) => blobs.Read(g).EnvelopeInternal.MaxX);
        c.CreateFunction("ST_MinY", (byte[] g) => blobs.Read(g).EnvelopeInternal.MinY);
        c.CreateFunction("ST_MaxY", (byte[] g) => blobs.Read(g).EnvelopeInternal.MaxY);
    }

    private static SqliteConnection Open(string path, bool write = false)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = write ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly }.ToString());
        c.Open();
        return c;
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
