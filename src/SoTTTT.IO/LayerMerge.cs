using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SoTTTT.IO;

/// <summary>
/// Merges an imported list into a layer by id, on the layer files as <see cref="DatasetFolderWriter"/> writes them
/// (same header, id or code in the first column, one formatting for both, so "unchanged" means the same row text):
/// rows of the layer keep their order, a row whose id the list names is replaced by the list's row, ids new to the
/// layer are appended in the list's order, and rows the list does not name are kept. Nothing is ever deleted here;
/// replacing a layer on purpose is <c>import --replace</c>. A layer without an id (subscribers: one count per unit,
/// operator, service and date) is merged on the columns named by <c>keyColumns</c>.
/// </summary>
public static class LayerMerge
{
    public static LayerMergeResult Merge(string existingCsv, string importedCsv, IReadOnlyList<string>? keyColumns = null)
    {
        ArgumentNullException.ThrowIfNull(existingCsv);
        ArgumentNullException.ThrowIfNull(importedCsv);
        var (header, existing) = Rows(existingCsv, keyColumns);
        var (importedHeader, imported) = Rows(importedCsv, keyColumns);
        if (existing.Count > 0 && importedHeader.Length > 0 && header != importedHeader)
        {
            throw new InvalidOperationException($"the two layer files differ in their header: '{header}' and '{importedHeader}'");
        }

        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, row) in imported)
        {
            byId[id] = row;
        }

        var sb = new StringBuilder((header.Length > 0 ? header : importedHeader) + "\n");
        int updated = 0, unchanged = 0, kept = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, row) in existing)
        {
            seen.Add(id);
            if (byId.TryGetValue(id, out var replacement))
            {
                sb.Append(replacement).Append('\n');
                if (replacement == row)
                {
                    unchanged++;
                }
                else
                {
                    updated++;
                }
            }
            else
            {
                sb.Append(row).Append('\n');
                kept++;
            }
        }

        var added = 0;
        foreach (var (id, row) in imported)
        {
            if (seen.Add(id))
            {
                sb.Append(row).Append('\n');
                added++;
            }
        }

        return new LayerMergeResult(sb.ToString(), existing.Count, existing.Count + added, added, updated, unchanged, kept);
    }

    /// <summary>The header line and each row's key (its id, or the key columns joined) with its raw text (quoted cells spanning lines included).</summary>
    private static (string Header, List<(string Id, string Row)> Rows) Rows(string csv, IReadOnlyList<string>? keyColumns)
    {
        int[] keys = [0];
        var rows = new List<(string, string)>();
        using var reader = new StringReader(csv);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        var header = string.Empty;
        while (parser.Read())
        {
            var raw = parser.RawRecord.TrimEnd('\n', '\r');
            if (header.Length == 0)
            {
                header = raw;
                if (keyColumns is { Count: > 0 })
                {
                    var names = Enumerable.Range(0, parser.Count).Select(i => parser[i]).ToList();
                    keys = [.. keyColumns.Select(k => names.IndexOf(k) is var i and >= 0 ? i : throw new InvalidOperationException($"the layer file has no column '{k}'"))];
                }

                continue;
            }

            rows.Add((string.Join('\u001f', keys.Select(i => parser[i])), raw));
        }

        return (header, rows);
    }
}
