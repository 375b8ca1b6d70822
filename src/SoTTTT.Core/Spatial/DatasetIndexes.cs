using System.Runtime.CompilerServices;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// The spatial indexes every analysis asks of a dataset the same way — the admin units (<see cref="UnitLocator"/> with
/// the rules' tolerance), the zones, the urban area, the fibre segments, the postal points, the units' zone scales,
/// the commune centres, the BTS's units and the units' edges — built once per dataset
/// (by reference: a dataset is immutable; a changed copy made with <c>with</c> gets its own) and kept while it lives,
/// as a database keeps its indexes beside its tables. In a one-command process they serve the analyses of that
/// command (the plan's several parts, the report's levels); in the resident process (<c>sotttt daemon</c>) the
/// commands that follow on the same dataset. Each is built on first use, once, whichever thread asks; all are
/// read-only and thread-safe after construction.
/// </summary>
public static class DatasetIndexes
{
    private static readonly ConditionalWeakTable<Dataset, Set> Sets = [];

    /// <summary>The admin units, located with the dataset's rules (<see cref="Rules.ProvinceRules.NearestUnitM"/>).</summary>
    public static UnitLocator Locator(Dataset dataset) => Of(dataset).Locator.Value;

    public static ZoneIndex Zones(Dataset dataset) => Of(dataset).Zones.Value;

    /// <summary>Urban or not, over <see cref="Locator"/> and <see cref="Zones"/>.</summary>
    public static UrbanArea Urban(Dataset dataset) => Of(dataset).Urban.Value;

    /// <summary>The fibre routes' segments, or null when the dataset has no fibre layer.</summary>
    public static SegmentIndex? FibreSegments(Dataset dataset) => Of(dataset).Fibre.Value;

    /// <summary>The postal service points, or null when there are none.</summary>
    public static NearestPointGrid? PostalPoints(Dataset dataset) => Of(dataset).Postal.Value;

    /// <summary>Each unit's length factor to its own province's zone (<see cref="UnitZoneScale"/>).</summary>
    public static UnitZoneScale ZoneScale(Dataset dataset) => Of(dataset).Scale.Value;

    /// <summary>The commune centres over <see cref="Locator"/> (<see cref="Spatial.CommuneCentres"/>); their coordinates are shared: read them only.</summary>
    public static IReadOnlyList<CommuneCentre> CommuneCentres(Dataset dataset) => Of(dataset).Centres.Value;

    /// <summary>
    /// The deepest admin unit holding each BTS (<see cref="Locator"/>), as its index in <see cref="Dataset.AdminUnits"/>,
    /// −1 outside every unit; index b is BTS b. Shared: read it only.
    /// </summary>
    public static IReadOnlyList<int> BtsUnits(Dataset dataset) => Of(dataset).BtsUnits.Value;

    /// <summary>
    /// The edges of every admin unit's polygon, all levels (<see cref="SegmentIndex.Crossings"/>: where a line passes from
    /// one unit to another); null when no unit has a polygon.
    /// </summary>
    public static SegmentIndex? UnitBoundaries(Dataset dataset) => Of(dataset).Boundaries.Value;

    /// <summary>Whether <paramref name="locator"/> is the dataset's shared <see cref="Locator"/>.</summary>
    internal static bool Holds(Dataset dataset, UnitLocator locator) =>
        Sets.TryGetValue(dataset, out var set) && set.Locator.IsValueCreated && ReferenceEquals(set.Locator.Value, locator);

    private static Set Of(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Sets.GetValue(dataset, static d => new Set(d));
    }

    private static int[] UnitsOf(Dataset dataset, UnitLocator locator)
    {
        var unitIndex = dataset.AdminUnits.Select((u, i) => (u.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var units = new int[dataset.Bts.Count];
        Parallel.For(0, units.Length, b => units[b] = locator.Locate(dataset.Bts[b].Location) is { } unit ? unitIndex[unit.Code] : -1);
        return units;
    }

    private sealed class Set
    {
        public Set(Dataset dataset)
        {
            Locator = new(() => new UnitLocator(dataset));
            Zones = new(() => new ZoneIndex(dataset.Zones));
            Urban = new(() => new UrbanArea(dataset, Locator.Value, Zones.Value));
            Fibre = new(() => dataset.Layers.Contains(Dataset.LayerNames.FibreRoutes) ? new SegmentIndex(dataset.FibreRoutes.Select(r => r.Path)) : null);
            Postal = new(() => dataset.PostalPoints.Count > 0 ? new NearestPointGrid([.. dataset.PostalPoints.Select(p => p.Location.Coordinate)]) : null);
            Scale = new(() => new UnitZoneScale(dataset));
            Centres = new(() => Spatial.CommuneCentres.Of(dataset, Locator.Value));
            BtsUnits = new(() => UnitsOf(dataset, Locator.Value));
            Boundaries = new(() => dataset.AdminUnits.Where(u => u.Boundary is { IsEmpty: false }).Select(u => u.Boundary!.Boundary).ToList() is { Count: > 0 } rings
                ? new SegmentIndex(rings)
                : null);
        }

        public Lazy<SegmentIndex?> Boundaries { get; }

        public Lazy<int[]> BtsUnits { get; }

        public Lazy<UnitLocator> Locator { get; }

        public Lazy<ZoneIndex> Zones { get; }

        public Lazy<UrbanArea> Urban { get; }

        public Lazy<SegmentIndex?> Fibre { get; }

        public Lazy<NearestPointGrid?> Postal { get; }

        public Lazy<UnitZoneScale> Scale { get; }

        public Lazy<IReadOnlyList<CommuneCentre>> Centres { get; }
    }
}
