using System.Globalization;
using System.Text;
using System.Text.Json;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Deterministic CSV and JSON of an <see cref="IndicatorComparison"/>: one row per unit and indicator with
/// <c>code,name,indicator,old,new,change,change_pct</c> (numbers invariant, at most 3 decimals; % with 1).
/// </summary>
public static class IndicatorComparisonWriter
{
    public static string ToCsv(IndicatorComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return CsvOutput.Write<IndicatorChange>(
            [
                ("code", c => c.Code),
                ("name", c => c.Name),
                ("indicator", c => c.Indicator),
                ("old", c => Number(c.Old)),
                ("new", c => Number(c.New)),
                ("change", c => Number(c.Change)),
                ("change_pct", c => CsvOutput.Fixed(c.ChangePct, 1)),
            ],
            comparison.Changes);
    }

    /// <summary>
    /// JSON: <c>{"old": {"dataset", "date"}, "new": {…}, "level", "removed_levels": [{level, old_units}],
    /// "units": [{code, status, old_name, new_name, (merged: merged_into, share_pct)}],
    /// "changes": [{code, name, indicator, old, new, change, change_pct, (merged unit: old_from, old_note)}]}</c>.
    /// </summary>
    public static string ToJson(IndicatorComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            Snapshot(w, "old", comparison.OldDataset, comparison.OldDate);
            Snapshot(w, "new", comparison.NewDataset, comparison.NewDate);
            w.WriteString("level", Codes.Key(comparison.Level));
            w.WriteStartArray("removed_levels");
            foreach (var (level, oldUnits) in comparison.RemovedLevels)
            {
                w.WriteStartObject();
                w.WriteString("level", Codes.Key(level));
                w.WriteNumber("old_units", oldUnits);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("units");
            foreach (var u in comparison.Units)
            {
                w.WriteStartObject();
                w.WriteString("code", u.Code);
                w.WriteString("status", u.Status);
                Text(w, "old_name", u.OldName);
                Text(w, "new_name", u.NewName);
                if (u.MergedInto is not null)
                {
                    w.WriteString("merged_into", u.MergedInto);
                    Value(w, "share_pct", u.SharePct, 1);
                }
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("changes");
            foreach (var c in comparison.Changes)
            {
                w.WriteStartObject();
                w.WriteString("code", c.Code);
                w.WriteString("name", c.Name);
                w.WriteString("indicator", c.Indicator);
                Value(w, "old", c.Old, 3);
                Value(w, "new", c.New, 3);
                Value(w, "change", c.Change, 3);
                Value(w, "change_pct", c.ChangePct, 1);
                if (c.OldFrom is not null)
                {
                    w.WriteStartArray("old_from");
                    foreach (var code in c.OldFrom)
                    {
                        w.WriteStringValue(code);
                    }

                    w.WriteEndArray();
                    Text(w, "old_note", c.OldNote);
                }
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>A value with at most 3 decimals, no trailing zeros (445, 44.044, 1.5); empty for null.</summary>
    public static string Number(double? value) =>
        value is { } v ? Math.Round(v, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    private static void Snapshot(Utf8JsonWriter w, string name, string dataset, string? date)
    {
        w.WriteStartObject(name);
        w.WriteString("dataset", dataset);
        Text(w, "date", date);
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Value(Utf8JsonWriter w, string name, double? value, int decimals)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, decimals, MidpointRounding.AwayFromZero));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
