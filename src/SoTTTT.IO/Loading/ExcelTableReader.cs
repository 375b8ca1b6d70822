using System.Globalization;
using System.Text;
using ExcelDataReader;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Reads an operator's workbook (.xlsx) into one <see cref="RawTable"/> through the same column mapping as CSV.
/// Every sheet whose header row names columns of the layer is read (operators often keep one sheet per district or
/// technology); the header row is the one among the first <see cref="HeaderSearchRows"/> naming the most known
/// columns, so title rows above it are skipped. Rows are numbered as Excel shows them and every problem names the
/// sheet: <c>bts.xlsx, sheet 'Viettel', row 7, column 'Kinh độ'</c>. Numbers keep full precision; text cells are
/// read as written (a decimal comma is reported, as in CSV).
/// </summary>
internal static class ExcelTableReader
{
    /// <summary>How many rows from the top of a sheet are searched for the header.</summary>
    public const int HeaderSearchRows = 20;

    static ExcelTableReader() =>
        // ExcelDataReader asks for code page 1252 even for .xlsx; .NET has it only through the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawTable? Read(string path, string fileName, LayerSchema schema, ProblemCollector problems)
    {
        if (SafeFile.Refusal(path, SafeFile.TableLimitBytes, out var code) is { } why)
        {
            problems.Add(code, why.Replace($"'{path}'", $"'{fileName}'", StringComparison.Ordinal), fileName);
            return null;
        }

        List<(string Sheet, List<object?[]> Rows)> sheets;
        try
        {
            if (ZipLimits.Problem(path) is { } tooLarge)
            {
                problems.Add(ProblemCodes.FileTooLarge, tooLarge, fileName);
                return null;
            }

            sheets = ReadSheets(path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add(ProblemCodes.UnknownValue, $"not a readable Excel workbook (.xlsx): {ex.Message}", fileName);
            return null;
        }

        var rows = new List<RawRow>();
        IReadOnlyDictionary<string, string>? firstColumns = null;
        var anyHeader = false;
        foreach (var (sheet, cells) in sheets)
        {
            var label = $"{fileName}, sheet '{sheet}'";
            var headerAt = FindHeader(cells, schema);
            if (headerAt < 0)
            {
                continue;
            }

            anyHeader = true;
            var header = cells[headerAt].Select(CellText).ToArray();
            var columns = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                if (header[i] is not { Length: > 0 } name)
                {
                    continue;
                }

                var canonical = ColumnAliases.Canonical(name, schema.AllColumns);
                if (columns.TryAdd(canonical, name.Trim()))
                {
                    index[canonical] = i;
                }
                else
                {
                    problems.Add(ProblemCodes.DuplicateColumn, $"column '{name}' means the same as column '{columns[canonical]}' ({canonical})", label, headerAt + 1, name);
                }
            }

            if (!LayerStructure.Check(schema, columns.Keys, label, hasGeometryColumn: false, isGeoJson: false, headerAt + 1, problems))
            {
                continue;
            }

            firstColumns ??= columns;
            for (var r = headerAt + 1; r < cells.Count; r++)
            {
                var values = cells[r].Select(CellText).ToArray();
                if (values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add(new RawRow(r + 1, index, values, null, label, columns));
            }
        }

        if (!anyHeader)
        {
            var first = sheets.Count > 0 ? $"{fileName}, sheet '{sheets[0].Sheet}'" : fileName;
            problems.Add(
                ProblemCodes.MissingRequiredColumn,
                $"no sheet has a header row (within the first {HeaderSearchRows} rows) naming the columns of {schema.Layer}: {string.Join(", ", schema.Required)} and a position",
                first);
            return null;
        }

        return firstColumns is null ? null : new RawTable(fileName, firstColumns, rows);
    }

    private static List<(string Sheet, List<object?[]> Rows)> ReadSheets(string path)
    {
        using var stream = SafeFile.OpenRead(path, SafeFile.TableLimitBytes);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                rows.Add(row);
            }

            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>The 0-based index of the row naming the most columns of the layer (at least two), or -1.</summary>
    private static int FindHeader(List<object?[]> rows, LayerSchema schema)
    {
        var best = -1;
        var bestCount = 1;
        for (var r = 0; r < Math.Min(HeaderSearchRows, rows.Count); r++)
        {
            var known = rows[r]
                .Select(CellText)
                .Where(t => t is { Length: > 0 })
                .Select(t => ColumnAliases.Canonical(t!, schema.AllColumns))
                .Where(schema.AllColumns.Contains)
                .Distinct(StringComparer.Ordinal)
                .Count();
            if (known > bestCount)
            {
                best = r;
                bestCount = known;
            }
        }

        return best;
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
