using NUnit.Framework;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>GeoPackages made by other tools (here GDAL's ogr2ogr, as QGIS would) load through the same checks.</summary>
[TestFixture]
public sealed class GeoPackageReaderTests
{
    private const string Towers = """
        id,owner,type,height_m,lon,lat
        T1,Viettel,A2b,42,106.3,20.95
        T2,VNPT,A1a,18.5,106.31,20.96
        """;

    [Test]
    public void Load_Ogr2ogrGeoPackageInWgs84_GivesTheSameTowersAsTheCsv()
    {
        var ogrinfo = ExternalTools.Ogrinfo();
        var ogr2ogr = Path.Combine(Path.GetDirectoryName(ogrinfo)!, "ogr2ogr");
        using var ds = new TempDataset("Cột");
        ds.File("towers.csv", Towers);
        var gpkg = Path.Combine(ds.Folder, "qgis.gpkg");
        ExternalTools.Run(ogr2ogr, "-f", "GPKG", gpkg, Path.Combine(ds.Folder, "towers.csv"), "-nln", "towers", "-a_srs", "EPSG:4326",
            "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=YES");

        var fromCsv = DatasetLoader.Load(ds.Folder);
        var fromGpkg = DatasetSource.Load(gpkg);

        Assert.That(fromGpkg.Problems, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(fromGpkg.Dataset!.Name, Is.EqualTo("qgis"));
            Assert.That(fromGpkg.Dataset.Crs, Is.EqualTo(fromCsv.Dataset!.Crs), "same analysis CRS chosen from the data");
            Assert.That(fromGpkg.Dataset.Towers, Is.EqualTo(fromCsv.Dataset.Towers).Using<Core.Model.Tower>((a, b) =>
                a.Id == b.Id && a.Type == b.Type && a.HeightM == b.HeightM && a.Location.Distance(b.Location) < 1e-6));
        });
    }

    [Test]
    public void Load_Ogr2ogrGeoPackageWithBadRow_ReportsLayerRowAndColumn()
    {
        var ogrinfo = ExternalTools.Ogrinfo();
        var ogr2ogr = Path.Combine(Path.GetDirectoryName(ogrinfo)!, "ogr2ogr");
        using var ds = new TempDataset("Cột");
        ds.File("towers.csv", Towers.Replace("A1a", "Z9", StringComparison.Ordinal));
        var gpkg = Path.Combine(ds.Folder, "qgis.gpkg");
        ExternalTools.Run(ogr2ogr, "-f", "GPKG", gpkg, Path.Combine(ds.Folder, "towers.csv"), "-nln", "towers", "-a_srs", "EPSG:4326",
            "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO");

        var loaded = DatasetSource.Load(gpkg);

        Assert.That(loaded.Problems.Select(p => (p.Code, p.File, p.Row, p.Column, p.FeatureId)), Is.EqualTo(new[]
        {
            ("UNKNOWN_TOWER_TYPE", "qgis.gpkg, layer 'towers'", (int?)2, "type", "T2"),
        }));
    }

    [Test]
    public void Load_NotAGeoPackage_IsSourceUnavailable()
    {
        using var ds = new TempDataset();
        ds.File("x.gpkg", "not sqlite");

        var loaded = DatasetSource.Load(Path.Combine(ds.Folder, "x.gpkg"));

        Assert.That(loaded.Problems.Select(p => p.Code), Is.EqualTo(new[] { "SOURCE_UNAVAILABLE" }));
    }
}
