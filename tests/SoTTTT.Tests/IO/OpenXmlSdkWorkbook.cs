using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;

namespace SoTTTT.Tests.IO;

/// <summary>
/// The reference for <see cref="XlsxTableWriter"/>: the same workbook built with the Open XML SDK's document model
/// (every cell an object, saved by the SDK's package, then made reproducible by <see cref="DeterministicZip"/>), the
/// way SoTTTT wrote workbooks until 2026-12-03. Slow (8.6 s on the national sharing workbook) but written through the
/// SDK's own serialisation, so the streamed writer is checked against it byte for byte (the sheet and column names are
/// the writer's own, <see cref="XlsxTableWriter.SheetName"/> and <see cref="XlsxTableWriter.ColumnName"/>). One change from the old writer:
/// a boolean cell is <c>1</c>/<c>0</c> (MS-OI29500 2.1.659), where <c>new CellValue(bool)</c> gives <c>true</c>/<c>false</c>.
/// </summary>
internal static class OpenXmlSdkWorkbook
{
    private const uint BoldStyle = 1;

    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = XlsxTableWriter.SheetName(sheet.Name, used) });
            }

            workbook.Workbook.Save();
        }

        DeterministicZip.Copy(buffer, stream);
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var data = new SheetData();
        uint rowIndex = 0;
        if (sheet.Title is { Length: > 0 } title)
        {
            data.Append(new Row([TextCell(title, BoldStyle)]) { RowIndex = ++rowIndex });
        }

        var headerRow = ++rowIndex;
        data.Append(new Row(sheet.Columns.Select(c => TextCell(c.Header, BoldStyle))) { RowIndex = headerRow });
        foreach (var values in sheet.Rows)
        {
            var row = new Row { RowIndex = ++rowIndex };
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                row.Append(ValueCell(i < values.Count ? values[i] : null, sheet.Columns[i].Type));
            }

            data.Append(row);
        }

        var columns = new Columns(sheet.Columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Math.Clamp(c.Header.Length + 2, 8, 40),
            CustomWidth = true,
        }));
        var view = new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = headerRow,
                TopLeftCell = $"A{headerRow + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
        { WorkbookViewId = 0 });
        var worksheet = new Worksheet(view, columns, data);
        if (sheet.Columns.Count > 0)
        {
            worksheet.Append(new AutoFilter { Reference = $"A{headerRow}:{XlsxTableWriter.ColumnName(sheet.Columns.Count - 1)}{Math.Max(rowIndex, headerRow)}" });
        }

        return worksheet;
    }

    private static Cell TextCell(string text, uint style = 0) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(FormulaGuard.Neutralise(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell ValueCell(object? value, FieldType type) => value switch
    {
        null => new Cell(),
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        double d when type != FieldType.Text && double.IsFinite(d) => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
        long l when type != FieldType.Text => new Cell { DataType = CellValues.Number, CellValue = new CellValue((decimal)l) },
        int n when type != FieldType.Text => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) },
        _ => TextCell(DatasetLayers.CellText(value) ?? string.Empty),
    };

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
