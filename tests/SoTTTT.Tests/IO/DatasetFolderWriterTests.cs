using System.Text;
using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.IO;

namespace SoTTTT.Tests.IO;

[TestFixture]
public sealed class DatasetFolderWriterTests
{
    private static readonly CrsDefinition Tm3 = CrsRegistry.Parse("VN2000:105.5");
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 9209);
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Path.Combine(Path.GetTempPath(), "sotttt-writer-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Write_AllLayers_WritesTheContractHeaders()
    {
        DatasetFolderWriter.Write(SmallDataset(), folder, new DatasetFileLayout(Tm3, new HashSet<string> { "towers", "bts" }));

        Assert.Multiple(() =>
        {
            Assert.That(FirstLine("admin_units.csv"), Is.EqualTo("code,name,level,parent_code,area_km2,population,urban,wkt"));
            Assert.That(FirstLine("settlements.csv"), Is.EqualTo("id,name,commune_code,population,x,y"));
            Assert.That(FirstLine("towers.csv"), Is.EqualTo("id,owner,type,height_m,status,max_tenants,lon,lat"));
            Assert.That(FirstLine("bts.csv"), Is.EqualTo("id,operator,tech,tower_id,band_mhz,antenna_height_m,eirp_dbm,azimuth_deg,beamwidth_deg,tilt_deg,status,bandwidth_mhz,lon,lat"));
            Assert.That(FirstLine("fibre_routes.csv"), Is.EqualTo("id,operator,placement,cores,wkt"));
            Assert.That(FirstLine("postal_points.csv"), Is.EqualTo("id,name,kind,operator,admin_code,x,y"));
            Assert.That(FirstLine("zones.csv"), Is.EqualTo("id,kind,name,max_height_m,wkt"));
        });
    }

    // Reference for the lon/lat columns: PROJ 9.1.1,
    // `echo 583001.57 2317625.74 | cs2cs EPSG:9209 EPSG:4326 -f %.7f` → 20.9500000 106.3000000.
    [Test]
    public void Write_AllLayers_FormatsRowsWithInvariantFixedDecimals()
    {
        DatasetFolderWriter.Write(SmallDataset(), folder, new DatasetFileLayout(Tm3, new HashSet<string> { "towers", "bts" }));

        Assert.Multiple(() =>
        {
            Assert.That(Lines("dataset.json"), Is.EqualTo(new[] { "{", "  \"name\": \"Tỉnh thử\",", "  \"crs\": \"VN2000:105.5\",", "  \"lang\": \"vi\"", "}" }));
            Assert.That(Lines("admin_units.csv")[1], Is.EqualTo("30,Tỉnh thử,province,,12.50,1234,,\"POLYGON ((583000 2317600, 583000 2317700.5, 583100.25 2317700.5, 583100.25 2317600, 583000 2317600))\""));
            Assert.That(Lines("admin_units.csv")[2], Is.EqualTo("3001001,\"Xã An Lâm, Thôn 1\",commune,30,,1000,false,"));
            Assert.That(Lines("settlements.csv")[1], Is.EqualTo("S1,Thôn Đông,3001001,1234,583001.50,2317625.25"));
            Assert.That(Lines("towers.csv")[1], Is.EqualTo("T1,Viettel,A2b,45.00,existing,3,106.3000000,20.9500000"));
            Assert.That(Lines("bts.csv")[1], Is.EqualTo("B1,Viettel,4G,T1,1800.0,42.50,58.2,,,,existing,,106.3000000,20.9500000"));
            Assert.That(Lines("bts.csv")[2], Is.EqualTo("B2,VNPT,2G,,900.0,30.00,56.0,120.0,65.0,4.0,,,106.3000000,20.9500000"));
            Assert.That(Lines("fibre_routes.csv")[1], Is.EqualTo("F1,VNPT,underground,24,\"LINESTRING (583000 2317600, 583100.12 2317700.46)\""));
            Assert.That(Lines("postal_points.csv")[1], Is.EqualTo("P1,Bưu điện tỉnh,post_office_1,VNPost,3001001,583001.57,2317625.74"));
            Assert.That(Lines("zones.csv")[1], Does.StartWith("Z1,height_limit,Khu vực hạn chế,45.00,\"POLYGON ((583000 2317600,"));
        });
    }

    [Test]
    public void Write_GeographicOutputCrs_WritesLonLatAndDegreesInWkt()
    {
        DatasetFolderWriter.Write(SmallDataset(), folder, new DatasetFileLayout(CrsRegistry.Wgs84, new HashSet<string>()));

        Assert.Multiple(() =>
        {
            Assert.That(Lines("dataset.json"), Does.Contain("  \"crs\": \"WGS84\","));
            Assert.That(Lines("settlements.csv")[0], Is.EqualTo("id,name,commune_code,population,lon,lat"));
            Assert.That(Lines("postal_points.csv")[1], Is.EqualTo("P1,Bưu điện tỉnh,post_office_1,VNPost,3001001,106.3000000,20.9500000"));
            Assert.That(Lines("fibre_routes.csv")[1], Does.Match(@"^F1,VNPT,underground,24,""LINESTRING \(106\.\d{1,7} 20\.\d{1,7}, 106\.\d{1,7} 20\.\d{1,7}\)""$"));
        });
    }

    [Test]
    public void Write_LayerNotInDataset_WritesNoFileForIt()
    {
        var dataset = SmallDataset() with { Layers = new HashSet<string> { "towers" } };

        DatasetFolderWriter.Write(dataset, folder, new DatasetFileLayout(Tm3, new HashSet<string>()));

        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "dataset.json", "towers.csv" }));
    }

    [Test]
    public void Write_ExistingFiles_ReplacesThemAndLeavesNoTemporaryFiles()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "towers.csv"), "old content that is longer than the new file will be, surely, by quite a lot of characters\n");

        DatasetFolderWriter.Write(SmallDataset(), folder, new DatasetFileLayout(Tm3, new HashSet<string>()));

        Assert.Multiple(() =>
        {
            Assert.That(Lines("towers.csv")[0], Is.EqualTo("id,owner,type,height_m,status,max_tenants,x,y"));
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Has.None.EndsWith(".tmp"));
        });
    }

    [Test]
    public void Write_AnyFile_IsUtf8WithoutBomWithLfLineEnds()
    {
        DatasetFolderWriter.Write(SmallDataset(), folder, new DatasetFileLayout(Tm3, new HashSet<string>()));

        Assert.Multiple(() =>
        {
            foreach (var path in Directory.GetFiles(folder))
            {
                var bytes = File.ReadAllBytes(path);
                Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), path);
                Assert.That(bytes, Does.Not.Contain((byte)'\r'), path);
                Assert.That(bytes[^1], Is.EqualTo((byte)'\n'), path);
            }
        });
    }

    private static Dataset SmallDataset()
    {
        var square = Factory.CreatePolygon(
        [
            new(583000, 2317600), new(583000, 2317700.5), new(583100.25, 2317700.5), new(583100.25, 2317600), new(583000, 2317600),
        ]);
        var at = Factory.CreatePoint(new Coordinate(583001.57, 2317625.74));
        return new Dataset(
            "Tỉnh thử",
            Tm3,
            [
                new AdminUnit("30", "Tỉnh thử", AdminLevel.Province, null, 12.5, 1234, null, square),
                new AdminUnit("3001001", "Xã An Lâm, Thôn 1", AdminLevel.Commune, "30", null, 1000, false, null),
            ],
            [new Settlement("S1", Factory.CreatePoint(new Coordinate(583001.5, 2317625.25)), "Thôn Đông", "3001001", 1234)],
            [new Tower("T1", at, "Viettel", "A2b", 45, TowerStatus.Existing, 3)],
            [
                new Bts("B1", "Viettel", Technology.G4, at, "T1", 1800, 42.5, 58.2, null, null, null, "existing"),
                new Bts("B2", "VNPT", Technology.G2, at, null, 900, 30, 56, 120, 65, 4, null),
            ],
            [new FibreRoute("F1", Factory.CreateLineString([new(583000, 2317600), new(583100.123, 2317700.456)]), "VNPT", CablePlacement.Underground, 24)],
            [new PostalPoint("P1", at, "Bưu điện tỉnh", PostalKind.PostOffice1, "VNPost", "3001001")],
            [new Zone("Z1", "height_limit", square, "Khu vực hạn chế", new Dictionary<string, string> { ["max_height_m"] = "45" })],
            new HashSet<string> { "admin_units", "settlements", "towers", "bts", "fibre_routes", "postal_points", "zones" });
    }

    private string FirstLine(string file) => Lines(file)[0];

    private string[] Lines(string file) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, file))).TrimEnd('\n').Split('\n');
}
