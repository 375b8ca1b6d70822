using SoTTTT.Core.Model;

namespace SoTTTT.Core.Indicators;

/// <summary>
/// Two snapshots of the indicator table of one level (e.g. the start and the end of a term: "641 BTS, tăng 196 trạm so với
/// đầu nhiệm kỳ"): for every unit present in both (matched by code), every indicator's old value, new value, change and
/// % change; units only in one snapshot, or renamed, listed apart (the 2025 reform merged communes and removed districts).
/// </summary>
/// <param name="OldDate">The older dataset's snapshot date (dataset.json <c>date</c>), when given.</param>
/// <param name="NewDate">The newer dataset's snapshot date, when given.</param>
public sealed record IndicatorComparison(
    string OldDataset,
    string? OldDate,
    string NewDataset,
    string? NewDate,
    AdminLevel Level,
    IReadOnlyList<IndicatorChange> Changes,
    IReadOnlyList<UnitChange> Units)
{
    /// <summary>
    /// Admin levels the older snapshot has and the newer lacks (e.g. <c>district</c>, removed in 2025), with the older
    /// snapshot's unit count; empty when not checked.
    /// </summary>
    public IReadOnlyList<(AdminLevel Level, int OldUnits)> RemovedLevels { get; init; } = [];

    /// <summary>Compares two tables of the same level, units matched by code only. Pure.</summary>
    public static IndicatorComparison Of(IndicatorTable older, string? oldDate, IndicatorTable newer, string? newDate) =>
        Of(older, oldDate, newer, newDate, []);

    /// <summary>
    /// Compares two tables of the same level. Units are matched by code; in addition each old unit of
    /// <paramref name="merges"/> (its code absent from <paramref name="newer"/>) is reported <c>merged</c>, and the new
    /// unit it went into gets as old values the merged figures of its parts (<see cref="MergedOldValues"/>). Pure.
    /// </summary>
    public static IndicatorComparison Of(IndicatorTable older, string? oldDate, IndicatorTable newer, string? newDate, IReadOnlyList<UnitMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(merges);
        var oldRows = older.Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var newRows = newer.Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var changes = new List<IndicatorChange>();
        var units = new List<UnitChange>();
        var mergedInto = merges
            .Where(m => oldRows.ContainsKey(m.OldCode) && !newRows.ContainsKey(m.OldCode) && newRows.ContainsKey(m.NewCode))
            .ToLookup(m => m.NewCode, StringComparer.Ordinal);
        foreach (var n in newer.Rows)
        {
            var hasOwn = oldRows.TryGetValue(n.Code, out var o);
            if (!hasOwn)
            {
                units.Add(new UnitChange(n.Code, "added", null, n.Name));
            }
            else if (o!.Name != n.Name)
            {
                units.Add(new UnitChange(n.Code, "renamed", o.Name, n.Name));
            }

            if (mergedInto[n.Code].Any())
            {
                units.AddRange(mergedInto[n.Code].Select(m => new UnitChange(m.OldCode, "merged", m.OldName, n.Name) { MergedInto = n.Code, SharePct = m.SharePct }));
                List<IndicatorRow> parts = [.. hasOwn ? [o!] : Array.Empty<IndicatorRow>(), .. mergedInto[n.Code].Select(m => oldRows[m.OldCode])];
                changes.AddRange(MergedChanges(n, parts));
                continue;
            }

            if (!hasOwn)
            {
                continue;
            }

            var oldValues = IndicatorValues.Of(o!).Select(v => (v.Key, v.Value, Note: (string?)null, v.Breakdown)).ToList();
            foreach (var (key, oldValue, newValue, _) in Paired(oldValues, IndicatorValues.Of(n)))
            {
                changes.Add(new IndicatorChange(n.Code, n.Name, key, oldValue, newValue));
            }
        }

        var merged = mergedInto.SelectMany(g => g).Select(m => m.OldCode).ToHashSet(StringComparer.Ordinal);
        units.AddRange(older.Rows.Where(o => !newRows.ContainsKey(o.Code) && !merged.Contains(o.Code)).Select(o => new UnitChange(o.Code, "removed", o.Name, null)));
        return new IndicatorComparison(older.Dataset, oldDate, newer.Dataset, newDate, newer.Level, changes, [.. units.OrderBy(u => u.Code, StringComparer.Ordinal)]);
    }

    /// <summary>The changes of a new unit whose old figures are those of <paramref name="parts"/> merged.</summary>
    private static IEnumerable<IndicatorChange> MergedChanges(IndicatorRow n, IReadOnlyList<IndicatorRow> parts)
    {
        var from = parts.Select(p => p.Code).ToList();
        foreach (var (key, oldValue, newValue, note) in Paired(MergedOldValues.Of(parts), IndicatorValues.Of(n)))
        {
            yield return new IndicatorChange(n.Code, n.Name, key, oldValue, newValue) { OldFrom = from, OldNote = note };
        }
    }

    /// <summary>
    /// Old and new values by indicator key (new keys first, then keys only the old table has); a missing breakdown
    /// value (per operator, technology, kind) counts as 0, any other missing value as blank; keys blank on both sides
    /// are left out.
    /// </summary>
    private static IEnumerable<(string Key, double? Old, double? New, string? OldNote)> Paired(
        IReadOnlyList<(string Key, double? Value, string? Note, bool Breakdown)> oldValues,
        IReadOnlyList<(string Key, double? Value, bool Breakdown)> newValues)
    {
        var oldByKey = oldValues.ToDictionary(v => v.Key, StringComparer.Ordinal);
        var newByKey = newValues.ToDictionary(v => v.Key, StringComparer.Ordinal);
        foreach (var key in newValues.Select(v => v.Key).Concat(oldValues.Select(v => v.Key)).Distinct(StringComparer.Ordinal))
        {
            var hasOld = oldByKey.TryGetValue(key, out var ov);
            var hasNew = newByKey.TryGetValue(key, out var nv);
            var breakdown = (hasOld && ov.Breakdown) || (hasNew && nv.Breakdown);
            double? oldValue = hasOld ? ov.Value : breakdown ? 0 : null;
            double? newValue = hasNew ? nv.Value : breakdown ? 0 : null;
            if (oldValue is not null || newValue is not null)
            {
                yield return (key, oldValue, newValue, hasOld ? ov.Note : null);
            }
        }
    }
}
