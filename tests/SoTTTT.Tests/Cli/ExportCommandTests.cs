using System.IO.Compression;
using System.Xml.Linq;
using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.IO;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;
using SoTTTT.Tests.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

[TestFixture]
public sealed class ExportCommandTests
{
    private static readonly XNamespace Kml = "http://www.opengis.net/kml/2.2";

    [Test]
    public void Export_Kml_FoldersPerLayerAndOperatorInWgs84()
    {
        using var ds = SmallProvince.Create();
        var path = Path.Combine(ds.Folder, "out", "small.kml");

        var (exit, _, error) = CliRunner.Run("export", ds.Folder, "--to", "kml", "--out", path);

        Assert.That(exit, Is.Zero, error);
        var doc = XDocument.Load(path);
        var layerFolders = doc.Root!.Element(Kml + "Document")!.Elements(Kml + "Folder").Select(f => f.Element(Kml + "name")!.Value).ToList();
        var btsOperators = doc.Descendants(Kml + "Folder").Single(f => f.Element(Kml + "name")!.Value.StartsWith("Trạm BTS", StringComparison.Ordinal))
            .Elements(Kml + "Folder").Select(f => f.Element(Kml + "name")!.Value).ToList();
        var towersFolder = doc.Descendants(Kml + "Folder").Single(f => f.Element(Kml + "name")!.Value.StartsWith("Cột ăng ten (", StringComparison.Ordinal));
        var t1 = towersFolder.Descendants(Kml + "Placemark").Single(p => p.Element(Kml + "name")!.Value == "T1");
        var (lon, lat) = CoordinateTransformer.Create(CrsRegistry.Parse("VN2000:105.5"), CrsRegistry.Wgs84).Transform(581500, 2317500);
        Assert.Multiple(() =>
        {
            Assert.That(layerFolders, Is.EqualTo(new[]
            {
                "Đơn vị hành chính (4)", "Thôn, bản, khu dân cư (3)", "Cột ăng ten (1)", "Trạm BTS (5)", "Tuyến cáp quang (2)", "Điểm phục vụ bưu chính (2)",

                // Sharing results: T1 carries B1, B2 and B3 (5 m away, within the 20 m co-location distance); B4 and B5
                // (10 m apart) make an inferred position. Both are shared, so no pair, and one tower has no spacing.
                "Vị trí cột ăng ten và mức dùng chung (2)", "Cặp vị trí phải dùng chung nhưng chưa dùng chung (0)",
                "Cặp cột ăng ten gần nhau hơn khoảng cách tối thiểu (0)", "Đoạn tuyến cáp có thể dùng chung cống bể (0)",

                // Coverage results: one area per technology for any operator and for each operator with BTS of it
                // (2G Viettel, 3G MobiFone, 4G VNPT/Vietnamobile/Viettel: 2 + 2 + 4), each settlement per technology
                // (3 × 3); the three villages lie inside every default range, but the far corner of C2 lies beyond the
                // 2.08 km of MobiFone's 3G site (CPICH at −10 dB, rural budget): one 3G gap of 1.12 km² without people.
                "Vùng phủ sóng theo công nghệ (8)", "Thôn/bản theo vùng phủ sóng (9)", "Vùng lõm sóng (1)", "Thôn/bản chưa được phủ sóng (0)",
            }));
            Assert.That(btsOperators, Is.EqualTo(new[] { "MobiFone (1)", "VNPT (1)", "Vietnamobile (1)", "Viettel (2)" }));
            Assert.That(t1.Element(Kml + "styleUrl")!.Value, Is.EqualTo("#towers-viettel"));
            Assert.That(t1.Descendants(Kml + "coordinates").Single().Value, Is.EqualTo($"{lon:F7},{lat:F7}"));
            Assert.That(t1.Element(Kml + "description")!.Value, Does.Contain("<th align=\"left\">Chiều cao (m)</th><td>42</td>"));
        });
    }

    [Test]
    public void Export_KmzExtension_ZipsDocKml()
    {
        using var ds = SmallProvince.Create();
        var path = Path.Combine(ds.Folder, "small.kmz");

        var (exit, _, error) = CliRunner.Run("export", ds.Folder, "--to", "kml", "--out", path, "--layers", "bts");

        Assert.That(exit, Is.Zero, error);
        using var zip = ZipFile.OpenRead(path);
        Assert.That(zip.Entries.Select(e => e.FullName), Is.EqualTo(new[] { "doc.kml" }));
        using var reader = new StreamReader(zip.Entries[0].Open());
        Assert.That(XDocument.Load(reader).Descendants(Kml + "Placemark").Count(), Is.EqualTo(5));
    }

