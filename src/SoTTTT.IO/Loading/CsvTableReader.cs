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

    /// <summary>Longest cell read, in characters: 16 Mi (a province boundary's WKT at survey detail is a few MB).</summary>
    public const int MaxCellChars = 16 << 20;

    public static RawTable? Read(string text, string fileName, IReadOnlySet<string> layerColumns, ProblemCollector problems)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
            MaxFieldSize = MaxCellChars,
        };
        try
        {
            return Read(text, fileName, layerColumns, problems, config);
        }
        catch (MaxFieldSizeException ex)
        {
            var row = ex.Context?.Parser?.Row is { } r and > 0 ? r : (int?)null;
            problems.Add(ProblemCodes.CellTooLarge, $"a cell is longer than {MaxCellChars:N0} characters, more than SoTTTT reads (a broken quote can make the rest of the file one cell)", fileName, row);
            return null;
        }
    }

    private static RawTable? Read(string text, string fileName, IReadOnlySet<string> layerColumns, ProblemCollector problems, CsvConfiguration config)
    {
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
