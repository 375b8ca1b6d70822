using System.Globalization;
using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.Core.Validation;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Crs;

/// <summary>Issue 11, zone choice: one province's data are analysed in its TM-3 zone of the national table.</summary>
public class AnalysisZoneTests
{
    private static IEnumerable<VnProvinceZone> Provinces() => VnProvinceZones.All;

    private static string At(VnProvinceZone p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.ReferenceLonDeg:0.0000},{p.ReferenceLatDeg:0.0000}");

    /// <summary>A dataset of one province (named, coded, or neither) with one village at the province's reference point.</summary>
    private static CrsDefinition LoadedZone(VnProvinceZone p, string? code, string? name)
    {
        using var ds = new TempDataset(p.Name);
        if (code is not null || name is not null)
        {
            ds.File("admin_units.csv", $"code,name,level\n{code ?? "X"},{name ?? "Tỉnh X"},province\n");
        }

        ds.File("settlements.csv", $"id,lon,lat\nS1,{At(p)}\n");
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems, Is.Empty, string.Join("\n", loaded.Problems));
        return loaded.Dataset!.Crs;
    }

    [Test]
    public void Load_EachOf63ProvincesByName_ZoneOfTheNationalTable()
    {
        Assert.Multiple(() =>
        {
            foreach (var p in Provinces())
            {
                Assert.That(LoadedZone(p, null, "Tỉnh " + p.Name).CentralMeridianDeg, Is.EqualTo(p.CentralMeridianDeg), p.Name);
            }
        });
    }

    [Test]
    public void Load_EachOf63ProvincesByCode_ZoneOfTheNationalTable()
    {
        Assert.Multiple(() =>
        {
            foreach (var p in Provinces())
            {
                Assert.That(LoadedZone(p, p.Code, null).CentralMeridianDeg, Is.EqualTo(p.CentralMeridianDeg), p.Name);
            }
        });
    }

    [Test]
    public void Load_EachOf63ProvincesByDataCentre_ZoneOfTheNationalTable()
    {
        Assert.Multiple(() =>
        {
            foreach (var p in Provinces())
            {
                Assert.That(LoadedZone(p, null, null).CentralMeridianDeg, Is.EqualTo(p.CentralMeridianDeg), p.Name);
            }
        });
    }

    [Test]
    public void FindByCode_GsoCodes_LeadingZerosAndLowerUnits()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VnProvinceZones.TryFindByCode("30", out var hd) ? hd.Name : null, Is.EqualTo("Hải Dương"));
            Assert.That(VnProvinceZones.TryFindByCode("001", out var hn) ? hn.Name : null, Is.EqualTo("Hà Nội"));
            Assert.That(VnProvinceZones.TryFindByCode("3001", out _), Is.False, "a district code is not a province code");
            Assert.That(VnProvinceZones.All.Select(p => p.Code), Is.Unique);
        });
    }

    [Test]
    public void Choose_ProvinceCodeOfSomeoneElsesNumbering_DataCentreDecides()
    {
        // Code 01 is Hà Nội in the national list, but these data lie in Cà Mau: the code is a local number.
        var choice = AnalysisZone.Choose([("01", "Tỉnh Mẫu")], 105.05, 8.95);
        Assert.That((choice.Crs.CentralMeridianDeg, choice.Basis, choice.Province?.Name), Is.EqualTo(((double?)104.5, "data_centre", "Cà Mau")));
    }

    [Test]
    public void Load_TwoProvincesFarApart_WarnsAndMeasuresEachUnitInItsOwnZone()
    {
        // Lai Châu (103°) and Quảng Ninh (107°45'): the median longitude picks one zone; the other province lies ~4.5° off it.
        using var ds = new TempDataset("Hai tỉnh");
        ds.File("admin_units.csv", """
            code,name,level,wkt
            12,Lai Châu,province,"POLYGON((103.1 22.2, 103.3 22.2, 103.3 22.4, 103.1 22.4, 103.1 22.2))"
            22,Quảng Ninh,province,"POLYGON((107.2 21.1, 107.4 21.1, 107.4 21.3, 107.2 21.3, 107.2 21.1))"
            """);
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems, Is.Empty, string.Join("\n", loaded.Problems));
        var dataset = loaded.Dataset!;
        var rows = IndicatorsAnalysis.Run(dataset, AdminLevel.Province).Rows;

        // Independent figure: each square projected straight into its own province's zone.
        double OwnZoneKm2(string wkt, double cm)
        {
            var toZone = CoordinateTransformer.Create(CrsRegistry.Wgs84, CrsRegistry.Tm3(cm));
            var ring = new NetTopologySuite.IO.WKTReader().Read(wkt).Coordinates.Select(c => toZone.Transform(c.X, c.Y)).Select(p => new Coordinate(p.X, p.Y)).ToArray();
            return new GeometryFactory().CreatePolygon(ring).Area / 1e6;
        }

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Notices.Select(n => n.Code), Does.Contain(ProblemCodes.FarFromCentralMeridian));
            Assert.That(dataset.Crs.Epsg, Is.Null, "no EPSG zone's area of use holds both provinces: outputs declare the zone under SoTTTT's own id");
            Assert.That(rows.Single(r => r.Code == "12").AreaKm2, Is.EqualTo(OwnZoneKm2("POLYGON((103.1 22.2, 103.3 22.2, 103.3 22.4, 103.1 22.4, 103.1 22.2))", 103)).Within(0.005).Percent);
            Assert.That(rows.Single(r => r.Code == "22").AreaKm2, Is.EqualTo(OwnZoneKm2("POLYGON((107.2 21.1, 107.4 21.1, 107.4 21.3, 107.2 21.3, 107.2 21.1))", 107.75)).Within(0.005).Percent);
        });
    }
}
