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
    /// <summary>Compares two tables of the same level. Pure.</summary>
    public static IndicatorComparison Of(IndicatorTable older, string? oldDate, IndicatorTable newer, string? newDate)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var oldRows = older.Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var newRows = newer.Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var changes = new List<IndicatorChange>();
        var units = new List<UnitChange>();
        foreach (var n in newer.Rows)
        {
            if (!oldRows.TryGetValue(n.Code, out var o))
            {
                units.Add(new UnitChange(n.Code, "added", null, n.Name));
                continue;
            }

            if (o.Name != n.Name)
            {
                units.Add(new UnitChange(n.Code, "renamed", o.Name, n.Name));
            }

            var oldValues = IndicatorValues.Of(o);
            var newValues = IndicatorValues.Of(n);
            var oldByKey = oldValues.ToDictionary(v => v.Key, StringComparer.Ordinal);
            var newByKey = newValues.ToDictionary(v => v.Key, StringComparer.Ordinal);
            var keys = newValues.Select(v => v.Key).Concat(oldValues.Select(v => v.Key)).Distinct(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var hasOld = oldByKey.TryGetValue(key, out var ov);
                var hasNew = newByKey.TryGetValue(key, out var nv);
                var breakdown = (hasOld && ov.Breakdown) || (hasNew && nv.Breakdown);
                double? oldValue = hasOld ? ov.Value : breakdown ? 0 : null;
                double? newValue = hasNew ? nv.Value : breakdown ? 0 : null;
                if (oldValue is null && newValue is null)
                {
                    continue;
                }

                changes.Add(new IndicatorChange(n.Code, n.Name, key, oldValue, newValue));
            }
        }

        units.AddRange(older.Rows.Where(o => !newRows.ContainsKey(o.Code)).Select(o => new UnitChange(o.Code, "removed", o.Name, null)));
        return new IndicatorComparison(older.Dataset, oldDate, newer.Dataset, newDate, newer.Level, changes, [.. units.OrderBy(u => u.Code, StringComparer.Ordinal)]);
    }
}
