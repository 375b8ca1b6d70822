using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Reads a CSV layer file into a <see cref="RawTable"/>; comma, semicolon or tab separated (detected), quoted fields
/// allowed. Rows are numbered as a spreadsheet or text editor shows them: the header is row 1, the first data row
/// row 2 (a quoted cell spanning several lines counts as one row, as in Excel).
/// </summary>
internal static class CsvTableReader
{
    /// <summary>The header's row number; data rows follow from <c>HeaderRow + 1</c>.</summary>
    public const int HeaderRow = 1;

    public static RawTable? Read(string text, string fileName, IReadOnlySet<string> layerColumns, ProblemCollector problems)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            problems.Add(ProblemCodes.MissingRequiredColumn, "the file is empty: a header row is required", fileName, HeaderRow);
            return null;
        }

        var header = parser.Record ?? [];
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var canonical = ColumnAliases.Canonical(header[i], layerColumns);
            if (columns.TryAdd(canonical, header[i].Trim()))
            {
                index[canonical] = i;
            }
            else
            {
                problems.Add(ProblemCodes.DuplicateColumn, $"column '{header[i]}' means the same as column '{columns[canonical]}' ({canonical})", fileName, HeaderRow, header[i]);
            }
        }

        var rows = new List<RawRow>();
        var rowNumber = HeaderRow;
        while (parser.Read())
        {
            rowNumber++;
            var record = parser.Record ?? [];
            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                problems.Add(ProblemCodes.RowLength, $"the row has {record.Length} cells, the header {header.Length}", fileName, rowNumber);
            }

            rows.Add(new RawRow(rowNumber, index, record, null));
        }

        return new RawTable(fileName, columns, rows) { HeaderRow = HeaderRow };
    }
}
