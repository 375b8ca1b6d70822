using System.Text;
using NUnit.Framework;
using SoTTTT.Core.Validation;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

public class DatasetLoaderTests
{
    private static List<(string File, int? Row, string? Column, string Code)> Found(LoadResult result) =>
        result.Problems.Select(p => (p.File, p.Row, p.Column, p.Code)).ToList();

    [Test]
    public void Load_SmallProvince_AllLayersInAnalysisCrs()
    {
        using var ds = SmallProvince.Create();
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        var d = result.Dataset!;
        Assert.Multiple(() =>
        {
            Assert.That(d.Crs.Name, Is.EqualTo("VN2000:105.5"));
            Assert.That(d.AdminUnits, Has.Count.EqualTo(4));
            Assert.That(d.Settlements, Has.Count.EqualTo(3));
            Assert.That(d.Bts, Has.Count.EqualTo(5));
            Assert.That(d.Bts.Single(b => b.Id == "B2").Operator, Is.EqualTo("VNPT"), "VinaPhone is VNPT's brand");
            Assert.That(d.Settlements[0].Location.X, Is.EqualTo(581000));
            Assert.That(d.Layers, Does.Not.Contain("zones"));
        });
    }

    [Test]
    public void Load_BadDataset_ReportsEveryProblemWithFileRowColumn()
    {
        using var ds = new TempDataset("Hỏng", "VN2000:105.5");
        ds.File("admin_units.csv", """
            code,name,level,parent_code,wkt
            P,Tỉnh,province,,
            C1,Xã Một,village,P,
            C2,Xã Hai,commune,ZZ,
            C3,Xã Nơ,commune,P,"POLYGON((580000 2316000, 582000 2318000, 582000 2316000, 580000 2318000, 580000 2316000))"
            """);
        ds.File("towers.csv", """
            id,type,height_m,lon,lat
            T1,A2b,30,20.95,106.3
            T2,A2b,30,583000,2317000
            T3,A2b,30,106.3,20.95
            T3,A2b,30,106.31,20.95
            T5,B9,30,106.32,20.95
            T6,A2a,abc,106.33,20.95
            T7,A2a,20,100.5,13.75
            """);
        ds.File("settlements.csv", """
            id,commune_code,x,y
            S1,C2,106.3,20.95
            S2,C2,2317000,583000
            S3,XX,583000,2317000
            """);
        ds.File("postal_points.csv", "id,kind,x,y\nPP1,shop,583000,2317000\n");
        ds.File("bts.csv", """
            id,operator,tech,tower_id,lon,lat
            B1,Orange,4G,T3,106.3,20.95
            B2,Viettel,6G,T3,106.3,20.95
            B3,Viettel,4G,T99,106.3,20.95
            """);
        ds.File("fibre_routes.csv", """
            id,wkt
            F1,"LINESTRING(580000 2316000, 581000"
            F2,POINT(580000 2316000)
            """);
        var before = ds.Snapshot();

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Dataset, Is.Null);
        Assert.That(Found(result), Is.EquivalentTo(new (string, int?, string?, string)[]
        {
            ("admin_units.csv", 3, "level", ProblemCodes.UnknownLevel),
            ("admin_units.csv", 4, "parent_code", ProblemCodes.MissingParent),
            ("admin_units.csv", 5, "wkt", ProblemCodes.InvalidPolygon),
            ("towers.csv", 2, "lon", ProblemCodes.LatLonSwapped),
            ("towers.csv", 3, "lon", ProblemCodes.MetresWhereDegreesExpected),
            ("towers.csv", 5, "id", ProblemCodes.DuplicateId),
            ("towers.csv", 6, "type", ProblemCodes.UnknownTowerType),
            ("towers.csv", 7, "height_m", ProblemCodes.UnparsableNumber),
            ("towers.csv", 8, "lon", ProblemCodes.CoordinateOutsideVietnam),
            ("settlements.csv", 2, "x", ProblemCodes.DegreesWhereMetresExpected),
            ("settlements.csv", 3, "x", ProblemCodes.XySwapped),
            ("settlements.csv", 4, "commune_code", ProblemCodes.MissingAdminUnit),
            ("postal_points.csv", 2, "kind", ProblemCodes.UnknownPostalKind),
            ("bts.csv", 2, "operator", ProblemCodes.UnknownOperator),
            ("bts.csv", 3, "tech", ProblemCodes.UnknownTech),
            ("bts.csv", 4, "tower_id", ProblemCodes.MissingTower),
            ("fibre_routes.csv", 2, "wkt", ProblemCodes.UnparsableWkt),
            ("fibre_routes.csv", 3, "wkt", ProblemCodes.WrongGeometryType),
        }));
        Assert.That(ds.Snapshot(), Is.EqualTo(before), "input files are never modified");
    }

    [Test]
    public void Load_MissingRequiredColumns_ReportedOnHeaderRow()
    {
        using var ds = new TempDataset();
        ds.File("bts.csv", "id,operator,lon,lat\nB1,Viettel,106.3,20.95\n");
        ds.File("settlements.csv", "id,name\nS1,Thôn\n");
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(Found(result), Is.EquivalentTo(new (string, int?, string?, string)[]
        {
            ("bts.csv", 1, "tech", ProblemCodes.MissingRequiredColumn),
            ("settlements.csv", 1, null, ProblemCodes.MissingPositionColumns),
        }));
    }

    [Test]
    public void Load_NotUtf8_ClearEncodingProblem()
    {
        using var ds = new TempDataset();

        // "Xã" in Windows-1258 is 58 E3: E3 cannot start a UTF-8 sequence followed by ','.
        ds.Bytes("settlements.csv", [.. Encoding.ASCII.GetBytes("id,name,lon,lat\nS1,X"), 0xE3, .. Encoding.ASCII.GetBytes(",106.3,20.95\n")]);
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(Found(result), Is.EqualTo(new (string, int?, string?, string)[] { ("settlements.csv", null, null, ProblemCodes.EncodingNotUtf8) }));
    }

    [Test]
    public void Load_Utf8BomAndVietnameseHeaders_Accepted()
    {
        using var ds = new TempDataset();
        var csv = "Mã,Tên thôn,Kinh độ,Vĩ độ,Dân số\nS1,Thôn Đông,106.3,20.95,1200\n";
        ds.Bytes("settlements.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]);
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        var s = result.Dataset!.Settlements.Single();
        Assert.Multiple(() =>
        {
            Assert.That(s.Id, Is.EqualTo("S1"));
            Assert.That(s.Name, Is.EqualTo("Thôn Đông"));
            Assert.That(s.Population, Is.EqualTo(1200));

            // Geographic input: the analysis CRS is the national-table TM-3 zone nearest 106.3°E.
            Assert.That(result.Dataset.Crs.IsGeographic, Is.False);
        });
    }

    [Test]
    public void Load_VietnameseSurveyXy_ToaDoXIsNorthing()
    {
        using var ds = new TempDataset("Khảo sát", "VN2000:105.5");
        ds.File("settlements.csv", "ma,toa_do_x,toa_do_y\nS1,2317000,583000\n");
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        var p = result.Dataset!.Settlements.Single().Location;
        Assert.That((p.X, p.Y), Is.EqualTo((583000.0, 2317000.0)));
    }

    [Test]
    public void Load_GeoJsonLayer_SameRecordsAsCsv()
    {
        using var ds = new TempDataset("GeoJSON", "VN2000:105.5");
        ds.File("postal_points.geojson", """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "PP1", "properties": {"name": "Bưu cục Trung tâm", "kind": "post_office_1"},
               "geometry": {"type": "Point", "coordinates": [106.3, 20.95]}},
              {"type": "Feature", "properties": {"id": "PP2", "kind": "kiosk"},
               "geometry": {"type": "Point", "coordinates": [20.95, 106.3]}}
            ]}
            """);
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(Found(result), Is.EqualTo(new (string, int?, string?, string)[] { ("postal_points.geojson", 2, "geometry", ProblemCodes.LatLonSwapped) }));
    }

    [Test]
    public void Load_InvalidPolygonWithRepair_LoadsAndNotes()
    {
        using var ds = new TempDataset("Sửa", "VN2000:105.5");
        ds.File("admin_units.csv", """
            code,name,level,wkt
            C3,Xã Nơ,commune,"POLYGON((580000 2316000, 582000 2318000, 582000 2316000, 580000 2318000, 580000 2316000))"
            """);
        var result = DatasetLoader.Load(ds.Folder, new LoadOptions(RepairPolygons: true));
        Assert.Multiple(() =>
        {
            Assert.That(result.Problems, Is.Empty);
            Assert.That(result.Notices.Select(n => n.Code), Is.EqualTo(new[] { ProblemCodes.InvalidPolygon }));
            Assert.That(result.Dataset!.AdminUnits.Single().Boundary!.IsValid, Is.True);
        });
    }

    [Test]
    public void Load_InvalidPolygon_LocatedInLonLat()
    {
        // Issue 11: a user needs lon/lat to find the spot. The bow-tie crosses itself at (581000, 2317000) in VN-2000
        // TM-3 105°30'; its lon/lat comes from the coordinate transformer CoordinateTransformerTests checks against PROJ.
        using var ds = new TempDataset("Sửa", "VN2000:105.5");
        ds.File("admin_units.csv", """
            code,name,level,wkt
            C3,Xã Nơ,commune,"POLYGON((580000 2316000, 582000 2318000, 582000 2316000, 580000 2318000, 580000 2316000))"
            """);
        var problem = DatasetLoader.Load(ds.Folder).Problems.Single();
        var (lon, lat) = Core.Crs.CoordinateTransformer.Create(Core.Crs.CrsRegistry.Parse("VN2000:105.5"), Core.Crs.CrsRegistry.Wgs84).Transform(581000, 2317000);
        Assert.Multiple(() =>
        {
            Assert.That(problem.Code, Is.EqualTo(ProblemCodes.InvalidPolygon));
            Assert.That(problem.Message, Does.Contain(FormattableString.Invariant($"lon {lon:0.000000}, lat {lat:0.000000}")));
        });
    }

    [Test]
    public void Load_NoDatasetJson_Problem()
    {
        using var ds = new TempDataset();
        File.Delete(Path.Combine(ds.Folder, "dataset.json"));
        var result = DatasetLoader.Load(ds.Folder);
        Assert.That(result.Problems.Select(p => (p.File, p.Code)), Is.EqualTo(new[] { ("dataset.json", ProblemCodes.MissingRequiredField) }));
    }
}
