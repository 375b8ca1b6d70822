using NUnit.Framework;
using SoTTTT.Core.Crs;

namespace SoTTTT.Tests.Crs;

[TestFixture]
public sealed class VnProvinceZonesTests
{
    // Reference: the "area of use" of each VN-2000 TM-3 CRS in the EPSG dataset (PROJ 9.1.1,
    // `projinfo EPSG:<code> -o WKT2:2019`), which lists the provinces using that central meridian.
    // Ha Tay, listed under 5897, merged into Ha Noi in 2008 and is left out.
    private static readonly (int Epsg, string[] Provinces)[] EpsgAreasOfUse =
    [
        (9205, ["Dien Bien", "Lai Chau"]),
        (9206, ["Son La"]),
        (9207, ["Ca Mau", "Kien Giang"]),
        (9208, ["An Giang", "Lao Cai", "Nghe An", "Phu Tho", "Yen Bai"]),
        (9209, ["Bac Ninh", "Ha Giang", "Ha Tinh", "Hai Duong", "Hung Yen", "Nam Dinh", "Soc Trang", "Tay Ninh", "Thai Binh", "Tra Vinh", "Vinh Long"]),
        (9210, ["Hai Phong", "Ho Chi Minh", "Ben Tre", "Binh Duong", "Cao Bang", "Long An", "Tien Giang"]),
        (9211, ["Hoa Binh", "Quang Binh", "Tuyen Quang"]),
        (9212, ["Binh Phuoc", "Quang Tri"]),
        (9213, ["Bac Kan", "Thai Nguyen"]),
        (9214, ["Bac Giang", "Thua Thien-Hue"]),
        (9215, ["Lang Son"]),
        (9216, ["Kon Tum"]),
        (9217, ["Binh Dinh", "Khanh Hoa", "Ninh Thuan"]),
        (9218, ["Binh Thuan", "Dak Lak", "Dak Nong", "Gia Lai", "Phu Yen"]),
        (5897, ["Ha Noi", "Ha Nam", "Ninh Binh", "Thanh Hoa", "Vinh Phuc", "Can Tho", "Bac Lieu", "Dong Thap", "Hau Giang"]),
        (5898, ["Quang Ngai"]),
        (5899, ["Quang Ninh", "Da Nang", "Quang Nam", "Ba Ria-Vung Tau", "Dong Nai", "Lam Dong"]),
    ];

    [Test]
    public void All_Count_Is63Provinces()
    {
        Assert.That(VnProvinceZones.All, Has.Count.EqualTo(63));
    }

    [Test]
    public void All_NamesFoldedWithoutDiacritics_AreDistinct()
    {
        var keys = VnProvinceZones.All.Select(p => VietnameseText.ToKey(p.Name)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.Unique);
            Assert.That(keys, Has.All.Match("^[a-z]+$"));
            Assert.That(keys.Select(Find), Is.EqualTo(VnProvinceZones.All));
        });
    }

    [Test]
    public void All_CentralMeridians_MatchEpsgAreasOfUse()
    {
        Assert.Multiple(() =>
        {
            foreach (var (epsg, provinces) in EpsgAreasOfUse)
            {
                var centralMeridianDeg = CrsRegistry.FromEpsg(epsg)!.CentralMeridianDeg;
                foreach (var name in provinces)
                {
                    Assert.That(Find(name).CentralMeridianDeg, Is.EqualTo(centralMeridianDeg), $"{name} (EPSG:{epsg})");
                }
            }
        });
    }

    [Test]
    public void All_EveryProvince_IsInExactlyOneEpsgAreaOfUse()
    {
        var covered = EpsgAreasOfUse.SelectMany(a => a.Provinces).Select(Find).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(covered, Is.Unique);
            Assert.That(covered, Is.EquivalentTo(VnProvinceZones.All));
        });
    }

    [Test]
    public void CentralMeridiansDeg_EveryZone_HasAnEpsgCode()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VnProvinceZones.CentralMeridiansDeg, Has.Count.EqualTo(17));
            Assert.That(VnProvinceZones.CentralMeridiansDeg.Select(cm => CrsRegistry.Tm3(cm).Epsg), Has.None.Null);
            Assert.That(VnProvinceZones.CentralMeridiansDeg, Is.Ordered);
        });
    }

    // Reference: DOMAIN.md ("Coordinates: VN-2000"), from Circular 973/2001/TT-TCĐC.
    [TestCase("Điện Biên", 103.0)]
    [TestCase("Hà Nội", 105.0)]
    [TestCase("Hải Dương", 105.5)]
    [TestCase("Bến Tre", 105.75)]
    [TestCase("Bắc Kạn", 106.5)]
    [TestCase("Bắc Giang", 107.0)]
    [TestCase("Quảng Nam", 107.75)]
    public void TryFind_DomainExamples_HaveTheirCentralMeridian(string name, double centralMeridianDeg)
    {
        Assert.That(Find(name).CentralMeridianDeg, Is.EqualTo(centralMeridianDeg));
    }

    [TestCase("Atlantis")]
    [TestCase("")]
    [TestCase("Hà Tây")]
    public void TryFind_UnknownName_ReturnsFalse(string name)
    {
        Assert.That(VnProvinceZones.TryFind(name, out _), Is.False);
    }

    private static VnProvinceZone Find(string name) =>
        VnProvinceZones.TryFind(name, out var province) ? province : throw new AssertionException($"Province '{name}' not found.");
}
