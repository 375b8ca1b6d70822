using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.Core.Validation;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>
/// The layers of issue 12: <c>subscribers.csv</c>, <c>nodes.csv</c>, the <c>medium</c> of cable routes and the snapshot
/// <c>date</c> of dataset.json — vocabulary (Vietnamese included), every problem at once, export and read back.
/// </summary>
public class SubscribersNodesLoadTests
{
    [Test]
    public void Load_SubscribersNodesCopperAndDate_ReadAsWritten()
    {
        using var ds = SmallProvince.Create();
        SetDate(ds, "2024-12-31");
        ds.File("subscribers.csv", """
            ma_don_vi,nha_mang,dich_vu,so_thue_bao,ngay
            P,Viettel,di động,5000,2024-12
            P,,băng rộng cố định,700,
            C1,VNPT,fixed_phone,120,2024
            """);
        ds.File("nodes.csv", """
            id,loai_hinh,operator,name,x,y
            N1,tổng đài,VNPT,Host Thử,581200,2317100
            N2,OLT,Viettel,,583200,2317200
            N3,tủ cáp,VNPT,,583300,2317300
            """);
        ds.File("fibre_routes.csv", """
            id,operator,placement,cores,loai_cap,wkt
            F1,Viettel,aerial,24,cáp quang,"LINESTRING(580000 2317000, 582000 2317000)"
            F2,VNPT,underground,48,,"LINESTRING(583000 2318400, 584000 2318400)"
            K1,VNPT,aerial,,cáp đồng,"LINESTRING(580000 2316100, 580500 2316100)"
            """);

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        var d = result.Dataset!;
        Assert.Multiple(() =>
        {
            Assert.That(d.Date, Is.EqualTo("2024-12-31"));
            Assert.That(d.Subscribers.Select(s => (s.UnitCode, s.Operator, s.Service, s.Count, s.Date)), Is.EqualTo(new (string, string?, SubscriberService, long, string?)[]
            {
                ("P", "Viettel", SubscriberService.Mobile, 5000, "2024-12"),
                ("P", null, SubscriberService.FixedBroadband, 700, null),
                ("C1", "VNPT", SubscriberService.FixedPhone, 120, "2024"),
            }));
            Assert.That(d.Nodes.Select(n => (n.Id, n.Kind, n.Operator)), Is.EqualTo(new (string, NodeKind, string?)[]
            {
                ("N1", NodeKind.Exchange, "VNPT"), ("N2", NodeKind.Olt, "Viettel"), ("N3", NodeKind.Cabinet, "VNPT"),
            }));
            Assert.That(d.FibreRoutes.Select(f => f.Id), Is.EqualTo(new[] { "F1", "F2" }));
            Assert.That(d.CopperRoutes.Select(f => (f.Id, f.Medium)), Is.EqualTo(new[] { ("K1", CableMedium.Copper) }));
        });
    }

