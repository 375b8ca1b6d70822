using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Indicators;

/// <summary>
/// Keeps the items of one indicator table that count in no unit of its level (<see cref="UnassignedItem"/>) and those
/// given to the nearest unit (<see cref="NearestUnitItem"/>), with their WGS84 positions. Not thread-safe.
/// </summary>
internal sealed class AssignmentBook(Dataset dataset, AdminLevel level)
{
    private readonly Lazy<CoordinateTransformer> toWgs84 = new(() => CoordinateTransformer.Create(dataset.Crs, CrsRegistry.Wgs84));
    // By the unit object (the locator gives the dataset's own), not its code: asked once per point and per fibre part.
    private readonly Dictionary<AdminUnit, bool> atLevel = new(ReferenceEqualityComparer.Instance);
    private readonly List<UnassignedItem> unassigned = [];
    private readonly Dictionary<string, UnassignedItem> fibre = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), NearestUnitItem> nearest = [];

    public void Note(UnitAssignment assignment, string layer, string id, Coordinate at)
    {
        NoteNearest(assignment, layer, id, at);
        if (!IsAtLevel(assignment.Unit))
        {
            var (lon, lat) = toWgs84.Value.Transform(at.X, at.Y);
            unassigned.Add(new UnassignedItem(layer, id, lon, lat, assignment.Unit?.Code, null));
        }
    }

    public void NoteFibre(UnitAssignment assignment, string routeId, Coordinate midpoint, double km)
    {
        NoteNearest(assignment, Dataset.LayerNames.FibreRoutes, routeId, midpoint);
        if (IsAtLevel(assignment.Unit))
        {
            return;
        }

        if (fibre.TryGetValue(routeId, out var known))
        {
            fibre[routeId] = known with { Km = known.Km + km };
        }
        else
        {
            var (lon, lat) = toWgs84.Value.Transform(midpoint.X, midpoint.Y);
            fibre[routeId] = new UnassignedItem(Dataset.LayerNames.FibreRoutes, routeId, lon, lat, assignment.Unit?.Code, km);
        }
    }

    public IReadOnlyDictionary<string, int> Counts() =>
        Unassigned().GroupBy(u => u.Layer, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public IReadOnlyList<UnassignedItem> Unassigned() =>
        [.. unassigned.Concat(fibre.Values).OrderBy(u => u.Layer, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal)];

    public IReadOnlyList<NearestUnitItem> Nearest() =>
        [.. nearest.Values.OrderBy(n => n.Layer, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal)];

    private void NoteNearest(UnitAssignment assignment, string layer, string id, Coordinate at)
    {
        if (assignment is { NearestM: { } m, Unit: { } unit } && !nearest.ContainsKey((layer, id)))
        {
            var (lon, lat) = toWgs84.Value.Transform(at.X, at.Y);
            nearest[(layer, id)] = new NearestUnitItem(layer, id, lon, lat, unit.Code, m);
        }
    }

    /// <summary>Whether the unit is of the table's level or under one of it (the book notes nothing found in it).</summary>
    public bool IsAtLevel(AdminUnit? unit)
    {
        if (unit is null)
        {
            return false;
        }

        if (!atLevel.TryGetValue(unit, out var yes))
        {
            atLevel[unit] = yes = dataset.Hierarchy.SelfAndAncestors(unit.Code).Any(u => u.Level == level);
        }

        return yes;
    }
}
