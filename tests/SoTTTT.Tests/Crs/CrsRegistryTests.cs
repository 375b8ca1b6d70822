using NUnit.Framework;
using SoTTTT.Core.Crs;

namespace SoTTTT.Tests.Crs;

[TestFixture]
public sealed class CrsRegistryTests
{
    [TestCase("WGS84")]
    [TestCase("wgs84")]
    [TestCase(" WGS 84 ")]
    [TestCase("WGS-84")]
    [TestCase("EPSG:4326")]
    [TestCase("epsg:4326")]
    [TestCase("EPSG : 4326")]
    [TestCase("4326")]
    public void Parse_Wgs84Forms_ReturnsWgs84(string text)
    {
        var crs = CrsRegistry.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(crs, Is.EqualTo(CrsRegistry.Wgs84));
            Assert.That(crs.Name, Is.EqualTo("WGS84"));
            Assert.That(crs.IsGeographic, Is.True);
            Assert.That(crs.IsVn2000, Is.False);
            Assert.That(crs.Epsg, Is.EqualTo(4326));
        });
    }

    [TestCase("VN2000")]
    [TestCase("vn2000")]
    [TestCase("VN-2000")]
    [TestCase("VN 2000")]
    [TestCase("EPSG:4756")]
    [TestCase("4756")]
    public void Parse_Vn2000Forms_ReturnsGeographicVn2000(string text)
    {
        var crs = CrsRegistry.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(crs, Is.EqualTo(CrsRegistry.Vn2000));
            Assert.That(crs.Name, Is.EqualTo("VN2000"));
            Assert.That(crs.IsGeographic, Is.True);
            Assert.That(crs.IsVn2000, Is.True);
            Assert.That(crs.CentralMeridianDeg, Is.Null);
            Assert.That(crs.Epsg, Is.EqualTo(4756));
        });
    }

    [TestCase("VN2000:105.5", 105.5)]
    [TestCase("vn2000:105.5", 105.5)]
    [TestCase("VN-2000 : 105.5", 105.5)]
    [TestCase("VN2000:105°30'", 105.5)]
    [TestCase("VN2000:105°30′", 105.5)]
    [TestCase("VN2000:105° 30'", 105.5)]
    [TestCase("VN2000:105d30", 105.5)]
    [TestCase("VN2000:105D30", 105.5)]
    [TestCase("VN2000:105-30", 105.5)]
    [TestCase("VN2000:104°45'00\"", 104.75)]
    [TestCase("VN2000:107°45′", 107.75)]
    [TestCase("VN2000:105", 105.0)]
    [TestCase("VN2000:105°", 105.0)]
    [TestCase("VN2000:105°00'", 105.0)]
    [TestCase("VN2000:109.25", 109.25)]
    public void Parse_CentralMeridianForms_ReturnsTm3Zone(string text, double centralMeridianDeg)
    {
        var crs = CrsRegistry.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(crs.CentralMeridianDeg, Is.EqualTo(centralMeridianDeg).Within(1e-12));
            Assert.That(crs.ScaleFactor, Is.EqualTo(0.9999));
            Assert.That(crs.FalseEastingM, Is.EqualTo(500_000));
            Assert.That(crs.IsGeographic, Is.False);
            Assert.That(crs.IsVn2000, Is.True);
            Assert.That(crs, Is.EqualTo(CrsRegistry.Tm3(centralMeridianDeg)));
        });
    }

    [TestCase(105.5, "VN2000:105.5")]
    [TestCase(105.0, "VN2000:105")]
    [TestCase(107.75, "VN2000:107.75")]
    [TestCase(104.75, "VN2000:104.75")]
    public void Tm3_CentralMeridian_HasCanonicalName(double centralMeridianDeg, string name)
    {
        Assert.That(CrsRegistry.Tm3(centralMeridianDeg).Name, Is.EqualTo(name));
    }

    [Test]
    public void Parse_CanonicalNameOfEveryTableZone_ReturnsSameZone()
    {
        Assert.Multiple(() =>
        {
            foreach (var cm in VnProvinceZones.CentralMeridiansDeg)
            {
                var zone = CrsRegistry.Tm3(cm);
                Assert.That(CrsRegistry.Parse(zone.Name), Is.EqualTo(zone), zone.Name);
            }
        });
    }

    [TestCase("VN2000:UTM48", 48)]
    [TestCase("vn2000:utm48", 48)]
    [TestCase("VN-2000 : UTM 48", 48)]
    [TestCase("EPSG:3405", 48)]
    [TestCase("3405", 48)]
    [TestCase("VN2000:UTM49", 49)]
    [TestCase("EPSG:3406", 49)]
    [TestCase("3406", 49)]
    public void Parse_UtmForms_ReturnsUtmZone(string text, int zone)
    {
        var crs = CrsRegistry.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(crs.Name, Is.EqualTo($"VN2000:UTM{zone}"));
            // Zone 48 spans 102–108°E, zone 49 108–114°E.
            Assert.That(crs.CentralMeridianDeg, Is.EqualTo(zone == 48 ? 105.0 : 111.0));
            Assert.That(crs.ScaleFactor, Is.EqualTo(0.9996));
            Assert.That(crs.FalseEastingM, Is.EqualTo(500_000));
            Assert.That(crs.IsVn2000, Is.True);
            Assert.That(crs.Epsg, Is.EqualTo(zone == 48 ? 3405 : 3406));
        });
    }

    // Reference: EPSG dataset as shipped with PROJ 9.1.1 (`projinfo EPSG:<code> -o PROJ`, lon_0 of each CRS).
    [TestCase(5896, 102.0)]
    [TestCase(5897, 105.0)]
    [TestCase(5898, 108.0)]
    [TestCase(5899, 107.75)]
    [TestCase(9205, 103.0)]
    [TestCase(9206, 104.0)]
    [TestCase(9207, 104.5)]
    [TestCase(9208, 104.75)]
    [TestCase(9209, 105.5)]
    [TestCase(9210, 105.75)]
    [TestCase(9211, 106.0)]
    [TestCase(9212, 106.25)]
    [TestCase(9213, 106.5)]
    [TestCase(9214, 107.0)]
    [TestCase(9215, 107.25)]
    [TestCase(9216, 107.5)]
    [TestCase(9217, 108.25)]
    [TestCase(9218, 108.5)]
    public void Parse_Tm3EpsgCode_ReturnsZoneWithThatCentralMeridian(int code, double centralMeridianDeg)
    {
        var withPrefix = CrsRegistry.Parse($"EPSG:{code}");
        var bare = CrsRegistry.Parse($"{code}");

        Assert.Multiple(() =>
        {
            Assert.That(withPrefix.CentralMeridianDeg, Is.EqualTo(centralMeridianDeg));
            Assert.That(withPrefix.ScaleFactor, Is.EqualTo(0.9999));
            Assert.That(withPrefix.Epsg, Is.EqualTo(code));
            Assert.That(bare, Is.EqualTo(withPrefix));
            Assert.That(CrsRegistry.Tm3(centralMeridianDeg).Epsg, Is.EqualTo(code));
        });
    }

    [TestCase("Hải Dương", 105.5)]
    [TestCase("hai duong", 105.5)]
    [TestCase("HaiDuong", 105.5)]
    [TestCase("HẢI DƯƠNG", 105.5)]
    [TestCase("Ha\u0309i Du\u031Bo\u031Bng", 105.5)]
    [TestCase("VN2000:Hải Dương", 105.5)]
    [TestCase("vn2000: hai duong", 105.5)]
    [TestCase("Tỉnh Hải Dương", 105.5)]
    [TestCase("Điện Biên", 103.0)]
    [TestCase("dien bien", 103.0)]
    [TestCase("Hà Nội", 105.0)]
    [TestCase("Bến Tre", 105.75)]
    [TestCase("Bắc Kạn", 106.5)]
    [TestCase("Bac Can", 106.5)]
    [TestCase("Bắc Giang", 107.0)]
    [TestCase("Quảng Nam", 107.75)]
    [TestCase("Thành phố Hồ Chí Minh", 105.75)]
    [TestCase("TP.HCM", 105.75)]
    [TestCase("Thua Thien-Hue", 107.0)]
    [TestCase("Huế", 107.0)]
    [TestCase("Bà Rịa - Vũng Tàu", 107.75)]
    [TestCase("Dak Lak", 108.5)]
    [TestCase("Đắc Lắc", 108.5)]
    [TestCase("Hoà Bình", 106.0)]
    public void Parse_ProvinceName_ReturnsItsTm3Zone(string text, double centralMeridianDeg)
    {
        Assert.That(CrsRegistry.Parse(text), Is.EqualTo(CrsRegistry.Tm3(centralMeridianDeg)));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("WGS72")]
    [TestCase("EPSG:32648")]
    [TestCase("32648")]
    [TestCase("EPSG:")]
    [TestCase("VN2000:")]
    [TestCase("VN2000:UTM50")]
    [TestCase("VN2000:105°75'")]
    [TestCase("VN2000:200")]
    [TestCase("VN2000:105,5")]
    [TestCase("105.5")]
    [TestCase("Hai Duongg")]
    [TestCase("VN2000:Atlantis")]
    public void TryParse_UnknownName_FailsListingAcceptedForms(string text)
    {
        var parsed = CrsRegistry.TryParse(text, out var crs, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(crs, Is.Null);
            Assert.That(error, Does.Contain($"'{text}'"));
            Assert.That(error, Does.Contain(CrsRegistry.AcceptedForms));
        });
    }

    [Test]
    public void Parse_UnknownName_ThrowsArgumentException()
    {
        Assert.That(() => CrsRegistry.Parse("Atlantis"), Throws.ArgumentException.With.Message.Contains("VN2000:105.5"));
    }

    [Test]
    public void FromEpsg_CodeOutsideVn2000Family_ReturnsNull()
    {
        Assert.That(CrsRegistry.FromEpsg(32648), Is.Null);
    }

    [TestCase(double.NaN)]
    [TestCase(-1.0)]
    [TestCase(180.5)]
    [TestCase(double.PositiveInfinity)]
    public void Tm3_InvalidCentralMeridian_Throws(double centralMeridianDeg)
    {
        Assert.That(() => CrsRegistry.Tm3(centralMeridianDeg), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(105.6, 105.5)]
    [TestCase(105.7, 105.75)]
    [TestCase(105.25, 105.0)]
    [TestCase(105.125, 105.0)]
    [TestCase(102.2, 103.0)]
    [TestCase(107.1, 107.0)]
    [TestCase(107.9, 108.0)]
    [TestCase(110.0, 108.5)]
    public void Tm3NearestTo_Longitude_ReturnsNearestTableZone(double longitudeDeg, double centralMeridianDeg)
    {
        Assert.That(CrsRegistry.Tm3NearestTo(longitudeDeg), Is.EqualTo(CrsRegistry.Tm3(centralMeridianDeg)));
    }
}
