using System.Globalization;
using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Crs;

/// <summary>
/// The WKT 1 and PROJ strings written into GeoPackages and PostGIS must mean, to other GIS tools, what our own
/// transformer does: checked by PROJ's cs2cs reading them (the TOWGS84 rotation signs are the trap: a wrong
/// convention moves points by 0.5–0.8 m over Vietnam).
/// </summary>
[TestFixture]
public sealed class CrsWktTests
{
    // A TM-3 zone without an EPSG code (so PROJ cannot fall back on its database) and two that have one.
    [TestCase("VN2000:105.25", 510000, 2300000)]
    [TestCase("VN2000:105.5", 581500, 2317500)]
    [TestCase("VN2000:UTM48", 620000, 2320000)]
    public void WktAndProj_ReadByCs2cs_AgreeWithCoordinateTransformerWithin1cm(string name, double x, double y)
    {
        var cs2cs = ExternalTools.Cs2cs();
        var crs = CrsRegistry.Parse(name);
        var (lon, lat) = CoordinateTransformer.Create(crs, CrsRegistry.Wgs84).Transform(x, y);
        var input = FormattableString.Invariant($"{x} {y}\n");

        // EPSG:4326 answers latitude first; the classic "+to" form answers longitude first.
        var (wktLat, wktLon) = Parse(ExternalTools.RunWithInput(cs2cs, input, "-f", "%.9f", CrsWkt.Wkt(crs), "EPSG:4326"));
        var fromWkt = (Lon: wktLon, Lat: wktLat);
        var fromProj = Parse(ExternalTools.RunWithInput(cs2cs, input, ["-f", "%.9f", .. CrsWkt.Proj(crs).Split(' '), "+to", "+proj=longlat", "+datum=WGS84"]));

        // 1e-7° is about 1 cm.
        Assert.Multiple(() =>
        {
            Assert.That(fromWkt.Lon, Is.EqualTo(lon).Within(1e-7), "WKT longitude");
            Assert.That(fromWkt.Lat, Is.EqualTo(lat).Within(1e-7), "WKT latitude");
            Assert.That(fromProj.First, Is.EqualTo(lon).Within(1e-7), "PROJ longitude");
            Assert.That(fromProj.Second, Is.EqualTo(lat).Within(1e-7), "PROJ latitude");
        });
    }

    [Test]
    public void Wkt_ZoneWithEpsgCode_NamesTheAuthority()
    {
        Assert.That(CrsWkt.Wkt(CrsRegistry.Parse("VN2000:105.5")), Does.EndWith("AUTHORITY[\"EPSG\",\"9209\"]]"));
    }

    private static (double First, double Second) Parse(string output)
    {
        var f = output.Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture));
    }
}
