using NUnit.Framework;
using SoTTTT.Core.Validation;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>Issue 11: <c>sotttt import</c> on lists shaped like the real ones (an operator's site list, GADM, OpenStreetMap).</summary>
public class ImportCommandTests
{
    /// <summary>An operator's site list: Vietnamese headers, toadoX = latitude, 1/0 status, sites at (0, 0) with no position yet.</summary>
    private const string OperatorList = """
        ma_tram,ten_tram,toadoX,toadoY,trang_thai
        VT001,Trạm Một,9.9012,106.2251,1
        VT002,Trạm Hai,9.8513,106.2751,1
        VT003,Trạm Ba,0,0,1
        VT004,Trạm Bốn,9.9514,106.3252,0
        VT005,Trạm Năm,0,0,0
        """;

    [Test]
    public void Import_OneZeroStatusWithoutMapping_Exit2NamesTheMapOption()
    {
        using var ds = MekongProvince.Create();
        ds.File("list.csv", OperatorList);
        var before = ds.Snapshot();
        var (exit, _, error) = CliRunner.Run("import", Path.Combine(ds.Folder, "list.csv"), "--layer", "towers", "--into", ds.Folder, "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("list.csv, row 2, column 'trang_thai' (id VT001): UNKNOWN_VALUE").And.Contain("--map status=1:existing,0:decommissioned"));
            Assert.That(error, Does.Contain("list.csv, row 4, column 'toadoY' (id VT003): COORDINATE_OUTSIDE_VIETNAM: (0, 0) is a placeholder"));
            Assert.That(ds.Snapshot(), Is.EqualTo(before), "nothing written");
        });
    }

    [Test]
    public void Import_MapColumnsValuesAndSkipInvalid_WritesValidRowsAndRejects()
    {
        using var ds = MekongProvince.Create();
        ds.File("list.csv", OperatorList);
        File.Delete(Path.Combine(ds.Folder, "towers.csv"));
        var (exit, _, error) = CliRunner.Run(
            "import", Path.Combine(ds.Folder, "list.csv"), "--layer", "towers", "--into", ds.Folder, "--lang", "en",
            "--column", "toadoX=lat", "--column", "toadoY=lon", "--map", "status=1:existing,0:decommissioned", "--skip-invalid");
        Assert.That(exit, Is.Zero, error);
        var towers = File.ReadAllLines(Path.Combine(ds.Folder, "towers.csv"));
        var rejects = File.ReadAllLines(Path.Combine(ds.Folder, "rejects.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(towers.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "VT001", "VT002", "VT004" }));
            Assert.That(towers[3], Does.Contain("decommissioned"));
            Assert.That(rejects[0], Is.EqualTo("row,id,code,message,column,file"));
            Assert.That(rejects.Skip(1).Select(l => l.Split(',')[0] + " " + l.Split(',')[1] + " " + l.Split(',')[2]), Is.EqualTo(new[]
            {
                "4 VT003 " + ProblemCodes.CoordinateOutsideVietnam, "6 VT005 " + ProblemCodes.CoordinateOutsideVietnam,
            }));
            Assert.That(error, Does.Contain("Imported 3 rows").And.Contain("Skipped 2 invalid row(s) (2 COORDINATE_OUTSIDE_VIETNAM)"));
        });

        // The decommissioned tower is kept in the list but is no position; the two existing ones are, BTS or not.
        var (_, json, _) = CliRunner.Run("indicators", ds.Folder, "--format", "json");
        Assert.That(json, Does.Contain("\"tower_positions\": 8"), "VT001 (B01 on it), VT002 (B02, B14), VT004 (decommissioned, but B03 stands on it), ~B04, ~B05, ~B06, ~B07, ~B13");
    }

    [Test]
    public void Import_GadmProvinces_ListsColumnsFoundAndSuggestsTheMapping()
    {
        using var ds = new TempDataset("GADM");
        ds.File("gadm41_VNM_1.geojson", """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"GID_0": "VNM", "GID_1": "VNM.57_1", "NAME_1": "TràVinh", "TYPE_1": "Tỉnh", "ENGTYPE_1": "Province"},
               "geometry": {"type": "Polygon", "coordinates": [[[106.2, 9.8], [106.4, 9.8], [106.4, 10.0], [106.2, 10.0], [106.2, 9.8]]]}}
            ]}
            """);
        var file = Path.Combine(ds.Folder, "gadm41_VNM_1.geojson");
        var (exit, _, error) = CliRunner.Run("import", file, "--layer", "admin_units", "--into", ds.Folder, "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("gadm41_VNM_1.geojson, column 'code': MISSING_REQUIRED_COLUMN: required column 'code' is missing; columns found: gid_0, gid_1, name_1, type_1, engtype_1"));
            Assert.That(error, Does.Contain("GADM level-1 layer: import it with --column GID_1=code --column NAME_1=name --column TYPE_1=level"));
        });

        var mapped = CliRunner.Run("import", file, "--layer", "admin_units", "--into", ds.Folder, "--column", "GID_1=code", "--column", "NAME_1=name", "--column", "TYPE_1=level");
        Assert.That(mapped.Exit, Is.Zero, mapped.Err);
        var (_, table, _) = CliRunner.Run("indicators", ds.Folder, "--format", "csv");
        Assert.That(table, Does.Contain("VNM.57_1,TràVinh,province"));
    }

    [Test]
    public void Import_OsmMastsWithoutId_OneProblemForTheColumnThenImportedAsPositions()
    {
        using var ds = MekongProvince.Create();
        File.Delete(Path.Combine(ds.Folder, "towers.csv"));
        ds.File("masts.geojson", """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"ref": "VT-101", "man_made": "mast", "tower:type": "communication", "operator": "Viettel", "height": "30"},
               "geometry": {"type": "Point", "coordinates": [106.2602, 9.8203]}},
              {"type": "Feature", "properties": {"ref": "VNPT-7", "man_made": "mast", "tower:type": "communication", "operator": "VNPT"},
               "geometry": {"type": "Point", "coordinates": [106.3302, 9.9703]}}
            ]}
            """);
        var file = Path.Combine(ds.Folder, "masts.geojson");
        var (exit, _, error) = CliRunner.Run("import", file, "--layer", "towers", "--into", ds.Folder, "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error.Split('\n').Count(l => l.Contains("MISSING", StringComparison.Ordinal)), Is.EqualTo(1), error);
            Assert.That(error, Does.Contain("required column 'id' is missing").And.Contain("OpenStreetMap masts").And.Contain("--column ref=id --column operator=owner"));
        });

        var mapped = CliRunner.Run("import", file, "--layer", "towers", "--into", ds.Folder, "--column", "ref=id", "--column", "operator=owner");
        Assert.That(mapped.Exit, Is.Zero, mapped.Err);
        var towers = File.ReadAllText(Path.Combine(ds.Folder, "towers.csv"));
        Assert.That(towers, Does.Contain("VT-101,Viettel").And.Contain("30"));
        var (_, json, _) = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--format", "json");
        Assert.That(json, Does.Contain("\"code\": \"840102\"").And.Contain("\"tower_positions\": 3"), "VT-101 carries no BTS and still counts, beside ~B02 and ~B05");
    }
}
