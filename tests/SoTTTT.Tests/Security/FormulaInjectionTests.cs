using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NUnit.Framework;
using SoTTTT.IO.Writing;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>
/// Issue 15, finding 7 (spreadsheets): text cells that Excel would run as formulas get the OWASP "CSV Injection"
/// prefix <c>'</c>; numbers (negative ones included) and WKT stay as they are.
/// </summary>
public sealed class FormulaInjectionTests
{
    [TestCase("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [TestCase("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [TestCase("-2+3", "'-2+3")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tx", "'\tx")]
    [TestCase("\rx", "'\rx")]
    [TestCase("-95.0", "-95.0")]
    [TestCase("-1.5e-3", "-1.5e-3")]
    [TestCase("+12", "+12")]
    [TestCase("POINT (105.1 20.9)", "POINT (105.1 20.9)")]
    [TestCase("Xã Một", "Xã Một")]
    [TestCase("", "")]
    public void Neutralise_Cell_FollowsTheOwaspRule(string cell, string expected)
    {
        Assert.That(FormulaGuard.Neutralise(cell), Is.EqualTo(expected));
    }

    [Test]
    public void Indicators_CsvAndXlsx_FormulaNamesNeutralisedNumbersKept()
    {
        using var ds = SmallProvince.Create();
        ds.File("admin_units.csv", """
            code,name,level,parent_code,area_km2,population,urban,wkt
            P,"=HYPERLINK(""http://evil.example"",""x"")",province,,10,7000,,
            D,@SUM(A1),district,P,,,,
            C1,Xã Một,commune,D,,,false,"POLYGON((580000 2316000, 582000 2316000, 582000 2318000, 580000 2318000, 580000 2316000))"
            C2,-Phường Hai,commune,D,,,true,"POLYGON((582000 2316000, 584000 2316000, 584000 2318000, 582000 2318000, 582000 2316000))"
            """);
        var xlsx = Path.Combine(ds.Folder, "out", "i.xlsx");

        var (exit, output, error) = CliRunner.Run("indicators", ds.Folder, "--level", "commune", "--format", "csv");
        var (xlsxExit, _, xlsxError) = CliRunner.Run("indicators", ds.Folder, "--level", "province", "--format", "xlsx", "--out", xlsx);

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(xlsxExit, Is.EqualTo(0), xlsxError);
        var lines = output.Split('\n');
        Assert.That(lines.Single(l => l.StartsWith("C2,", StringComparison.Ordinal)), Does.StartWith("C2,'-Phường Hai,"));
        var texts = SheetTexts(xlsx);
        Assert.Multiple(() =>
        {
            Assert.That(texts, Does.Contain("'=HYPERLINK(\"http://evil.example\",\"x\")"));
            Assert.That(texts.Where(t => t.StartsWith('=') || t.StartsWith('@')), Is.Empty);
        });
    }

    [Test]
    public void Coverage_CsvThresholds_NegativeNumbersStayNumbers()
    {
        using var ds = SmallProvince.Create();

        var (exit, output, error) = CliRunner.Run("coverage", ds.Folder, "--format", "csv");

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain(",-110"));
        Assert.That(output, Does.Not.Contain("'-"));
    }

    private static List<string> SheetTexts(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        return [.. doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Text>()).Select(t => t.Text)];
    }
}