    [Test]
    public void Export_GeoJson_ReadsBackAsADatasetWithinACentimetre()
    {
        using var ds = SmallProvince.Create();
        var folder = Path.Combine(ds.Folder, "geojson");

        var (exit, _, error) = CliRunner.Run("export", ds.Folder, "--to", "geojson", "--out", folder);

        Assert.That(exit, Is.Zero, error);
        var loaded = DatasetSource.Load(folder);
        Assert.That(loaded.Problems, Is.Empty);
        var t1 = loaded.Dataset!.Towers.Single();
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "towers.geojson")));
        var properties = doc.RootElement.GetProperty("features")[0].GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Dataset.Crs.Name, Is.EqualTo("VN2000:105.5"), "analysis CRS kept in dataset.json");
            Assert.That(t1.Location.X, Is.EqualTo(581500).Within(0.01));
            Assert.That(t1.Location.Y, Is.EqualTo(2317500).Within(0.01));
            Assert.That(properties.GetProperty("height_m").GetDouble(), Is.EqualTo(42));
            Assert.That(loaded.Dataset.Bts, Has.Count.EqualTo(5));
        });
    }

    [Test]
    public void Export_UnknownLayer_ExitsTwoListingTheLayers()
    {
        using var ds = SmallProvince.Create();

        var (exit, _, error) = CliRunner.Run("export", ds.Folder, "--to", "gpkg", "--out", Path.Combine(ds.Folder, "x.gpkg"), "--layers", "bts,plan_positions");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("plan_positions").And.Contain("indicators_commune"));
            Assert.That(File.Exists(Path.Combine(ds.Folder, "x.gpkg")), Is.False);
        });
    }

    [Test]
    public void Export_PostgisWithoutConn_ExitsTwo()
    {
        using var ds = SmallProvince.Create();

        var (exit, _, error) = CliRunner.Run("export", ds.Folder, "--to", "postgis", "--lang", "en");

        Assert.That((exit, error), Is.EqualTo((2, "--to postgis needs --conn postgresql://user@host:port/db?schema=name" + Environment.NewLine)));
    }

    [Test]
    public void Indicators_XlsxFormat_WritesVietnameseHeadersAndNumbers()
    {
        using var ds = SmallProvince.Create();
        var path = Path.Combine(ds.Folder, "chi_tieu.xlsx");

        var (exit, output, error) = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--format", "xlsx", "--out", path);

        Assert.That((exit, output), Is.EqualTo((0, string.Empty)), error);
        var (sheet, rows) = Workbooks.Read(path).First();
        var header = rows[1].Select(c => c?.ToString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sheet, Is.EqualTo("cấp xã"));
            Assert.That(rows[0][0], Is.EqualTo("Chỉ tiêu hạ tầng bưu chính, viễn thông — Tỉnh Thử — cấp xã"));
            Assert.That(header.Take(3), Is.EqualTo(new[] { "Mã", "Đơn vị", "Cấp" }));
            Assert.That(header, Does.Contain("Bán kính phục vụ bình quân (km)").And.Contain("Trạm BTS Viettel").And.Contain("Cáp quang treo (km)"), "F2 (underground) lies outside both communes");
            Assert.That(rows[2][header.IndexOf("Bán kính phục vụ bình quân (km)")], Is.EqualTo(1.128).Within(1e-9), "C1, as in the CSV");
            Assert.That(rows.Count, Is.EqualTo(4));
        });
    }

    [Test]
    public void Indicators_XlsxFormatWithoutFile_ExitsTwo()
    {
        using var ds = SmallProvince.Create();

        var (exit, _, _) = CliRunner.Run("indicators", ds.Folder, "--format", "xlsx");

        Assert.That(exit, Is.EqualTo(2));
    }

    [Test]
    public void Import_OperatorWorkbook_WritesTheLayerCsvAfterChecks()
    {
        // VT9 stands on SmallProvince's T1 (581500, 2317500 in VN2000:105.5 = 106.2855565°E, 20.9489314°N by `sotttt crs`).
        using var ds = SmallProvince.Create();
        using var lists = new TempDataset();
        ExcelTableReaderTests.WriteWorkbook(lists, "Viettel_BTS.xlsx", new XlsxSheet("BTS", "DANH SÁCH TRẠM BTS", [new("Mã trạm", FieldType.Text), new("Nhà mạng", FieldType.Text), new("Công nghệ", FieldType.Text), new("Mã cột", FieldType.Text), new("Kinh độ", FieldType.Real), new("Vĩ độ", FieldType.Real)], [["VT9", "Viettel", "5G", "T1", 106.2855565, 20.9489314]]));

        var (exit, _, error) = CliRunner.Run("import", Path.Combine(lists.Folder, "Viettel_BTS.xlsx"), "--layer", "bts", "--into", ds.Folder);

        Assert.That(exit, Is.Zero, error);
        var loaded = DatasetSource.Load(ds.Folder);
        // Issue 15: merged by id into the folder's five BTS, never replacing them silently.
        Assert.That(loaded.Dataset!.Bts.Select(b => b.Id), Is.EqualTo(new[] { "B1", "B2", "B3", "B4", "B5", "VT9" }));
        Assert.That(loaded.Dataset!.Bts.Single(b => b.Id == "VT9").TowerId, Is.EqualTo("T1"));
        Assert.That(File.ReadAllLines(Path.Combine(ds.Folder, "bts.csv"))[0], Does.EndWith(",lon,lat"));
    }

    [Test]
    public void Import_WorkbookNamingAMissingTower_ExitsTwoAndWritesNothing()
    {
        using var ds = SmallProvince.Create();
        var before = ds.Snapshot();
        using var lists = new TempDataset();
        ExcelTableReaderTests.WriteWorkbook(lists, "Viettel thang 6.xlsx", new XlsxSheet("Trạm", null, [new("id", FieldType.Text), new("operator", FieldType.Text), new("tech", FieldType.Text), new("tower_id", FieldType.Text), new("lon", FieldType.Real), new("lat", FieldType.Real)], [["VT9", "Viettel", "4G", "T404", 106.3, 20.95]]));

        var (exit, _, error) = CliRunner.Run("import", Path.Combine(lists.Folder, "Viettel thang 6.xlsx"), "--layer", "bts", "--into", ds.Folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Viettel thang 6.xlsx, sheet 'Trạm', row 2, column 'tower_id' (id VT9): MISSING_TOWER"));
            Assert.That(ds.Snapshot(), Is.EqualTo(before));
        });
    }
}
