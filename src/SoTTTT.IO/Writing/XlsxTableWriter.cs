using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Writes tables to an Excel workbook (.xlsx, Office Open XML SpreadsheetML): one sheet per <see cref="XlsxSheet"/>,
/// title and header rows in bold, the header row frozen with an auto-filter, numbers as numbers, text as inline strings
/// (Vietnamese kept as is; a text cell a spreadsheet would run as a formula gets a leading <c>'</c>,
/// <see cref="FormulaGuard"/>); the same tables give the same bytes. The file appears only when complete
/// (<see cref="AtomicFile"/>).
/// <para>
/// The parts are streamed row by row with <see cref="XmlWriter"/> into a <see cref="ZipArchive"/>, in the layout,
/// order and serialisation the Open XML SDK's document model gives after <see cref="DeterministicZip"/> (fixed time
/// stamps, relationship ids <c>rIdS1</c> …): every part the same bytes, which a test checks against the SDK on random
/// tables (the compressed bytes differ: zlib-ng's output depends on how the input arrives). One
/// difference on purpose: a boolean cell holds <c>1</c> or <c>0</c>, as MS-OI29500 2.1.659 says and Excel writes; the
/// SDK wrote <c>true</c>/<c>false</c>, which Excel reads but LibreOffice Calc and Google Sheets show wrongly.
/// The SDK's model held every cell as an object and compressed the package twice; on the national sharing workbook
/// (76 MB of sheet XML) it took 8.6 s.
/// </para>
/// </summary>
public static class XlsxTableWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string BoldStyle = "1";
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string path, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        AtomicFile.Write(path, stream => Write(stream, sheets));
    }

    /// <summary>Writes the workbook to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = sheets.Select(s => SheetName(s.Name, used)).ToList();
        var packageId = RelationshipId(sheets.Count + 1);
        var stylesId = RelationshipId(sheets.Count + 2);

        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "xl/workbook.xml", bom: false, w =>
        {
            w.WriteStartElement("x", "workbook", Main);
            w.WriteStartElement("x", "sheets", Main);
            for (var i = 0; i < sheets.Count; i++)
            {
                w.WriteStartElement("x", "sheet", Main);
                w.WriteAttributeString("name", names[i]);
                w.WriteAttributeString("sheetId", Number(i + 1));
                w.WriteAttributeString("r", "id", OfficeRelationships, RelationshipId(i + 1));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
        Part(zip, "xl/styles.xml", bom: false, Styles);
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            Part(zip, $"xl/worksheets/sheet{i + 1}.xml", bom: false, w => Worksheet(w, sheet));
        }

        Part(zip, "_rels/.rels", bom: true, w =>
        {
            w.WriteStartElement("Relationships", PackageRelationships);
            Relationship(w, OfficeRelationships + "/officeDocument", "/xl/workbook.xml", packageId);
            w.WriteEndElement();
        });
        Part(zip, "xl/_rels/workbook.xml.rels", bom: true, w =>
        {
            w.WriteStartElement("Relationships", PackageRelationships);
            Relationship(w, OfficeRelationships + "/styles", "/xl/styles.xml", stylesId);
            for (var i = 0; i < sheets.Count; i++)
            {
                Relationship(w, OfficeRelationships + "/worksheet", $"/xl/worksheets/sheet{i + 1}.xml", RelationshipId(i + 1));
            }

            w.WriteEndElement();
        });
        Part(zip, "[Content_Types].xml", bom: true, w =>
        {
            w.WriteStartElement("Types", ContentTypes);
            ContentType(w, "Default", "Extension", "xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            ContentType(w, "Default", "Extension", "rels", "application/vnd.openxmlformats-package.relationships+xml");
            ContentType(w, "Override", "PartName", "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 0; i < sheets.Count; i++)
            {
                ContentType(w, "Override", "PartName", $"/xl/worksheets/sheet{i + 1}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }

            w.WriteEndElement();
        });
    }

    private static void Part(ZipArchive zip, string name, bool bom, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Epoch;
        using var stream = entry.Open();
        using (var writer = XmlWriter.Create(new WithoutFlush(stream), new XmlWriterSettings { Encoding = new UTF8Encoding(bom), CloseOutput = false }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
    }

    /// <summary>
    /// Passes writes to the entry's deflate stream but not flushes: the XmlWriter flushes when it closes, and a deflate
    /// flush adds an empty block (the bytes would then differ from a part written in one piece).
    /// </summary>
    private sealed class WithoutFlush(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static void Relationship(XmlWriter w, string type, string target, string id)
    {
        w.WriteStartElement("Relationship", PackageRelationships);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteAttributeString("Id", id);
        w.WriteEndElement();
    }

    private static void ContentType(XmlWriter w, string element, string keyName, string key, string type)
    {
        w.WriteStartElement(element, ContentTypes);
        w.WriteAttributeString(keyName, key);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Styles(XmlWriter w)
    {
        w.WriteStartElement("x", "styleSheet", Main);
        w.WriteStartElement("x", "fonts", Main);
        w.WriteAttributeString("count", "2");
        Empty(w, "font");
        w.WriteStartElement("x", "font", Main);
        Empty(w, "b");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("x", "fills", Main);
        w.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            w.WriteStartElement("x", "fill", Main);
            w.WriteStartElement("x", "patternFill", Main);
            w.WriteAttributeString("patternType", pattern);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("x", "borders", Main);
        w.WriteAttributeString("count", "1");
        Empty(w, "border");
        w.WriteEndElement();
        w.WriteStartElement("x", "cellXfs", Main);
        w.WriteAttributeString("count", "2");
        Empty(w, "xf");
        w.WriteStartElement("x", "xf", Main);
        w.WriteAttributeString("fontId", "1");
        w.WriteAttributeString("applyFont", "1");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Empty(XmlWriter w, string name)
    {
        w.WriteStartElement("x", name, Main);
        w.WriteEndElement();
    }

    private static void Worksheet(XmlWriter w, XlsxSheet sheet)
    {
        var titled = sheet.Title is { Length: > 0 };
        var headerRow = titled ? 2 : 1;
        var lastRow = headerRow + sheet.Rows.Count;
        w.WriteStartElement("x", "worksheet", Main);
        w.WriteStartElement("x", "sheetViews", Main);
        w.WriteStartElement("x", "sheetView", Main);
        w.WriteAttributeString("workbookViewId", "0");
        w.WriteStartElement("x", "pane", Main);
        w.WriteAttributeString("ySplit", Number(headerRow));
        w.WriteAttributeString("topLeftCell", "A" + Number(headerRow + 1));
        w.WriteAttributeString("activePane", "bottomLeft");
        w.WriteAttributeString("state", "frozen");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("x", "cols", Main);
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            w.WriteStartElement("x", "col", Main);
            w.WriteAttributeString("min", Number(i + 1));
            w.WriteAttributeString("max", Number(i + 1));
            w.WriteAttributeString("width", Number(Math.Clamp(sheet.Columns[i].Header.Length + 2, 8, 40)));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("x", "sheetData", Main);
        var row = 0;
        if (titled)
        {
            StartRow(w, ++row);
            TextCell(w, sheet.Title!, bold: true);
            w.WriteEndElement();
        }

        StartRow(w, ++row);
        foreach (var column in sheet.Columns)
        {
            TextCell(w, column.Header, bold: true);
        }

        w.WriteEndElement();
        foreach (var values in sheet.Rows)
        {
            StartRow(w, ++row);
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                ValueCell(w, i < values.Count ? values[i] : null, sheet.Columns[i].Type);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        if (sheet.Columns.Count > 0)
        {
            w.WriteStartElement("x", "autoFilter", Main);
            w.WriteAttributeString("ref", $"A{Number(headerRow)}:{ColumnName(sheet.Columns.Count - 1)}{Number(lastRow)}");
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void StartRow(XmlWriter w, int index)
    {
        w.WriteStartElement("x", "row", Main);
        w.WriteAttributeString("r", Number(index));
    }

    private static void TextCell(XmlWriter w, string text, bool bold = false)
    {
        w.WriteStartElement("x", "c", Main);
        if (bold)
        {
            w.WriteAttributeString("s", BoldStyle);
        }

        w.WriteAttributeString("t", "inlineStr");
        w.WriteStartElement("x", "is", Main);
        w.WriteStartElement("x", "t", Main);
        w.WriteAttributeString("xml", "space", null, "preserve");
        w.WriteString(FormulaGuard.Neutralise(text));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void NumberCell(XmlWriter w, string text)
    {
        w.WriteStartElement("x", "c", Main);
        w.WriteAttributeString("t", "n");
        w.WriteStartElement("x", "v", Main);
        w.WriteString(text);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void ValueCell(XmlWriter w, object? value, FieldType type)
    {
        switch (value)
        {
            case null:
                Empty(w, "c");
                break;
            case bool b:
                w.WriteStartElement("x", "c", Main);
                w.WriteAttributeString("t", "b");
                w.WriteStartElement("x", "v", Main);
                w.WriteString(b ? "1" : "0");
                w.WriteEndElement();
                w.WriteEndElement();
                break;
            case double d when type != FieldType.Text && double.IsFinite(d):
                NumberCell(w, d.ToString(CultureInfo.InvariantCulture));
                break;
            case long l when type != FieldType.Text:
                NumberCell(w, Number(l));
                break;
            case int n when type != FieldType.Text:
                NumberCell(w, Number(n));
                break;
            default:
                TextCell(w, DatasetLayers.CellText(value) ?? string.Empty);
                break;
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string RelationshipId(int n) => "rIdS" + Number(n);

    /// <summary>The tab name Excel takes: <c>[]:*?/\</c> replaced, at most 31 characters, unique in <paramref name="used"/> (case-insensitively) by a suffix.</summary>
    internal static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string(name.Select(ch => "[]:*?/\\".Contains(ch, StringComparison.Ordinal) ? '_' : ch).ToArray());
        clean = clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet" : clean;
        var candidate = clean;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return candidate;
    }

    /// <summary>The column letters of a 0-based index: A … Z, AA ….</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }
}
