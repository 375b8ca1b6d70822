using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>Reads a CSV layer file into a <see cref="RawTable"/>; comma or semicolon separated (detected), quoted fields allowed.</summary>
internal static class CsvTableReader
{
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
            problems.Add(ProblemCodes.MissingRequiredColumn, "the file is empty: a header row is required", fileName, 0);
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
                problems.Add(ProblemCodes.DuplicateColumn, $"column '{header[i]}' means the same as column '{columns[canonical]}' ({canonical})", fileName, 0, header[i]);
            }
        }

        var rows = new List<RawRow>();
        var rowNumber = 0;
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

        return new RawTable(fileName, columns, rows);
    }
}
