using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;
using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Validation;
using SoTTTT.IO;
using SoTTTT.IO.Shapefile;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>Issue 11: Shapefiles in a dataset folder and <c>export --to shp</c>.</summary>
public class ShapefileTests
{
    /// <summary>A commune layer as departments receive it: VN-2000 TM-3 metres, Vietnamese names in the given code page.</summary>
    private static void WriteCommunes(string folder, CrsDefinition crs, Encoding encoding, string? cpg, bool prj = true)
    {
        var options = new ShapefileWriterOptions(ShapeType.Polygon) { Encoding = encoding };
        options.AddCharacterField("MA_XA", 10);
        options.AddCharacterField("TEN_XA", 40);
        options.AddCharacterField("CAP", 10);
        options.AddCharacterField("MA_HUYEN", 10);
        var factory = new GeometryFactory();
        using (var writer = NetTopologySuite.IO.Esri.Shapefile.OpenWrite(Path.Combine(folder, "admin_units"), options))
        {
            void Add(string code, string name, string level, string? parent, double x0)
            {
                writer.Geometry = factory.ToGeometry(new Envelope(x0, x0 + 2000, 2316000, 2318000));
                writer.Fields["MA_XA"].Value = code;
                writer.Fields["TEN_XA"].Value = name;
                writer.Fields["CAP"].Value = level;
                writer.Fields["MA_HUYEN"].Value = parent;
                writer.Write();
            }

            // Letters Windows-1258 holds precomposed (Đ, ô, ư), so that the legacy file can be written here; tone marks
            // are combining characters there.
            Add("D", "Đông Hưng", "district", null, 580000);
            Add("C1", "Đông Thôn Ưu", "commune", "D", 580000);
        }

        File.Delete(Path.Combine(folder, "admin_units.prj"));
        File.Delete(Path.Combine(folder, "admin_units.cpg"));
        if (prj)
        {
            File.WriteAllText(Path.Combine(folder, "admin_units.prj"), CrsWkt.Wkt(crs));
        }

        if (cpg is not null)
        {
            File.WriteAllText(Path.Combine(folder, "admin_units.cpg"), cpg);
        }
    }

