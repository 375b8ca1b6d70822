using System.Globalization;
using System.Text;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using SoTTTT.Core.Validation;
using SoTTTT.IO.Shapefile;
using Esri = NetTopologySuite.IO.Esri;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Reads <c>&lt;layer&gt;.shp</c> (with its .shx, .dbf, .prj and .cpg) into a <see cref="RawTable"/>: attributes become
/// cells through the same column mapping as CSV (the short names of <see cref="ShapefileFields"/> included), the shapes
/// ride along in the CRS of the .prj (WGS84 or a VN-2000 CRS; anything else, or no .prj, is a problem). Text is read as
/// UTF-8 unless the .cpg names another code page (e.g. <c>1258</c>), which is then used and reported as a notice; text
/// that is not UTF-8 without a .cpg saying so is a problem. Row N is the N-th record.
/// </summary>
internal static class ShapefileTableReader
{
    static ShapefileTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawTable? Read(string path, string fileName, LayerSchema schema, ProblemCollector problems, ProblemCollector notices)
    {
        var stem = Path.ChangeExtension(path, null);
        foreach (var part in new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" })
        {
            if (SafeFile.Refusal(stem + part, SafeFile.TableLimitBytes, out var refusal) is { } why)
            {
                problems.Add(refusal, why.Replace($"'{stem + part}'", $"'{Path.GetFileName(stem + part)}'", StringComparison.Ordinal), fileName);
                return null;
            }
        }

        var prjPath = stem + ".prj";
        if (!File.Exists(prjPath))
        {
            problems.Add(ProblemCodes.UnknownCrs, $"{Path.GetFileName(prjPath)} is missing: a Shapefile needs its .prj to say which CRS its coordinates are in (WGS84 or a VN-2000 zone)", fileName);
            return null;
        }

        var prj = File.ReadAllText(prjPath);
        if (PrjCrs.Parse(prj) is not { } crs)
        {
            problems.Add(ProblemCodes.UnknownCrs, $"{Path.GetFileName(prjPath)} declares a CRS SoTTTT does not know (WGS84 or a VN-2000 geographic, TM-3 or UTM CRS): {prj[..Math.Min(prj.Length, 120)]}…", fileName);
            return null;
        }

        var encoding = Encoding.UTF8;
        var cpgPath = stem + ".cpg";
        var declared = File.Exists(cpgPath) ? File.ReadAllText(cpgPath).Trim() : null;
        if (declared is not null && !IsUtf8(declared))
        {
            if (CodePage(declared) is not { } page)
            {
                problems.Add(ProblemCodes.EncodingNotUtf8, $"{Path.GetFileName(cpgPath)} names an unknown code page '{declared}'; write 'UTF-8' (or the Windows code page number, e.g. 1258)", fileName);
                return null;
            }

            encoding = page;
            notices.Add(ProblemCodes.EncodingNotUtf8, $"the .dbf text is in code page {page.CodePage} ({page.WebName}) as {Path.GetFileName(cpgPath)} says, not UTF-8: read as such; check the Vietnamese names (TCVN3/VNI fonts are not code pages and come out garbled)", fileName);
        }

        List<(Dictionary<string, object?> Attributes, NetTopologySuite.Geometries.Geometry? Geometry)> records = [];
        string[] fieldNames;
        try
        {
            using var reader = Esri.Shapefile.OpenRead(path, new ShapefileReaderOptions { Encoding = encoding });
            fieldNames = [.. reader.Fields.Select(f => f.Name)];
            while (reader.Read(out var deleted))
            {
                if (deleted)
                {
                    continue;
                }

                var attributes = reader.Fields.ToDictionary(f => f.Name, f => (object?)f.Value, StringComparer.Ordinal);
                records.Add((attributes, reader.Geometry is { IsEmpty: false } g ? g : null));
            }
        }
        catch (Exception ex) when (ex is IOException or Esri.ShapefileException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            problems.Add(ProblemCodes.SourceUnavailable, $"not a readable Shapefile: {ex.Message}", fileName);
            return null;
        }

        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fieldNames.Length; i++)
        {
            var canonical = ColumnAliases.Canonical(fieldNames[i], schema.AllColumns);
            if (columns.TryAdd(canonical, fieldNames[i]))
            {
                index[canonical] = i;
            }
            else
            {
                problems.Add(ProblemCodes.DuplicateColumn, $"field '{fieldNames[i]}' means the same as field '{columns[canonical]}' ({canonical})", fileName, null, fieldNames[i]);
            }
        }

        var rows = new List<RawRow>(records.Count);
        var garbled = new List<int>();
        for (var r = 0; r < records.Count; r++)
        {
            var cells = fieldNames.Select(n => Text(records[r].Attributes[n])).ToArray();
            if (encoding == Encoding.UTF8 && cells.Any(c => c?.Contains('\uFFFD', StringComparison.Ordinal) == true))
            {
                garbled.Add(r + 1);
            }

            rows.Add(new RawRow(r + 1, index, cells, records[r].Geometry));
        }

        if (garbled.Count > 0)
        {
            problems.Add(
                ProblemCodes.EncodingNotUtf8,
                $"the .dbf text is not UTF-8 (records {string.Join(", ", garbled.Take(5))}{(garbled.Count > 5 ? ", …" : string.Empty)}) and no .cpg names its code page: add {Path.GetFileName(cpgPath)} with the code page (e.g. 1258 for Windows-1258) or save the layer as UTF-8",
                fileName);
            return null;
        }

        return new RawTable(fileName, columns, rows, crs);
    }

    private static bool IsUtf8(string declared) => declared.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() is "UTF8" or "65001";

    private static Encoding? CodePage(string declared)
    {
        var digits = new string(declared.Where(char.IsAsciiDigit).ToArray());
        try
        {
            return digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var page)
                ? Encoding.GetEncoding(page)
                : Encoding.GetEncoding(declared);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        // Windows-1258 keeps Vietnamese tone marks as combining characters: compose them as UTF-8 text has them.
        string s => s.Trim().Normalize(NormalizationForm.FormC),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
