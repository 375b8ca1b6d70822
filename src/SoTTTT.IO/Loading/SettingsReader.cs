using System.Text.Json;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>Reads and checks <c>dataset.json</c>.</summary>
internal static class SettingsReader
{
    public const string FileName = "dataset.json";

    public static DatasetSettings? Read(string folder, ProblemCollector problems)
    {
        var path = Path.Combine(folder, FileName);
        if (SafeFile.KindOf(path) == FileKind.Missing)
        {
            problems.Add(ProblemCodes.MissingRequiredField, "dataset.json is missing: a dataset folder needs it with at least {\"name\": …}", FileName);
            return null;
        }

        var text = TextFileReader.Read(path, FileName, problems, SafeFile.SettingsLimitBytes);
        if (text is null)
        {
            return null;
        }

        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            problems.Add(ProblemCodes.InvalidJson, $"not valid JSON: {ex.Message}", FileName, ex.LineNumber is { } l ? (int)l + 1 : null);
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(ProblemCodes.InvalidJson, "expected a JSON object", FileName);
            return null;
        }

        var before = problems.Count;
        var name = String(root, "name", problems);
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(ProblemCodes.MissingRequiredField, "'name' is required", FileName, null, "name");
        }

        var crs = Crs(root, "crs", problems) ?? CrsRegistry.Wgs84;
        var analysis = Crs(root, "analysis_crs", problems);
        if (analysis is { IsGeographic: true })
        {
            problems.Add(ProblemCodes.UnknownCrs, $"analysis_crs must be metric (a VN-2000 TM-3 or UTM zone), not {analysis.Name}", FileName, null, "analysis_crs");
        }

        var lang = String(root, "lang", problems) ?? "vi";
        if (lang is not ("vi" or "en"))
        {
            problems.Add(ProblemCodes.UnknownValue, $"lang '{lang}' is not vi or en", FileName, null, "lang");
        }

        var rules = String(root, "rules", problems) ?? "rules.json";
        var dem = String(root, "dem", problems);
        if (dem is not null)
        {
            DemFile(folder, dem, problems);
        }

        var date = String(root, "date", problems);
        if (date is not null && !DateText.IsValid(date))
        {
            problems.Add(ProblemCodes.UnknownValue, $"date '{date}' is not a date; write yyyy, yyyy-mm or yyyy-mm-dd (the snapshot date, e.g. 2024-12-31)", FileName, null, "date");
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new DatasetSettings(name!, crs, analysis ?? (crs.IsGeographic ? null : crs), rules, lang) { DemPath = dem, Date = date?.Trim() };
    }

    /// <summary>
    /// The one rule for files dataset.json names (<c>rules</c>, <c>dem</c>): a relative path whose real location, after
    /// resolving every symbolic link on the way, lies inside the dataset folder (<see cref="SafeFile.InsideFolder"/>).
    /// Anything else is <c>FILE_OUTSIDE_DATASET</c> naming the key, and null: the file is never opened. Only a
    /// command-line option may name a file elsewhere.
    /// </summary>
    internal static string? InsideDataset(string folder, string relative, string field, ProblemCollector problems)
    {
        var path = SafeFile.InsideFolder(folder, relative, out var reason);
        if (path is null)
        {
            problems.Add(ProblemCodes.FileOutsideDataset, $"'{field}' names {reason}", FileName, null, field);
        }

        return path;
    }

    /// <summary>The DEM must be a regular file inside the dataset folder (<see cref="InsideDataset"/>).</summary>
    private static void DemFile(string folder, string dem, ProblemCollector problems)
    {
        if (InsideDataset(folder, dem, "dem", problems) is { } path && SafeFile.KindOf(path) != FileKind.Regular)
        {
            problems.Add(ProblemCodes.DemUnreadable, $"'dem' names '{dem}', which is not a file in the dataset folder", FileName, null, "dem");
        }
    }

    private static string? String(JsonElement root, string field, ProblemCollector problems)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(ProblemCodes.InvalidJson, $"'{field}' must be a string", FileName, null, field);
            return null;
        }

        return value.GetString();
    }

    private static CrsDefinition? Crs(JsonElement root, string field, ProblemCollector problems)
    {
        var text = String(root, field, problems);
        if (text is null)
        {
            return null;
        }

        if (CrsRegistry.TryParse(text, out var crs, out var error))
        {
            return crs;
        }

        problems.Add(ProblemCodes.UnknownCrs, error, FileName, null, field);
        return null;
    }
}