    [Test]
    public void Load_BadSubscribersNodesAndDate_EveryProblemWithRowAndColumn()
    {
        using var ds = SmallProvince.Create();
        ds.File("subscribers.csv", """
            unit_code,operator,service,count,date
            P,Viettel,mobile,950.000,2024
            P,Viettel,telegraph,10,2024
            X9,,mobile,10,2024
            C1,,mobile,-1,2024
            C2,,mobile,10,last year
            C2,,mobile,20,
            C2,,mobile,30,
            """);
        ds.File("nodes.csv", """
            id,kind,x,y
            N1,router,581200,2317100
            N2,olt,abc,2317200
            """);
        ds.File("fibre_routes.csv", """
            id,medium,wkt
            F1,glass,"LINESTRING(580000 2317000, 582000 2317000)"
            """);

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Dataset, Is.Null);
        Assert.That(result.Problems.Select(p => (p.File, p.Row, p.Column, p.Code)), Is.EquivalentTo(new (string, int?, string?, string)[]
        {
            ("subscribers.csv", 2, "count", ProblemCodes.UnparsableNumber),
            ("subscribers.csv", 3, "service", ProblemCodes.UnknownValue),
            ("subscribers.csv", 4, "unit_code", ProblemCodes.MissingAdminUnit),
            ("subscribers.csv", 5, "count", ProblemCodes.ValueOutOfRange),
            ("subscribers.csv", 6, "date", ProblemCodes.UnknownValue),
            ("subscribers.csv", 8, "unit_code", ProblemCodes.DuplicateId),
            ("nodes.csv", 2, "kind", ProblemCodes.UnknownValue),
            ("nodes.csv", 3, "x", ProblemCodes.UnparsableNumber),
            ("fibre_routes.csv", 2, "medium", ProblemCodes.UnknownValue),
        }));
    }

    [Test]
    public void Load_PostalKindOfAnotherOperator_OtherButVnPostTyposStillFail()
    {
        using var ds = SmallProvince.Create();
        ds.File("postal_points.csv", """
            id,kind,operator,x,y
            A,Bưu cục,Viettel Post,581000,2317300
            B,tủ hàng thông minh,,581100,2317300
            C,buu cuc cap 9,VNPost,581200,2317300
            D,buu cuc cap 9,,581300,2317300
            """);

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Problems.Select(p => (p.Row, p.Code)), Is.EquivalentTo(new (int?, string)[]
        {
            (4, ProblemCodes.UnknownPostalKind), (5, ProblemCodes.UnknownPostalKind),
        }));
    }

    [Test]
    public void Load_SnapshotDateNotIso_UnknownValueOnDatasetJson()
    {
        using var ds = SmallProvince.Create();
        SetDate(ds, "31/12/2024");

        var result = DatasetLoader.Load(ds.Folder);

        Assert.That(result.Problems.Select(p => (p.File, p.Column, p.Code)), Is.EqualTo(new[] { ("dataset.json", (string?)"date", ProblemCodes.UnknownValue) }));
    }

    [TestCase("gpkg", "layers.gpkg")]
    [TestCase("shp", "shp")]
    [TestCase("geojson", "geojson")]
    [TestCase("folder", "folder")]
    public void Export_SubscribersNodesCopperAndDate_ReadBackTheSame(string to, string target)
    {
        using var ds = SmallProvince.Create();
        SetDate(ds, "2024-12-31");
        ds.File("subscribers.csv", "unit_code,operator,service,count,date\nP,Viettel,mobile,5000,2024\nC1,,pay_tv,40,\n");
        ds.File("nodes.csv", "id,kind,operator,name,x,y\nN1,switching_point,VNPT,Điểm chuyển mạch Một,581200,2317100\n");
        ds.File("fibre_routes.csv", """
            id,operator,placement,cores,medium,wkt
            F1,Viettel,aerial,24,fibre,"LINESTRING(580000 2317000, 582000 2317000)"
            K1,VNPT,underground,,copper,"LINESTRING(580000 2316100, 580500 2316100)"
            """);
        var work = Path.Combine(Path.GetTempPath(), "sotttt-issue12-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = Path.Combine(work, target);
            var (exit, _, stderr) = CliRunner.Run("export", ds.Folder, "--to", to, "--out", output);
            Assert.That(exit, Is.Zero, stderr);
            if (to == "shp")
            {
                // Units without a polygon (P, D) are left out of a Shapefile export: drop the layer and the counts placed in it.
                foreach (var file in Directory.GetFiles(output, "admin_units.*"))
                {
                    File.Delete(file);
                }

                Assert.That(File.ReadAllText(Path.Combine(output, "subscribers.csv")), Does.Contain("P,Viettel,mobile,5000,2024"));
                File.Delete(Path.Combine(output, "subscribers.csv"));
            }

            var back = DatasetSource.Load(output);

            Assert.That(back.Problems, Is.Empty, string.Join("\n", back.Problems));
            var d = back.Dataset!;
            Assert.Multiple(() =>
            {
                Assert.That(d.Date, Is.EqualTo("2024-12-31"));
                Assert.That(d.Nodes.Select(n => (n.Id, n.Kind, n.Operator, n.Name, Math.Round(n.Location.X, 1))), Is.EqualTo(new[]
                {
                    ("N1", NodeKind.SwitchingPoint, (string?)"VNPT", (string?)"Điểm chuyển mạch Một", 581200.0),
                }));
                Assert.That(d.FibreRoutes.Select(f => f.Id), Is.EqualTo(new[] { "F1" }));
                Assert.That(d.CopperRoutes.Select(f => (f.Id, f.Placement)), Is.EqualTo(new[] { ("K1", (CablePlacement?)CablePlacement.Underground) }));
                if (to != "shp")
                {
                    Assert.That(d.Subscribers.Select(s => (s.UnitCode, s.Operator, s.Service, s.Count, s.Date)), Is.EqualTo(new (string, string?, SubscriberService, long, string?)[]
                    {
                        ("P", "Viettel", SubscriberService.Mobile, 5000, "2024"),
                        ("C1", null, SubscriberService.PayTv, 40, null),
                    }));
                }
            });
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static void SetDate(TempDataset ds, string date)
    {
        var path = Path.Combine(ds.Folder, "dataset.json");
        var json = File.ReadAllText(path).TrimEnd();
        File.WriteAllText(path, json[..json.LastIndexOf('}')].TrimEnd() + $",\n  \"date\": \"{date}\"\n}}\n");
    }
}
