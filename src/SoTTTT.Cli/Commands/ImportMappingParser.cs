using System.Text.Json;
using SoTTTT.IO;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// Reads import's <c>--column HEADER=column</c> and <c>--map COLUMN=from:to,from:to</c> (or <c>--map FILE</c>, a JSON
/// mapping file <c>{"columns": {"toadoX": "lat"}, "values": {"status": {"1": "existing", "0": "decommissioned"}}}</c>).
/// </summary>
internal static class ImportMappingParser
{
    public static bool TryParse(string layer, string[] maps, string[] columns, bool skipInvalid, out LayerMapping? mapping, out string? error)
    {
        mapping = null;
        error = null;
        var columnMap = new Dictionary<string, string>(StringComparer.Ordinal);
        var valueMap = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            var eq = c.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == c.Length - 1)
            {
                error = $"'{c}' is not HEADER=column (e.g. toadoX=lat)";
                return false;
            }

            columnMap[c[..eq].Trim()] = c[(eq + 1)..].Trim();
        }

        foreach (var m in maps)
        {
            if (File.Exists(m))
            {
                if (!ReadFile(m, columnMap, valueMap, out error))
                {
                    return false;
                }

                continue;
            }

            var eq = m.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = $"'{m}' is neither a mapping file nor COLUMN=from:to,from:to (e.g. status=1:existing,0:decommissioned)";
                return false;
            }

            var column = m[..eq].Trim();
            var values = valueMap.TryGetValue(column, out var known) ? known : valueMap[column] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in m[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    error = $"'{pair}' in '{m}' is not from:to";
                    return false;
                }

                values[pair[..colon].Trim()] = pair[(colon + 1)..].Trim();
            }
        }

        if (columnMap.Count > 0 || valueMap.Count > 0 || skipInvalid)
        {
            mapping = new LayerMapping(
                layer,
                columnMap,
                valueMap.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, string>)kv.Value, StringComparer.Ordinal),
                skipInvalid);
        }

        return true;
    }

    private static bool ReadFile(string path, Dictionary<string, string> columns, Dictionary<string, Dictionary<string, string>> values, out string? error)
    {
        error = null;
        if (SafeFile.Refusal(path, SafeFile.SettingsLimitBytes, out var code) is { } why)
        {
            error = $"{code}: mapping file {why}";
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(SafeFile.ReadAllBytes(path, SafeFile.SettingsLimitBytes));
            if (doc.RootElement.TryGetProperty("columns", out var cols))
            {
                foreach (var c in cols.EnumerateObject())
                {
                    columns[c.Name] = c.Value.GetString() ?? string.Empty;
                }
            }

            if (doc.RootElement.TryGetProperty("values", out var vals))
            {
                foreach (var column in vals.EnumerateObject())
                {
                    var map = values.TryGetValue(column.Name, out var known) ? known : values[column.Name] = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var pair in column.Value.EnumerateObject())
                    {
                        map[pair.Name] = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.GetRawText();
                    }
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException)
        {
            error = $"mapping file {path}: {ex.Message}";
            return false;
        }
    }
}
