using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Indicators;

/// <summary>
/// Which units of an older snapshot were merged into a unit of a newer one, and which admin levels the newer snapshot
/// dropped (the 2025 reform merged communes and removed the district level). Units present in both snapshots (same code)
/// are never merges: merging only applies to old codes missing from the newer snapshot.
/// </summary>
public static class UnitMergeAnalysis
{
    /// <summary>
    /// Least share of an old unit's polygon area, in %, that must lie inside one new unit for the old unit to count as
    /// merged into it: 90 %, so that boundaries redrawn or digitised differently (slivers along the edges) still match,
    /// while a unit split between two new units (say 60 / 40) does not.
    /// </summary>
    public const double MinSharePct = 90.0;

    /// <summary>
    /// The merges at <paramref name="level"/>, sorted by old code: every old unit of the level whose code the newer
    /// snapshot lacks, with a polygon of positive area, at least <see cref="MinSharePct"/> % of which lies inside one new
    /// unit of the same level. Areas in the analysis CRS (m²); none when the two snapshots analyse in different CRSs.
    /// </summary>
    public static IReadOnlyList<UnitMerge> Run(Dataset older, Dataset newer, AdminLevel level)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (older.Crs.Name != newer.Crs.Name)
        {
            return [];
        }

        var newUnits = newer.AdminUnits.Where(u => u.Level == level).ToList();
        var newCodes = newUnits.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var index = new STRtree<AdminUnit>();
        foreach (var n in newUnits.Where(n => n.Boundary is { IsEmpty: false }))
        {
            index.Insert(n.Boundary!.EnvelopeInternal, n);
        }

        var merges = new List<UnitMerge>();
        foreach (var o in older.AdminUnits.Where(u => u.Level == level && !newCodes.Contains(u.Code)).OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            if (o.Boundary is not { IsEmpty: false } boundary || boundary.Area <= 0)
            {
                continue;
            }

            var best = index.Query(boundary.EnvelopeInternal)
                .Select(n => (Unit: n, SharePct: 100.0 * Inside(boundary, n.Boundary!) / boundary.Area))
                .OrderByDescending(x => x.SharePct)
                .ThenBy(x => x.Unit.Code, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Unit is not null && best.SharePct >= MinSharePct)
            {
                merges.Add(new UnitMerge(o.Code, o.Name, best.Unit.Code, best.Unit.Name, best.SharePct));
            }
        }

        return merges;
    }

    /// <summary>Admin levels the older snapshot has and the newer has not (e.g. district, removed in 2025), with the old unit count.</summary>
    public static IReadOnlyList<(AdminLevel Level, int OldUnits)> RemovedLevels(Dataset older, Dataset newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var newLevels = newer.AdminUnits.Select(u => u.Level).ToHashSet();
        return [.. older.AdminUnits.GroupBy(u => u.Level).Where(g => !newLevels.Contains(g.Key)).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];
    }

    // OverlayNG's robust mode snaps when floating-point noding fails, so touching or overlapping edges never throw.
    private static double Inside(Geometry old, Geometry @new) =>
        old.EnvelopeInternal.Intersects(@new.EnvelopeInternal) ? OverlayNGRobust.Overlay(old, @new, SpatialFunction.Intersection).Area : 0;
}
