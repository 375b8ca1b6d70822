using System.Globalization;
using System.IO.Compression;
using System.Text;
using NUnit.Framework;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>
/// The streamed workbook writer against the Open XML SDK's document model (<see cref="OpenXmlSdkWorkbook"/>, the
/// independent reference: the SDK's own serialisation of the same sheets): byte-identical parts on random tables
/// that reach every branch (names Excel refuses, titles or none, every field type, numbers at the edges of double and
/// long, text that must be escaped or neutralised, short rows, no rows, no columns); and the cells as ExcelDataReader
/// reads them back.
/// </summary>
[TestFixture]
public sealed class XlsxTableWriterTests
{
    private static readonly string[] Texts =
    [
        string.Empty, " ", "Viettel", "Xã Tân Lập", "Phường Hồng Hà", "a & b < c > d", "\"quoted\" 'single'", "line 1\nline 2",
        "crlf\r\nnext", "tab\there", "  leading and trailing  ", "=SUM(A1:A9)", "+84 912", "-x", "@home", "😀 trạm 5G", "R0123456789abcdef",
        "]]>", "&amp;", "ỹ̃ combining", "100", "1e5",
    ];

    private static readonly string[] SheetNames =
    [
        "Theo đơn vị", "BTS", "bts", "Sheet", string.Empty, "a[b]c:d*e?f/g\\h", "Một tên trang tính rất dài vượt quá ba mươi mốt ký tự", "Một tên trang tính rất dài vượt quá ba mươi mốt ký tự",
        "Ngầm hóa", "x",
    ];

    private static readonly double[] Doubles =
    [
        0, -0.0, 1, -1, 0.1, 1.0 / 3, 1979.431, 29207.52, 123456789.123456, 1e-300, double.Epsilon, 1e300, double.MaxValue, double.MinValue,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 5e-324, 1e15, 1e16, 1e21, 106.30000000000001, 20.95,
    ];

    private static readonly long[] Longs = [0, 1, -1, 42, 1_000_000_007, long.MaxValue, long.MinValue, int.MaxValue + 1L];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    [TestCase(7)]
    [TestCase(8)]
    public void Write_RandomTables_GivesTheSdkModelsParts(int seed)
    {
        var sheets = RandomSheets(new Random(seed));

        AssertSamePackage(Streamed(sheets), Reference(sheets));
    }

    [Test]
    public void Write_NoSheets_GivesTheSdkModelsParts()
    {
        AssertSamePackage(Streamed([]), Reference([]));
    }

    [Test]
    public void Write_SheetWithoutColumnsOrRows_GivesTheSdkModelsParts()
    {
        XlsxSheet[] sheets = [new("Trống", null, [], []), new("Trống", "Tiêu đề", [], [[1, 2]]), new("Chỉ tiêu đề", "Tiêu đề", [new("A", FieldType.Integer)], [])];

        AssertSamePackage(Streamed(sheets), Reference(sheets));
    }

    [Test]
    public void Write_SameTablesTwice_GivesTheSameBytesWithFixedTimeStamps()
    {
        var sheets = RandomSheets(new Random(11));
        var first = Streamed(sheets);

        Assert.That(Streamed(sheets), Is.EqualTo(first));
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.That(zip.Entries.Select(e => e.LastWriteTime.Year).Distinct(), Is.EqualTo(new[] { 1980 }));
    }

