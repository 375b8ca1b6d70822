using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>Operators' workbooks (.xlsx) in a dataset folder go through the CSV column mapping and checks.</summary>
[TestFixture]
public sealed class ExcelTableReaderTests
{
    private static readonly XlsxColumn[] BtsHeader =
    [
        new("Mã trạm", FieldType.Text), new("Nhà mạng", FieldType.Text), new("Công nghệ", FieldType.Text),
        new("Kinh độ", FieldType.Real), new("Vĩ độ", FieldType.Real),
    ];

    [Test]
    public void Load_BtsWorkbookWithTitleRowAndVietnameseHeaders_ReadsEverySheet()
    {
        using var ds = new TempDataset("Excel");
        WriteWorkbook(ds, "bts.xlsx",
            new XlsxSheet("Viettel", "DANH SÁCH TRẠM BTS VIETTEL", BtsHeader, [["VT001", "Viettel", "4G", 106.3, 20.95], ["VT002", "viettel", "LTE", 106.31, 20.951]]),
            new XlsxSheet("VNPT", null, BtsHeader, [["VN001", "VinaPhone", "3G", 106.32, 20.952]]),
            new XlsxSheet("Ghi chú", null, [new("Ghi chú", FieldType.Text)], [["Số liệu tháng 6/2025"]]));

        var loaded = DatasetLoader.Load(ds.Folder);

        Assert.That(loaded.Problems, Is.Empty);
        Assert.That(loaded.Dataset!.Bts.Select(b => (b.Id, b.Operator, Codes.Label(b.Tech))), Is.EqualTo(new[]
        {
            ("VT001", "Viettel", "4G"), ("VT002", "Viettel", "4G"), ("VN001", "VNPT", "3G"),
        }));
    }

    [Test]
    public void Load_BtsWorkbook_GivesTheSamePositionsAsTheCsv()
    {
        using var csv = new TempDataset("Excel");
        csv.File("bts.csv", "ma_tram,nha_mang,cong_nghe,kinh_do,vi_do\nVT001,Viettel,4G,106.3,20.95\n");
        using var xlsx = new TempDataset("Excel");
        WriteWorkbook(xlsx, "bts.xlsx", new XlsxSheet("BTS", null, BtsHeader, [["VT001", "Viettel", "4G", 106.3, 20.95]]));

        var fromCsv = DatasetLoader.Load(csv.Folder).Dataset!.Bts.Single();
        var fromXlsx = DatasetLoader.Load(xlsx.Folder).Dataset!.Bts.Single();

        Assert.That(fromXlsx, Is.EqualTo(fromCsv));
    }

    [Test]
    public void Load_BadCells_ReportsSheetExcelRowAndColumnAsWritten()
    {
        using var ds = new TempDataset("Excel");
        WriteWorkbook(ds, "bts.xlsx",
            new XlsxSheet("Viettel", "DANH SÁCH TRẠM", BtsHeader, [["VT001", "Viettel", "4G", 106.3, 20.95], ["VT002", "Viettel", "6G", 20.95, 106.3]]),
            new XlsxSheet("Khác", null, BtsHeader, [["X1", "Telekom", "4G", "106,3", 20.95]]));

        var loaded = DatasetLoader.Load(ds.Folder);

        // Sheet 'Viettel': title on row 1, header on row 2, data from row 3.
        Assert.That(loaded.Problems.Select(p => (p.Code, p.File, p.Row, p.Column, p.FeatureId)), Is.EquivalentTo(new[]
        {
            ("UNKNOWN_TECH", "bts.xlsx, sheet 'Viettel'", (int?)4, "Công nghệ", "VT002"),
            ("LAT_LON_SWAPPED", "bts.xlsx, sheet 'Viettel'", (int?)4, "Kinh độ", "VT002"),
            ("UNKNOWN_OPERATOR", "bts.xlsx, sheet 'Khác'", (int?)2, "Nhà mạng", "X1"),
            ("UNPARSABLE_NUMBER", "bts.xlsx, sheet 'Khác'", (int?)2, "Kinh độ", "X1"),
        }));
    }

    [Test]
    public void Load_WorkbookWithoutRecognisedHeader_ReportsMissingColumns()
    {
        using var ds = new TempDataset("Excel");
        WriteWorkbook(ds, "towers.xlsx", new XlsxSheet("Sheet1", null, [new("A", FieldType.Text), new("B", FieldType.Text)], [["1", "2"]]));

        var loaded = DatasetLoader.Load(ds.Folder);

        Assert.That(loaded.Problems.Select(p => (p.Code, p.File)), Is.EqualTo(new[] { ("MISSING_REQUIRED_COLUMN", "towers.xlsx, sheet 'Sheet1'") }));
    }

    [Test]
    public void Load_CsvAndWorkbookOfOneLayer_IsADuplicateLayer()
    {
        using var ds = new TempDataset("Excel");
        ds.File("bts.csv", "id,operator,tech,lon,lat\nB1,Viettel,4G,106.3,20.95\n");
        WriteWorkbook(ds, "bts.xlsx", new XlsxSheet("BTS", null, BtsHeader, [["VT001", "Viettel", "4G", 106.3, 20.95]]));

        var loaded = DatasetLoader.Load(ds.Folder);

        Assert.That(loaded.Problems.Select(p => p.Code), Is.EqualTo(new[] { "DUPLICATE_LAYER" }));
    }

    internal static void WriteWorkbook(TempDataset ds, string name, params XlsxSheet[] sheets) =>
        XlsxTableWriter.Write(Path.Combine(ds.Folder, name), sheets);
}
