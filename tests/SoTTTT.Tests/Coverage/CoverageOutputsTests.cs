using Npgsql;
using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Writing;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

/// <summary>
/// Coverage outputs read by independent tools: polygons judged by PostGIS ST_IsValid, GeoTIFF grids read by GDAL, and the
/// unit rows of issue 9 (any technology, communes, no data).
/// </summary>
public sealed class CoverageOutputsTests
{
    private static Dataset Sample() => DatasetLoader.Load(DemoSample.Folder).Dataset!;

    [Test]
    public void Sample_EveryPolygon_ValidForPostgis()
    {
        // Issue 9: a coverage_area polygon of the sample had a ring self-intersection near (601100, 2331300). Every
        // coverage polygon and gap outline must pass PostGIS ST_IsValid (OGC validity, GEOS).
        using var schema = new PostgisSchema();
        var result = CoverageAnalysis.Run(Sample(), new CoverageOptions(AdminLevel.Commune));
        var wkts = result.Polygons.Where(p => !p.Area.IsEmpty).Select(p => p.Area.AsText())
            .Concat(result.Gaps.Select(g => g.Area.AsText()))
            .ToArray();

        using var connection = SoTTTT.IO.Postgis.PostgisConnection.Parse(schema.Url()).Open();
        using var command = new NpgsqlCommand("SELECT n, ST_IsValidReason(ST_GeomFromText(w)) FROM unnest(@w) WITH ORDINALITY AS t(w, n) WHERE NOT ST_IsValid(ST_GeomFromText(w))", connection);
        command.Parameters.AddWithValue("w", wkts);
        var invalid = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                invalid.Add($"#{reader.GetInt64(0)}: {reader.GetString(1)}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(wkts, Has.Length.GreaterThan(10), "precondition: the sample has coverage polygons and gaps");
            Assert.That(invalid, Is.Empty);
        });
    }

    [Test]
    public void GeoTiff_ReadByGdal_OperatorCountsCrsAndNoData()
    {
        // The GeoTIFF grid read back by GDAL (gdalinfo, gdallocationinfo) at every cell centre of a 1 km lattice equals
        // the in-memory raster; outside every unit it is GDAL's no data (255).
        var dataset = new CoverageProvince()
            .Bts("B1", "Viettel", Technology.G4, 602550, 2305050, bandMHz: 1800, heightM: 30, eirpDbm: 60)
            .Bts("B2", "VNPT", Technology.G4, 603050, 2305050, bandMHz: 1800, heightM: 30, eirpDbm: 60, azimuthDeg: 90)
            .Build();
        var result = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province, Technology.G4));
        var raster = result.Raster!;
        var folder = Path.Combine(Path.GetTempPath(), "sotttt-tif-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var tif = Path.Combine(folder, "coverage_4g.tif");
            CoverageWriter.WriteGeoTiff(tif, raster, Technology.G4, dataset.Crs);

            var info = GdalRaster.Info(tif);
            var points = new List<(double X, double Y)>();
            var expected = new List<double>();
            for (var i = 5; i < raster.Width; i += 10)
            {
                for (var j = 5; j < raster.Height; j += 10)
                {
                    points.Add((raster.OriginX + ((i + 0.5) * raster.CellM), raster.OriginY + ((j + 0.5) * raster.CellM)));
                    expected.Add(raster.OperatorsCovering(Technology.G4, i, j));
                }
            }

            points.Add((599950, 2305000));
            var values = GdalRaster.ValuesAt(tif, points);
            var band = info.GetProperty("bands")[0];
            Assert.Multiple(() =>
            {
                Assert.That(values.Take(expected.Count), Is.EqualTo(expected));
                Assert.That(expected, Does.Contain(2.0).And.Contain(1.0).And.Contain(0.0), "both, one and no operator occur");
                Assert.That(values[^1], Is.NaN.Or.EqualTo(255), "outside the province: no data");
                Assert.That(band.GetProperty("noDataValue").GetDouble(), Is.EqualTo(255));
                Assert.That(band.GetProperty("type").GetString(), Is.EqualTo("Byte"));
                Assert.That(info.GetProperty("coordinateSystem").GetProperty("wkt").GetString(), Does.Contain("105.5").Or.Contain("9209"));
            });
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Test]
    public void GeoTiff_FarApartUnits_EmptyTilesLeftOut()
    {
        // Two communes 200 km apart: the grid spans 200 km but only the tiles over land are written (sparse), which is
        // what lets a national 100 m grid be written at all.
        var factory = TestNetwork.At(0, 0).Factory;
        var units = new List<AdminUnit>
        {
            new("P", "P", AdminLevel.Province, null, null, null, null, null),
            new("C1", "C1", AdminLevel.Commune, "P", null, null, false, TestNetwork.Box(600000, 2300000, 605000, 2305000)),
            new("C2", "C2", AdminLevel.Commune, "P", null, null, false, TestNetwork.Box(800000, 2300000, 805000, 2305000)),
        };
        var bts = new Bts("B1", "Viettel", Technology.G2, TestNetwork.At(602500, 2302500), null, 900, 30, 58, null, null, null, null);
        var dataset = new Dataset("Xa", TestNetwork.Crs, units, [], [], [bts], [], [], [], new HashSet<string>(StringComparer.Ordinal) { "admin_units", "bts" });
        var result = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province));
        var folder = Path.Combine(Path.GetTempPath(), "sotttt-tif-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var tif = Path.Combine(folder, "coverage_2g.tif");
            CoverageWriter.WriteGeoTiff(tif, result.Raster!, Technology.G2, dataset.Crs);
            var values = GdalRaster.ValuesAt(tif, [(602500, 2302500), (802500, 2302500), (700000, 2302500)]);
            Assert.Multiple(() =>
            {
                Assert.That(result.Raster!.Width, Is.GreaterThan(2000), "precondition: 200 km of 100 m cells");
                Assert.That(values[0], Is.EqualTo(1));
                Assert.That(values[1], Is.EqualTo(0), "land beyond the BTS's reach: covered by nobody");
                Assert.That(values[2], Is.NaN.Or.EqualTo(255), "a sparse tile reads as no data");
                Assert.That(new FileInfo(tif).Length, Is.LessThan(20_000), "only two tiles are stored");
            });
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Test]
    public void Rows_AnyTechnologyCommunesAndNoData()
    {
        // CoverageProvince: C1 rural (x < 605000), C2 urban. One Viettel 2G site in C1 at 30 m, 900 MHz, 58 dBm: the rural
        // 2G budget (58 − 3 + 95 = 150 dB) reaches 5.8 km on 3GPP RMa NLOS, so it covers C1's centre and S1, not S2 in
        // C2's far corner. One VNPT 4G site in C2 with only 20 dBm total (−10.8 dBm per resource element) covers just
        // around itself. So: 2G any operator covers S1 only; 4G covers S2 only; any technology covers both (the any-
        // technology row is not the sum). At commune level C1's 4G row (no 4G BTS there, nothing covered) is no data;
        // C2 holds no 2G BTS either, but with the raster C1's site is seen to reach 1.8 km into C2, so C2's 2G row is a
        // measured 0 % of its villages; without the raster nothing in C2 is seen covered by 2G: no data.
        var dataset = new CoverageProvince()
            .Bts("B2G", "Viettel", Technology.G2, 601000, 2305000, bandMHz: 900, heightM: 30, eirpDbm: 58)
            .Bts("B4G", "VNPT", Technology.G4, 609000, 2309000, bandMHz: 1800, heightM: 30, eirpDbm: 20)
            .Settlement("S1", 602000, 2305000, population: 1000)
            .Settlement("S2", 609050, 2309050, population: 500)
            .Build();

        var province = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province) { Raster = false }).Rows;
        var commune = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Commune) { Raster = false }).Rows;
        var communeRaster = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Commune)).Rows;

        CoverageRow Row(IReadOnlyList<CoverageRow> rows, string code, string op, Technology? tech) =>
            rows.Single(r => r.Code == code && r.Operator == op && r.Tech == tech);
        var any = Row(province, "P", CoverageLayer.AnyOperator, null);
        Assert.Multiple(() =>
        {
            Assert.That(province.Select(r => (r.Operator, r.TechLabel)), Is.EqualTo(new[]
            {
                ("*", "2G"), ("Viettel", "2G"), ("*", "4G"), ("VNPT", "4G"), ("*", "*"), ("VNPT", "*"), ("Viettel", "*"),
            }));
            Assert.That(Row(province, "P", "*", Technology.G2).SettlementsCovered, Is.EqualTo(1));
            Assert.That(Row(province, "P", "*", Technology.G4).SettlementsCovered, Is.EqualTo(1));
            Assert.That((any.SettlementsCovered, any.SettlementsCoveredPct, any.PopulationCoveredPct), Is.EqualTo((2, (double?)100.0, (double?)100.0)));
            Assert.That(any.ThresholdDbm, Is.Null);
            Assert.That((any.CommunesTotal, any.CommunesCovered), Is.EqualTo((2, 1)), "C1's centre (602500, 2305000) by 2G; C2's (607500, 2305000) by nobody");
            Assert.That(Row(commune, "C1", "*", Technology.G4).SettlementsCoveredPct, Is.Null, "no 4G BTS in C1 and nothing covered: no data");
            Assert.That(Row(commune, "C1", "*", Technology.G4).CommunesCoveredPct, Is.Null);
            Assert.That(Row(commune, "C2", "*", Technology.G4).SettlementsCoveredPct, Is.EqualTo(100));
            Assert.That(Row(commune, "C2", "*", Technology.G2).SettlementsCoveredPct, Is.Null, "no 2G BTS in C2, nothing seen covered");
            Assert.That(Row(communeRaster, "C2", "*", Technology.G2).SettlementsCoveredPct, Is.EqualTo(0), "C1's site covers cells of C2: measured 0 %");
            Assert.That(Row(communeRaster, "C2", "*", Technology.G2).AreaCoveredPct, Is.InRange(5.0, 30.0));
        });
    }
}
