using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
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

    // Unquoted cells of at most this many characters are shared between rows, through a cache of this many slots.
    private const int MaxSharedChars = 12;
    private const int SharedSlots = 4096;

    // The characters that end an unquoted cell (or make it one CsvHelper has to read), per delimiter.
    private static readonly SearchValues<char> CommaStops = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> SemicolonStops = SearchValues.Create(";\"\r\n");
    private static readonly SearchValues<char> TabStops = SearchValues.Create("\t\"\r\n");

    public static RawTable? Read(string text, string fileName, IReadOnlySet<string> layerColumns, ProblemCollector problems)
    {
        var config = Configuration();
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
        // The delimiter CsvHelper detects on its first buffer; a file in plain RFC 4180 is then split here, anything
        // else (and any file CsvHelper would refuse) is read by CsvHelper with all its rules.
        var records = (IEnumerable<string[]>?)ReadPlain(text, DetectedDelimiter(text, config)) ?? CsvHelperRecords(text, config);
        using var enumerator = records.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            problems.Add(ProblemCodes.MissingRequiredColumn, "the file is empty: a header row is required", fileName, HeaderRow);
            return null;
        }

        var header = enumerator.Current;
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
        while (enumerator.MoveNext())
        {
            rowNumber++;
            var record = enumerator.Current;
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

    /// <summary>The records as CsvHelper reads them (header first).</summary>
    internal static IEnumerable<string[]> CsvHelperRecords(string text, CsvConfiguration config)
    {
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        while (parser.Read())
        {
            yield return parser.Record ?? [];
        }
    }

    /// <summary>The configuration the layers are read with.</summary>
    internal static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [",", ";", "\t"],
        BadDataFound = null,
        MissingFieldFound = null,
        MaxFieldSize = MaxCellChars,
    };

    /// <summary>The delimiter CsvHelper settles on for <paramref name="text"/> (detected on its first buffer).</summary>
    internal static string DetectedDelimiter(string text, CsvConfiguration config)
    {
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        parser.Read();
        return parser.Delimiter;
    }

    /// <summary>
    /// The records of <paramref name="text"/> when it keeps to plain RFC 4180, where CsvHelper's reading is plain too:
    /// lines end in LF or CRLF, no line is blank, a quote only opens a cell and closes it right before a delimiter or a
    /// line end (a doubled quote inside stands for one), and every cell is well under <see cref="MaxCellChars"/>.
    /// Null for any other text (blank lines, a lone CR, a stray or unclosed quote, a huge cell): CsvHelper reads it
    /// then, with its own rules for each of those. The records are those CsvHelper would give (a test compares both).
    /// </summary>
    /// <remarks>Compiled optimized at once: it runs once per file, over millions of characters, too long to wait for tiering.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static List<string[]>? ReadPlain(string text, string delimiterText)
    {
        if (delimiterText.Length != 1 || text.Length == 0)
        {
            return null;
        }

        var delimiter = delimiterText[0];
        var stops = delimiter switch
        {
            ',' => CommaStops,
            ';' => SemicolonStops,
            '\t' => TabStops,
            _ => SearchValues.Create([delimiter, '"', '\r', '\n']),
        };
        var records = new List<string[]>();
        var cells = new List<string>(32);
        var shared = new string?[SharedSlots];
        var n = text.Length;
        var pos = 0;
        while (pos < n)
        {
            if (text[pos] is '\r' or '\n')
            {
                return null;
            }

            cells.Clear();
            while (true)
            {
                int end;
                if (pos < n && text[pos] == '"')
                {
                    if (QuotedCell(text, pos, out end) is not { } quoted)
                    {
                        return null;
                    }

                    cells.Add(quoted);
                }
                else
                {
                    var found = text.AsSpan(pos).IndexOfAny(stops);
                    end = found < 0 ? n : pos + found;
                    if (end < n && text[end] == '"')
                    {
                        return null;
                    }

                    cells.Add(end == pos ? string.Empty : end - pos <= MaxSharedChars ? Shared(text.AsSpan(pos, end - pos)) : text.Substring(pos, end - pos));
                }

                if (end - pos > MaxCellChars - 2)
                {
                    return null;
                }

                if (end >= n)
                {
                    pos = n;
                    break;
                }

                var c = text[end];
                if (c == delimiter)
                {
                    pos = end + 1;
                    continue;
                }

                if (c == '\r')
                {
                    if (end + 1 >= n || text[end + 1] != '\n')
                    {
                        return null;
                    }

                    pos = end + 2;
                }
                else if (c == '\n')
                {
                    pos = end + 1;
                }
                else
                {
                    return null;
                }

                break;
            }

            records.Add([.. cells]);
        }

        return records;

        // Short cells repeat (operators, technologies, statuses, bands, heights): one string per value seen lately, not
        // one per cell, spares the collector millions of strings on a national layer.
        string Shared(ReadOnlySpan<char> cell)
        {
            var slot = string.GetHashCode(cell) & (SharedSlots - 1);
            if (shared[slot] is { } known && cell.SequenceEqual(known))
            {
                return known;
            }

            return shared[slot] = cell.ToString();
        }

        // The cell opened by the quote at start: its text, and in end the index just past the closing quote; null when
        // the quote is never closed or the closing quote is followed by anything but a delimiter, a line end or the end.
        string? QuotedCell(string source, int start, out int end)
        {
            System.Text.StringBuilder? unescaped = null;
            var from = start + 1;
            var i = from;
            while (true)
            {
                var quote = source.IndexOf('"', i);
                if (quote < 0)
                {
                    end = n;
                    return null;
                }

                if (quote + 1 < n && source[quote + 1] == '"')
                {
                    (unescaped ??= new()).Append(source, from, quote + 1 - from);
                    i = from = quote + 2;
                    continue;
                }

                end = quote + 1;
                if (end < n && source[end] != delimiter && source[end] is not ('\r' or '\n'))
                {
                    return null;
                }

                return unescaped is null ? source.Substring(start + 1, quote - start - 1) : unescaped.Append(source, from, quote - from).ToString();
            }
        }
    }
}