    [Test]
    public void Load_CommuneShapefileInVn2000Utf8_ReadsNamesAndShapes()
    {
        using var ds = new TempDataset("Shapefile");
        WriteCommunes(ds.Folder, CrsRegistry.Tm3(105.5), Encoding.UTF8, "UTF-8");
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems, Is.Empty, string.Join("\n", loaded.Problems));
        var c1 = loaded.Dataset!.AdminUnits.Single(u => u.Code == "C1");
        Assert.Multiple(() =>
        {
            Assert.That(c1.Name, Is.EqualTo("Đông Thôn Ưu"));
            Assert.That(c1.ParentCode, Is.EqualTo("D"));
            Assert.That(c1.Level, Is.EqualTo(Core.Model.AdminLevel.Commune));
            Assert.That(loaded.Dataset.Crs.CentralMeridianDeg, Is.EqualTo(105.5));
            Assert.That(c1.Boundary!.Area, Is.EqualTo(4e6).Within(1e-3));
        });
    }

    [Test]
    public void Load_ShapefileInLegacyCodePageNamedByCpg_ReadAndReported()
    {
        using var ds = new TempDataset("Shapefile 1258");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        WriteCommunes(ds.Folder, CrsRegistry.Tm3(105.5), Encoding.GetEncoding(1258), "1258");
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems, Is.Empty, string.Join("\n", loaded.Problems));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Notices.Select(n => (n.Code, n.File)), Does.Contain((ProblemCodes.EncodingNotUtf8, "admin_units.shp")));
            Assert.That(loaded.Notices.Single(n => n.Code == ProblemCodes.EncodingNotUtf8).Message, Does.Contain("code page 1258"));
            Assert.That(loaded.Dataset!.AdminUnits.Single(u => u.Code == "C1").Name, Is.EqualTo("Đông Thôn Ưu"));
        });
    }

    [Test]
    public void Load_ShapefileNotUtf8WithoutCpg_ProblemSaysAddACpg()
    {
        using var ds = new TempDataset("Shapefile không cpg");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        WriteCommunes(ds.Folder, CrsRegistry.Tm3(105.5), Encoding.GetEncoding(1258), cpg: null);
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems.Select(p => (p.Code, p.File)), Is.EqualTo(new[] { (ProblemCodes.EncodingNotUtf8, "admin_units.shp") }));
        Assert.That(loaded.Problems[0].Message, Does.Contain("admin_units.cpg"));
    }

    [Test]
    public void Load_ShapefileWithoutPrj_UnknownCrsNamingTheFile()
    {
        using var ds = new TempDataset("Shapefile không prj");
        WriteCommunes(ds.Folder, CrsRegistry.Tm3(105.5), Encoding.UTF8, "UTF-8", prj: false);
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems.Select(p => (p.Code, p.File)), Is.EqualTo(new[] { (ProblemCodes.UnknownCrs, "admin_units.shp") }));
        Assert.That(loaded.Problems[0].Message, Does.Contain("admin_units.prj is missing"));
    }

    [TestCase("VN2000:105.5")]
    [TestCase("VN2000:106.25")]
    [TestCase("VN2000:UTM48")]
    [TestCase("WGS84")]
    public void Parse_PrjWeWrite_SameCrs(string name)
    {
        var crs = CrsRegistry.Parse(name);
        Assert.That(PrjCrs.Parse(CrsWkt.Wkt(crs with { Epsg = null })), Is.EqualTo(CrsRegistry.Parse(name)));
    }

    [Test]
    public void Parse_EsriPrjOfQgis_Vn2000Tm3Zone()
    {
        // As QGIS/ArcGIS write an Esri .prj for a custom VN-2000 zone: no EPSG authority.
        const string esri = "PROJCS[\"VN_2000_TM_3_zone_106_15\",GEOGCS[\"GCS_VN_2000\",DATUM[\"D_Vietnam_2000\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," +
            "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0]," +
            "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",106.25],PARAMETER[\"Scale_Factor\",0.9999],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        Assert.That(PrjCrs.Parse(esri)?.Name, Is.EqualTo("VN2000:106.25"));
    }

    [Test]
    public void ShortNames_LongColumns_DocumentedTenCharacterNames()
    {
        Assert.That(ShapefileFields.ShortNames(["commune_code", "antenna_height_m", "service_radius_km", "service_radius_x", "id"]),
            Is.EqualTo(new[] { "commune_cd", "ant_ht_m", "service_ra", "service_01", "id" }));
    }

    [Test]
    public void Export_SampleProvinceToShp_ReadsBackToIdenticalIndicatorsAndOgrinfoReadsTheCrs()
    {
        var ogrinfo = ExternalTools.Ogrinfo();
        var outDir = Path.Combine(Path.GetTempPath(), "sotttt-shp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, _, error) = CliRunner.Run("export", DemoSample.Folder, "--to", "shp", "--out", outDir, "--layers", "admin_units,settlements,towers,bts,fibre_routes,postal_points,zones,public_sites,nodes,subscribers");
            Assert.That(exit, Is.Zero, error);
            var info = ExternalTools.Run(ogrinfo, "-so", Path.Combine(outDir, "bts.shp"), "bts");
            var fields = File.ReadAllLines(Path.Combine(outDir, "shp_fields.csv"));
            Assert.Multiple(() =>
            {
                Assert.That(info, Does.Contain("Feature Count: 2952"));
                Assert.That(info, Does.Contain("VN-2000").And.Contain("Transverse Mercator").And.Contain("105.5"), "GDAL recognises the zone");
                Assert.That(info, Does.Contain("ID[\"EPSG\",9209]"));
                Assert.That(File.ReadAllText(Path.Combine(outDir, "bts.cpg")), Is.EqualTo("UTF-8"));
                Assert.That(fields, Does.Contain("admin_units,parent_code,parent_cd"));
                foreach (var level in new[] { "province", "district", "commune" })
                {
                    var before = CliRunner.Run("indicators", DemoSample.Folder, "--level", level, "--format", "csv").Out;
                    var after = CliRunner.Run("indicators", outDir, "--level", level, "--format", "csv").Out;
                    Assert.That(after, Is.EqualTo(before), level);
                }
            });
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }
}
