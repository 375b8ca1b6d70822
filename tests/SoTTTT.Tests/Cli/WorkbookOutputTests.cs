using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// The sharing and approval tables as Excel workbooks (<c>--format xlsx --out FILE.xlsx</c>), read back with
/// ExcelDataReader (an independent reader): every workbook cell must equal the cell of the CSV the same command prints.
/// </summary>
public class WorkbookOutputTests
{
    [Test]
    public void Sharing_Xlsx_SheetsHoldTheCsvValuesUnderVietnameseHeaders()
    {
        using var ds = SmallProvince.Create();
        var path = Path.Combine(ds.Folder, "out", "dung_chung.xlsx");

        var (exit, output, error) = CliRunner.Run("sharing", ds.Folder, "--format", "xlsx", "--out", path);
        var csv = Lines(CliRunner.Run("sharing", ds.Folder, "--format", "csv").Out);

        Assert.That((exit, output), Is.EqualTo((0, string.Empty)), error);
        var sheets = Workbooks.Read(path);
        var units = sheets["Theo đơn vị"];
        Assert.Multiple(() =>
        {
            Assert.That(sheets.Keys, Is.EqualTo(new[] { "Theo đơn vị", "Chưa dùng chung", "Năng lực cột", "Cột cần cải tạo", "Khoảng cách cột", "Cống bể dùng chung", "Đoạn dùng chung", "Ngầm hóa" }));
            Assert.That(units[0][0], Does.StartWith("Dùng chung cột ăng ten theo đơn vị hành chính"));
            Assert.That(units[1], Does.Contain("Tỷ lệ dùng chung (%)").And.Contain("Số vị trí cột"));
            Assert.That(units.Count - 2, Is.EqualTo(csv.Count - 1), "one workbook row per CSV row");
            for (var r = 1; r < csv.Count; r++)
            {
                Assert.That(units[r + 1].Select(Cell), Is.EqualTo(csv[r].Select(Number)), $"row {r}");
            }
        });
    }

    [Test]
    public void Approve_Xlsx_OneRowPerApplicationWithItsVerdict()
    {
        var applications = Path.Combine(DemoSample.Folder, "applications.csv");
        var path = Path.Combine(Path.GetTempPath(), "sotttt-approvals-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            var (exit, _, error) = CliRunner.Run("approve", DemoSample.Folder, applications, "--format", "xlsx", "--out", path, "--lang", "en");
            var csv = Lines(CliRunner.Run("approve", DemoSample.Folder, applications, "--format", "csv").Out);

            Assert.That(exit, Is.Zero, error);
            var sheet = Workbooks.Read(path)["Applications"];
            var verdict = csv[0].IndexOf("verdict");
            Assert.Multiple(() =>
            {
                Assert.That(sheet[1][verdict], Is.EqualTo("Verdict"), "English headers with --lang en");
                Assert.That(sheet.Skip(2).Select(r => r[verdict]), Is.EqualTo(csv.Skip(1).Select(r => r[verdict])));
                Assert.That(sheet.Skip(2).Select(r => Cell(r[0])), Is.EqualTo(csv.Skip(1).Select(r => r[0])), "row numbers as numbers");
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Sharing_XlsxWithoutOut_ExitsTwo()
    {
        using var ds = SmallProvince.Create();

        Assert.That(CliRunner.Run("sharing", ds.Folder, "--format", "xlsx").Exit, Is.EqualTo(2));
    }

    /// <summary>A workbook cell as the CSV writes it: whole numbers without decimals, booleans lower-case, empty for null.</summary>
    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        double d => d.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    /// <summary>A CSV cell with its number written as <see cref="Cell"/> writes one ("2.50" → "2.5"); text as is.</summary>
    private static string Number(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && !(cell.Length > 1 && cell[0] == '0' && char.IsAsciiDigit(cell[1]))
            ? Cell(d)
            : cell;

    private static List<List<string>> Lines(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',').ToList()).ToList();
}
