using System.Text.Json;
using BitMiracle.LibTiff.Classic;
using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;
using SoTTTT.Core.Validation;
using SoTTTT.IO.Terrain;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Terrain;

/// <summary>
/// GeoTIFF reading and writing checked against GDAL 3.6 (gdal-bin): files GDAL writes (gdal_translate) are read by
/// <see cref="GeoTiffReader"/>, files <see cref="GeoTiffWriter"/> writes are opened by gdalinfo (extent, CRS, no-data)
/// and sampled by gdallocationinfo.
/// </summary>
[TestFixture]
public sealed class GeoTiffTests
{
    private const int Columns = 37;
    private const int Rows = 23;
    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "sotttt-geotiff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    // Every sample type, tiled and striped, compressed and not, both byte orders, and the CRS forms GDAL writes.
    [TestCase("Int16", "EPSG:4326", "-co", "TILED=YES", "-co", "BLOCKXSIZE=16", "-co", "BLOCKYSIZE=16")]
    [TestCase("UInt16", "EPSG:4326", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2")]
    [TestCase("Int32", "EPSG:4756", "-co", "COMPRESS=LZW", "-co", "ENDIANNESS=BIG")]
    [TestCase("Float32", "EPSG:4326", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "BLOCKXSIZE=32", "-co", "BLOCKYSIZE=16")]
    [TestCase("Float64", "EPSG:4326", "-co", "BLOCKYSIZE=5")]
    [TestCase("Float32", "EPSG:4326", "-mo", "AREA_OR_POINT=Point")]
    public void Read_GdalWrittenGeographic_SameGridAndValuesAsGdal(string type, string srs, params string[] options)
    {
        var path = Path.Combine(folder, "dem.tif");
        var values = Elevations(type != "UInt16");
        GdalRaster.Translate(path, Columns, Rows, 103.25, 21.5, 1.0 / 1200, values, ["-ot", type, "-a_srs", srs, .. options]);

        var result = GeoTiffReader.Read(path);

        Assert.That(result.Problems, Is.Empty);
        var grid = result.Grid!;
        AssertSameGeometry(grid.Geometry, GdalRaster.Info(path));
        Assert.That(grid.Crs, Is.EqualTo(srs == "EPSG:4756" ? CrsRegistry.Vn2000 : CrsRegistry.Wgs84));
        Assert.That(grid.Values.ToArray(), Is.EqualTo(values), "every pixel, no-data (−9999) as NaN");
    }

    [TestCase("EPSG:9209", "VN2000:105.5")]
    [TestCase("EPSG:3405", "VN2000:UTM48")]
    [TestCase("EPSG:32648", "WGS84:UTM48N")]
    [TestCase("+proj=tmerc +lat_0=0 +lon_0=104.25 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs", "VN2000:104.25")]
    public void Read_GdalWrittenProjected_KnowsTheCrs(string srs, string expected)
    {
        var path = Path.Combine(Path.Combine(folder, "dem.tif"));
        var values = Elevations(true);
        GdalRaster.Translate(path, Columns, Rows, 580_000, 2_310_000, 30, values, "-ot", "Float32", "-a_srs", srs);

        var result = GeoTiffReader.Read(path);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Grid!.Crs.Name, Is.EqualTo(expected));
        AssertSameGeometry(result.Grid.Geometry, GdalRaster.Info(path));
    }

    [Test]
    public void Read_ModelTransformationWithoutRotation_SameGridAsGdal()
    {
        var path = Path.Combine(folder, "matrix.tif");
        WriteRawTiff(path, tif =>
        {
            tif.SetField((TiffTag)34264, 16, new[] { 30.0, 0, 0, 580_000, 0, -30.0, 0, 2_320_000, 0, 0, 0, 0, 0, 0, 0, 1 });
            SetKeys(tif, [1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, 9209]);
        });

        var result = GeoTiffReader.Read(path);

        Assert.That(result.Problems, Is.Empty);
        AssertSameGeometry(result.Grid!.Geometry, GdalRaster.Info(path));
        Assert.That(result.Grid.Geometry, Is.EqualTo(new GridGeometry(CrsRegistry.Tm3(105.5), 580_000, 2_320_000, 30, 30, 4, 3)));
    }

    [Test]
    public void Read_RotatedTransformation_Unsupported()
    {
        var path = Path.Combine(folder, "rotated.tif");
        WriteRawTiff(path, tif =>
        {
            tif.SetField((TiffTag)34264, 16, new[] { 30.0, 5, 0, 580_000, 5, -30.0, 0, 2_320_000, 0, 0, 0, 0, 0, 0, 0, 1 });
            SetKeys(tif, [1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, 9209]);
        });

        var result = GeoTiffReader.Read(path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Grid, Is.Null);
            Assert.That(result.Problems.Select(p => (p.Code, p.File, p.Column)), Is.EqualTo(new[] { (ProblemCodes.DemUnsupported, "rotated.tif", (string?)"ModelTransformationTag (34264)") }));
        });
    }

    [Test]
    public void Read_WebMercator_UnsupportedNamingTheKey()
    {
        var path = Path.Combine(folder, "mercator.tif");
        GdalRaster.Translate(path, Columns, Rows, 11_500_000, 2_400_000, 30, Elevations(true), "-ot", "Float32", "-a_srs", "EPSG:3857");

        var problem = GeoTiffReader.Read(path).Problems.Single();

        Assert.Multiple(() =>
        {
            Assert.That(problem.Code, Is.EqualTo(ProblemCodes.DemUnsupported));
            Assert.That(problem.File, Is.EqualTo("mercator.tif"));
            Assert.That(problem.Column, Is.EqualTo("ProjectedCSTypeGeoKey (3072)"));
            Assert.That(problem.Message, Does.Contain("3857"));
        });
    }

    [Test]
    public void Read_ThreeBands_UnsupportedSamplesPerPixel()
    {
        var single = Path.Combine(folder, "one.tif");
        var path = Path.Combine(folder, "rgb.tif");
        GdalRaster.Translate(single, Columns, Rows, 103.25, 21.5, 1.0 / 1200, Elevations(true), "-ot", "Int16", "-a_srs", "EPSG:4326");
        ExternalTools.Run(ExternalTools.Gdal("gdal_translate"), "-q", "-b", "1", "-b", "1", "-b", "1", single, path);

        var result = GeoTiffReader.Read(path);

        Assert.That(result.Problems.Select(p => (p.Code, p.Column)), Is.EqualTo(new[] { (ProblemCodes.DemUnsupported, (string?)"SamplesPerPixel (277)") }));
    }

    [Test]
    public void Read_PlainTiffWithoutGeoTags_NoCrs()
    {
        var path = Path.Combine(folder, "plain.tif");
        GdalRaster.Translate(path, Columns, Rows, 103.25, 21.5, 1.0 / 1200, Elevations(true), "-ot", "Int16", "-a_srs", "EPSG:4326", "-co", "PROFILE=BASELINE");

        var result = GeoTiffReader.Read(path);

        Assert.That(result.Problems.Select(p => p.Code), Is.EqualTo(new[] { ProblemCodes.DemNoCrs }));
    }

    [TestCase("missing.tif", false)]
    [TestCase("text.tif", true)]
    public void Read_MissingOrNotTiff_UnreadableWithoutException(string name, bool create)
    {
        var path = Path.Combine(folder, name);
        if (create)
        {
            File.WriteAllText(path, "ncols 3\nnrows 2\n");
        }

        var result = GeoTiffReader.Read(path);

        Assert.That(result.Problems.Select(p => (p.Code, p.File)), Is.EqualTo(new[] { (ProblemCodes.DemUnreadable, name) }));
    }

    [Test]
    public void Read_TruncatedFile_UnreadableWithoutException()
    {
        var path = Path.Combine(folder, "cut.tif");
        GdalRaster.Translate(path, Columns, Rows, 103.25, 21.5, 1.0 / 1200, Elevations(true), "-ot", "Float32", "-a_srs", "EPSG:4326");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);

        var result = GeoTiffReader.Read(path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Grid, Is.Null);
            Assert.That(result.Problems.Select(p => p.Code), Has.All.EqualTo(ProblemCodes.DemUnreadable).And.Not.Empty);
        });
    }

    [TestCase(false, false)]
    [TestCase(true, true)]
    public void WriteFloat32_GdalReadsExtentCrsNoDataAndValues(bool tiled, bool deflate)
    {
        var path = Path.Combine(folder, "out.tif");
        var geometry = new GridGeometry(CrsRegistry.Wgs84, 103.25, 21.75, 1.0 / 3600, 1.0 / 3600, Columns, Rows);
        var values = Elevations(true);

        GeoTiffWriter.WriteFloat32(path, geometry, values, new GeoTiffWriteOptions { Tiled = tiled, TileSize = 16, Deflate = deflate, NoData = -9999 });

        var info = GdalRaster.Info(path);
        var band = info.GetProperty("bands")[0];
        Assert.Multiple(() =>
        {
            Assert.That(info.GetProperty("coordinateSystem").GetProperty("wkt").GetString(), Does.EndWith("ID[\"EPSG\",4326]]"));
            Assert.That(band.GetProperty("type").GetString(), Is.EqualTo("Float32"));
            Assert.That(band.GetProperty("noDataValue").GetDouble(), Is.EqualTo(-9999));
            Assert.That(band.GetProperty("block")[0].GetInt32(), Is.EqualTo(tiled ? 16 : Columns));
        });
        AssertSameGeometry(geometry, info);
        AssertGdalValues(path, geometry, values);
        var back = GeoTiffReader.Read(path);
        Assert.That(back.Grid!.Values.ToArray(), Is.EqualTo(values), "read back, no-data as NaN");
    }

    [TestCase(105.5, 9209)]
    [TestCase(104.25, null)]
    [TestCase(105.0, 32648)]
    public void WriteInt16_ProjectedZone_GdalReadsTheZone(double centralMeridian, int? epsg)
    {
        var path = Path.Combine(folder, "zone.tif");
        var crs = epsg == 32648 ? CrsRegistry.Wgs84Utm(48) : CrsRegistry.Tm3(centralMeridian);
        var geometry = new GridGeometry(crs, 560_000, 2_330_000, 100, 100, Columns, Rows);
        var values = Elevations(true).Select(v => float.IsNaN(v) ? (short)-32768 : (short)v).ToArray();

        GeoTiffWriter.WriteInt16(path, geometry, values, new GeoTiffWriteOptions { Tiled = true, TileSize = 32, NoData = -32768 });

        var info = GdalRaster.Info(path);
        var wkt = info.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(wkt, Does.Contain("Transverse Mercator").And.Contain($"\"Longitude of natural origin\",{centralMeridian.ToString(System.Globalization.CultureInfo.InvariantCulture)},"));
            Assert.That(wkt, Does.Contain($"\"Scale factor at natural origin\",{(epsg == 32648 ? "0.9996" : "0.9999")},"));
            Assert.That(wkt, Does.Contain("\"False easting\",500000,"));
            Assert.That(wkt, epsg is { } code ? Does.EndWith($"ID[\"EPSG\",{code}]]") : Does.Contain("VN-2000"));
            Assert.That(wkt, epsg == 32648 ? Does.StartWith("PROJCRS[\"WGS 84 / UTM zone 48N\"") : Does.Not.Contain("WGS 84 / UTM"));
            Assert.That(info.GetProperty("bands")[0].GetProperty("noDataValue").GetDouble(), Is.EqualTo(-32768));
        });
        AssertSameGeometry(geometry, info);
        AssertGdalValues(path, geometry, values.Select(v => v == -32768 ? float.NaN : v).ToArray());
        var back = GeoTiffReader.Read(path);
        Assert.That(back.Grid!.Crs, Is.EqualTo(geometry.Crs));
    }

    /// <summary>A sloping surface with bumps, in metres, and a few no-data pixels (NaN) when <paramref name="withNoData"/>.</summary>
    private static float[] Elevations(bool withNoData)
    {
        var values = new float[Columns * Rows];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                values[(r * Columns) + c] = 150 + (7 * r) - (3 * c) + ((r * c) % 11);
            }
        }

        if (withNoData)
        {
            values[5] = float.NaN;
            values[(11 * Columns) + 17] = float.NaN;
            values[^1] = float.NaN;
        }

        return values;
    }

    private static void AssertSameGeometry(GridGeometry geometry, JsonElement info)
    {
        var gt = GdalRaster.GeoTransform(info);
        var size = info.GetProperty("size");
        var tolerance = geometry.Crs.IsGeographic ? 1e-12 : 1e-6;
        Assert.Multiple(() =>
        {
            Assert.That(geometry.Columns, Is.EqualTo(size[0].GetInt32()), "columns");
            Assert.That(geometry.Rows, Is.EqualTo(size[1].GetInt32()), "rows");
            Assert.That(geometry.OriginX, Is.EqualTo(gt[0]).Within(tolerance), "origin x");
            Assert.That(geometry.PixelWidth, Is.EqualTo(gt[1]).Within(1e-15 + (tolerance * 1e-6)), "pixel width");
            Assert.That(gt[2], Is.Zero);
            Assert.That(geometry.OriginY, Is.EqualTo(gt[3]).Within(tolerance), "origin y");
            Assert.That(gt[4], Is.Zero);
            Assert.That(geometry.PixelHeight, Is.EqualTo(-gt[5]).Within(1e-15 + (tolerance * 1e-6)), "pixel height");
        });
    }

    /// <summary>gdallocationinfo at every pixel centre equals the values written (NaN where GDAL reports no data).</summary>
    private static void AssertGdalValues(string path, GridGeometry geometry, float[] values)
    {
        var points = new List<(double, double)>();
        for (var r = 0; r < geometry.Rows; r++)
        {
            for (var c = 0; c < geometry.Columns; c++)
            {
                points.Add((geometry.CenterX(c), geometry.CenterY(r)));
            }
        }

        var noData = GdalRaster.Info(path).GetProperty("bands")[0].GetProperty("noDataValue").GetDouble();
        var gdal = GdalRaster.ValuesAt(path, points).Select(v => v == noData ? double.NaN : v).ToArray();
        Assert.That(gdal, Is.EqualTo(values.Select(v => (double)v).ToArray()));
    }

    /// <summary>A 4 × 3 Float32 TIFF written with LibTiff.NET directly, for georeferencing GDAL does not write.</summary>
    private static void WriteRawTiff(string path, Action<Tiff> georeference)
    {
        GeoTiffTags.EnsureRegistered();
        using var tif = Tiff.Open(path, "w");
        tif.SetField(TiffTag.IMAGEWIDTH, 4);
        tif.SetField(TiffTag.IMAGELENGTH, 3);
        tif.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tif.SetField(TiffTag.BITSPERSAMPLE, 32);
        tif.SetField(TiffTag.SAMPLEFORMAT, SampleFormat.IEEEFP);
        tif.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tif.SetField(TiffTag.ROWSPERSTRIP, 3);
        georeference(tif);
        var bytes = new byte[4 * 3 * 4];
        Buffer.BlockCopy(Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), 0, bytes, 0, bytes.Length);
        tif.WriteEncodedStrip(0, bytes, bytes.Length);
    }

    private static void SetKeys(Tiff tif, short[] keys) => tif.SetField((TiffTag)34735, keys.Length, keys);
}