    [Test]
    public void Write_ReadBackWithExcelDataReader_GivesTheCellsAsWritten()
    {
        var sheets = new XlsxSheet[]
        {
            new("Theo đơn vị", "Dùng chung — Việt Nam", [new("Mã", FieldType.Text), new("Số vị trí", FieldType.Integer), new("Tỷ lệ", FieldType.Real), new("Đạt", FieldType.Boolean)],
                [["VT001", 12L, 0.125, true], ["=1+1", 7, 1979.431, false], [null, null, double.NaN, null], ["x & <y>", 3L]]),
        };
        var path = Path.Combine(Path.GetTempPath(), $"sotttt-xlsx-{Guid.NewGuid():N}.xlsx");
        try
        {
            XlsxTableWriter.Write(path, sheets);
            var (name, rows) = Workbooks.Read(path).Single();

            Assert.That(name, Is.EqualTo("Theo đơn vị"));
            Assert.That(rows[0][0], Is.EqualTo("Dùng chung — Việt Nam"));
            Assert.That(rows[1], Is.EqualTo(new object[] { "Mã", "Số vị trí", "Tỷ lệ", "Đạt" }));
            Assert.That(rows[2], Is.EqualTo(new object[] { "VT001", 12.0, 0.125, true }));
            Assert.That(rows[3], Is.EqualTo(new object[] { "'=1+1", 7.0, 1979.431, false }));
            Assert.That(rows[4], Is.EqualTo(new object?[] { null, null, "NaN", null }));
            Assert.That(rows[5], Is.EqualTo(new object?[] { "x & <y>", 3.0, null, null }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The same entries in the same order with the same time stamps, and every part's bytes the same (byte order mark
    /// included). The compressed bytes may differ: zlib-ng's output depends on how the input arrives (one piece in the
    /// reference, the XmlWriter's chunks here); each writer is reproducible on its own (see the twice test).
    /// </summary>
    private static void AssertSamePackage(byte[] streamed, byte[] reference)
    {
        using var actual = new ZipArchive(new MemoryStream(streamed), ZipArchiveMode.Read);
        using var expected = new ZipArchive(new MemoryStream(reference), ZipArchiveMode.Read);
        Assert.That(actual.Entries.Select(e => (e.FullName, e.LastWriteTime)), Is.EqualTo(expected.Entries.Select(e => (e.FullName, e.LastWriteTime))));
        foreach (var (a, e) in actual.Entries.Zip(expected.Entries))
        {
            Assert.That(Content(a), Is.EqualTo(Content(e)), e.FullName);
        }
    }

    /// <summary>The part's first three bytes in hex (a byte order mark shows) and its text.</summary>
    private static string Content(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return Convert.ToHexString(bytes[..Math.Min(3, bytes.Length)]) + " " + Encoding.UTF8.GetString(bytes);
    }

    private static byte[] Streamed(IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        XlsxTableWriter.Write(stream, sheets);
        return stream.ToArray();
    }

    private static byte[] Reference(IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        OpenXmlSdkWorkbook.Write(stream, sheets);
        return stream.ToArray();
    }

    private static List<XlsxSheet> RandomSheets(Random random)
    {
        var sheets = new List<XlsxSheet>();
        var count = random.Next(1, 6);
        for (var s = 0; s < count; s++)
        {
            var columns = Enumerable.Range(0, random.Next(0, 8))
                .Select(_ => new XlsxColumn(Pick(random, Texts) + (random.Next(3) == 0 ? " rất dài để cột rộng hơn bốn mươi ký tự theo giới hạn" : string.Empty), (FieldType)random.Next(4)))
                .ToList();
            var rows = Enumerable.Range(0, random.Next(0, 40))
                .Select(_ => (IReadOnlyList<object?>)Enumerable.Range(0, random.Next(Math.Max(0, columns.Count - 2), columns.Count + 2)).Select(_ => Value(random)).ToList())
                .ToList();
            var title = random.Next(3) switch { 0 => null, 1 => string.Empty, _ => Pick(random, Texts) + " — Việt Nam" };
            sheets.Add(new XlsxSheet(Pick(random, SheetNames), title, columns, rows));
        }

        return sheets;
    }

    private static object? Value(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => Pick(random, Doubles),
        3 => random.NextDouble() * Math.Pow(10, random.Next(-8, 12)) * (random.Next(2) == 0 ? 1 : -1),
        4 => Pick(random, Longs),
        5 => random.Next(int.MinValue, int.MaxValue),
        6 => Pick(random, Texts),
        7 => (float)random.NextDouble(),
        _ => random.Next(1000).ToString(CultureInfo.InvariantCulture) + Encoding.UTF8.GetString([(byte)random.Next(0x20, 0x7f)]),
    };

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
