using System.IO.Compression;
using System.Security;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SoTTTT.Tests.Hostile;

/// <summary>
/// Files the hostile corpus and the fuzz test make at run time rather than keep in the repository: workbooks (a
/// valid one, zip bombs), GeoPackages (from the corpus's base dataset, then altered by SQL) and special files.
/// </summary>
internal static class HostileFiles
{
    private static readonly Lazy<byte[]> BaseGpkg = new(MakeBaseGpkg);

    /// <summary>The corpus's base dataset (a small province in VN-2000 105°30').</summary>
    public static string BaseFolder => Path.Combine(CorpusFolder, "_base");

    /// <summary>The corpus, copied beside the test assembly.</summary>
    public static string CorpusFolder => Path.Combine(AppContext.BaseDirectory, "Hostile", "corpus");

    /// <summary>A minimal .xlsx (one sheet of inline strings) holding <paramref name="rows"/>; <paramref name="padding"/> spaces are added inside the sheet.</summary>
    public static byte[] Xlsx(IReadOnlyList<string[]> rows, int padding = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="BTS" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """);
            var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 0; r < rows.Count; r++)
            {
                sheet.Append("<row r=\"").Append(r + 1).Append("\">");
                foreach (var cell in rows[r])
                {
                    sheet.Append("<c t=\"inlineStr\"><is><t>").Append(SecurityElement.Escape(cell)).Append("</t></is></c>");
                }

                sheet.Append("</row>");
            }

            sheet.Append(' ', padding).Append("</sheetData></worksheet>");
            Part(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }

        return buffer.ToArray();
    }

    /// <summary>The rows of a CSV file of the base dataset (no quoted commas in those used here).</summary>
    public static List<string[]> CsvRows(string file) =>
        File.ReadAllLines(Path.Combine(BaseFolder, file)).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

    /// <summary>A workbook whose sheet unpacks to 8 MiB of spaces from a few kilobytes (ratio ≈ 1000:1).</summary>
    public static byte[] RatioBomb() => Xlsx(CsvRows("bts.csv"), 8 << 20);

    /// <summary>The ratio bomb with its sheet's declared size rewritten to 1,000 bytes, so only unpacking reveals it.</summary>
    public static byte[] LyingBomb()
    {
        var bytes = RatioBomb();
        var name = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.GetBytes(1000u).CopyTo(bytes, i + 22);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, Math.Min(name.Length, bytes.Length - i - 46)).SequenceEqual(name))
            {
                BitConverter.GetBytes(1000u).CopyTo(bytes, i + 24);
            }
        }

        return bytes;
    }

    /// <summary>A workbook of 10,001 empty parts.</summary>
    public static byte[] ManyParts()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i <= 10_000; i++)
            {
                zip.CreateEntry($"p/{i}.xml", CompressionLevel.NoCompression);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The base dataset as a GeoPackage written by <c>sotttt export --to gpkg</c>.</summary>
    public static byte[] Gpkg() => BaseGpkg.Value;

    /// <summary>Writes the base GeoPackage to <paramref name="path"/>, drops its triggers (they call SpatiaLite functions) and runs <paramref name="sql"/>.</summary>
    public static void GpkgWithSql(string path, IEnumerable<string> sql)
    {
        File.WriteAllBytes(path, Gpkg());
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = false }.ToString());
        connection.Open();
        var triggers = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                triggers.Add(reader.GetString(0));
            }
        }

        foreach (var statement in triggers.Select(t => $"DROP TRIGGER \"{t}\"").Concat(sql))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }

    private static byte[] MakeBaseGpkg()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sotttt-hostile-gpkg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "base.gpkg");
            var (exit, _, error) = Support.CliRunner.Run("export", BaseFolder, "--to", "gpkg", "--out", path, "--layers", "admin_units,settlements,towers,bts,fibre_routes,postal_points");
            if (exit != 0)
            {
                throw new InvalidOperationException($"export of the base dataset failed: {error}");
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        var bytes = Encoding.UTF8.GetBytes(content);
        stream.Write(bytes, 0, bytes.Length);
    }
}
