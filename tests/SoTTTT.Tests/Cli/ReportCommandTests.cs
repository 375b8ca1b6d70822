using System.Globalization;
using NUnit.Framework;
using SoTTTT.IO.Layers;
using SoTTTT.Tests.Indicators;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// <c>sotttt report</c>: the yearly report workbook read back with ExcelDataReader (an independent reader) must hold, cell by
/// cell, what <c>indicators --format csv</c> prints for the same unit, level and column.
/// </summary>
public class ReportCommandTests
{
    [Test]
    public void Report_Workbook_EqualsIndicatorsCellByCell()
    {
        using var ds = DepartmentFiguresTests.Province();
        var outDir = Path.Combine(ds.Folder, "report");

        var (exit, _, stderr) = CliRunner.Run("report", ds.Folder, "--out", outDir);

        Assert.That(exit, Is.Zero, stderr);
        var sheets = Workbooks.Read(Path.Combine(outDir, "report.xlsx"));
        Assert.That(sheets.Keys, Is.EqualTo(new[] { "Bưu chính", "Viễn thông", "Dùng chung", "Phủ sóng", "Thuê bao" }));
        var compared = 0;
        foreach (var level in new[] { "province", "district", "commune" })
        {
            var csv = CliRunner.Run("indicators", ds.Folder, "--level", level, "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
            var columnOf = csv[0].Select((name, i) => (Title: IndicatorHeaders.Title(name), i)).ToDictionary(x => x.Title, x => x.i);
            foreach (var (name, rows) in sheets)
            {
                var headers = rows[1].Select(h => h?.ToString() ?? string.Empty).ToList();
                var levelColumn = headers.IndexOf(IndicatorHeaders.Title("level"));
                foreach (var row in rows.Skip(2).Where(r => (string?)r[levelColumn] == level))
                {
                    var expected = csv.Single(r => r[0] == (string?)row[0]);
                    for (var c = 0; c < headers.Count; c++)
                    {
                        // A column another level has (a province-wide count) is empty in this level's rows.
                        var want = columnOf.TryGetValue(headers[c], out var i) ? Number(expected[i]) : string.Empty;
                        Assert.That(Cell(row[c]), Is.EqualTo(want), $"{name}, {row[0]}, {headers[c]}");
                        compared++;
                    }
                }
            }
        }

        // 4 units (P, D, C1, C2) in every sheet, each with at least its 4 identity columns and one figure.
        Assert.That(compared, Is.GreaterThan(4 * 5 * 5));
        var subscribers = sheets["Thuê bao"];
        Assert.That(subscribers[1], Does.Contain("Thuê bao di động/100 dân"));
    }

    [Test]
    public void Report_CompareInEnglish_ChangeSheetWithOldNewChange()
    {
        using var older = SmallProvince.Create();
        using var newer = DepartmentFiguresTests.Province();
        var outDir = Path.Combine(newer.Folder, "report");

        var (exit, _, stderr) = CliRunner.Run("report", newer.Folder, "--compare", older.Folder, "--out", outDir, "--lang", "en");

        Assert.That(exit, Is.Zero, stderr);
        var sheets = Workbooks.Read(Path.Combine(outDir, "report.xlsx"));
        var change = sheets["Change"];
        Assert.Multiple(() =>
        {
            Assert.That(sheets.Keys, Is.EqualTo(new[] { "Postal", "Telecom", "Sharing", "Coverage", "Subscribers", "Change" }));
            Assert.That(change[1], Is.EqualTo(new object?[] { "Level", "Code", "Unit", "Indicator (column)", "Old", "New", "Change", "Change (%)" }));

            // Fibre routes of the province: F1, F2 → F1, F2, F3: 2 → 3, +1, +50 %.
            var fibre = change.Single(r => (string?)r[0] == "province" && (string?)r[3] == "fibre_routes");
            Assert.That(fibre.Skip(4).Select(Cell), Is.EqualTo(new[] { "2", "3", "1", "50" }));
        });
    }

    [Test]
    public void Report_TwoProvinces_ChartsABarPerProvinceNotPerCommune()
    {
        // A national dataset's charts had a bar per commune (3,300 bars, 145,000 px tall, 35 s to draw); a bar per
        // province is what a reader can use.
        using var ds = new TempDataset("Hai tỉnh", "VN2000:105.5");
        ds.File("admin_units.csv", """
            code,name,level,parent_code,wkt
            P1,Tỉnh Một,province,,"POLYGON((580000 2316000, 584000 2316000, 584000 2317000, 580000 2317000, 580000 2316000))"
            P2,Tỉnh Hai,province,,"POLYGON((584000 2316000, 588000 2316000, 588000 2317000, 584000 2317000, 584000 2316000))"
            C1,Xã Một,commune,P1,"POLYGON((580000 2316000, 582000 2316000, 582000 2317000, 580000 2317000, 580000 2316000))"
            C2,Xã Hai,commune,P1,"POLYGON((582000 2316000, 584000 2316000, 584000 2317000, 582000 2317000, 582000 2316000))"
            C3,Xã Ba,commune,P2,"POLYGON((584000 2316000, 588000 2316000, 588000 2317000, 584000 2317000, 584000 2316000))"
            """);
        var outDir = Path.Combine(ds.Folder, "report");

        var (exit, _, stderr) = CliRunner.Run("report", ds.Folder, "--out", outDir);

        Assert.That(exit, Is.Zero, stderr);
        // PNG header (ISO/IEC 15948, IHDR): width and height, big-endian, at bytes 16 and 20; the chart is 260 px plus 44 px a bar.
        var png = File.ReadAllBytes(Path.Combine(outDir, "chart_bts.png"));
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(260 + (2 * 44)));
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(outDir, "report.docx"), false);
        Assert.That(document.MainDocumentPart!.Document!.Body!.InnerText, Does.Contain("Số trạm BTS theo tỉnh").And.Not.Contain("theo xã"));
    }

    [Test]
    public void Report_WithoutOut_ExitTwo()
    {
        using var ds = SmallProvince.Create();

        Assert.That(CliRunner.Run("report", ds.Folder).Exit, Is.EqualTo(2));
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.############", CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static string Number(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !(cell.Length > 1 && cell[0] == '0' && char.IsAsciiDigit(cell[1]))
            ? Cell(d)
            : cell;
}
