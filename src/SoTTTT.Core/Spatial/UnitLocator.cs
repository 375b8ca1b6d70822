using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// Finds the admin unit a point belongs to (issue 11, "assignment that adds up"):
/// <list type="number">
/// <item>the unit named by an explicit code (<c>commune_code</c>, <c>admin_code</c>) when given;</item>
/// <item>else the deepest unit whose polygon contains it (commune, then district, then province);</item>
/// <item>a point inside a unit but outside all polygons of the deepest level with polygons (coastlines and rounded
/// boundaries differ between levels) goes to the nearest unit of that level under the containing one, when its polygon is
/// within <see cref="NearestUnitM"/> (default <see cref="DefaultNearestUnitM"/> m); else it stays with the containing
/// unit and counts in no unit of the deeper levels. A point outside every polygon goes to the nearest deepest-level unit
/// within the tolerance only when no polygon of a higher level says it lies outside;</item>
/// <item>else nothing: a point outside every polygon is never counted in the only province. Only a dataset without any
/// polygon puts every point in its only province (there is no outside to tell).</item>
/// </list>
/// Thread-safe after construction.
/// </summary>
public sealed class UnitLocator
{
    /// <summary>Default tolerance for giving a point outside every deepest-level polygon to the nearest one, metres.</summary>
    public const double DefaultNearestUnitM = 500;

    private readonly AdminHierarchy hierarchy;
    private readonly List<PointQueryGrid<(AdminUnit Unit, IPointOnGeometryLocator Locator)>> treesDeepestFirst = [];
    private readonly STRtree<AdminUnit>? deepest;
    private readonly AdminLevel? deepestLevel;
    private readonly HashSet<string> withPolygon = new(StringComparer.Ordinal);
    private readonly AdminUnit? soleProvince;

    // The deepest level's polygons on a grid of cells that lie wholly inside or outside each (most points' answer).
    private readonly InteriorCellGrid? interior;
    private readonly AdminUnit[] interiorUnits = [];

    // Their assignments (In of each), read by index where the grid answers.
    private readonly UnitAssignment[] interiorAssignments = [];

    // One assignment per unit for the points found in it (the immutable answer of most calls), not one per point.
    private readonly Dictionary<AdminUnit, UnitAssignment> inUnit;

    public UnitLocator(Dataset dataset, double? nearestUnitM = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        hierarchy = dataset.Hierarchy;
        inUnit = new Dictionary<AdminUnit, UnitAssignment>(ReferenceEqualityComparer.Instance);
        foreach (var unit in dataset.AdminUnits)
        {
            inUnit.TryAdd(unit, new UnitAssignment(unit, null));
        }

        NearestUnitM = nearestUnitM ?? dataset.Rules.NearestUnitM;
        foreach (var level in new[] { AdminLevel.Commune, AdminLevel.District, AdminLevel.Province })
        {
            var tree = new STRtree<(AdminUnit, IPointOnGeometryLocator)>();
            var any = false;
            foreach (var unit in dataset.AdminUnits)
            {
                if (unit.Level == level && unit.Boundary is { IsEmpty: false } boundary)
                {
                    var locator = new IndexedPointInAreaLocator(boundary);

                    // The locator builds its index lazily and not thread-safely: build it now.
                    locator.Locate(boundary.Coordinate);
                    tree.Insert(boundary.EnvelopeInternal, (unit, locator));
                    withPolygon.Add(unit.Code);
                    any = true;
                }
            }

            if (any)
            {
                tree.Build();
                treesDeepestFirst.Add(new PointQueryGrid<(AdminUnit Unit, IPointOnGeometryLocator Locator)>(tree, u => u.Unit.Boundary!.EnvelopeInternal));
                if (deepest is null)
                {
                    deepestLevel = level;
                    deepest = new STRtree<AdminUnit>();
                    interiorUnits = [.. dataset.AdminUnits.Where(u => u.Level == level && u.Boundary is { IsEmpty: false })];
                    foreach (var unit in interiorUnits)
                    {
                        deepest.Insert(unit.Boundary!.EnvelopeInternal, unit);
                    }

                    deepest.Build();
                    var position = new Dictionary<AdminUnit, int>(ReferenceEqualityComparer.Instance);
                    for (var i = 0; i < interiorUnits.Length; i++)
                    {
                        position.TryAdd(interiorUnits[i], i);
                    }

                    interiorAssignments = [.. interiorUnits.Select(In)];
                    var deepestGrid = treesDeepestFirst[0];
                    interior = new InteriorCellGrid(
                        [.. interiorUnits.Select(u => u.Boundary!)],
                        c => First(deepestGrid, c) is { } unit ? position[unit] : -1);
                }
            }
        }

        var provinces = dataset.AdminUnits.Where(u => u.Level == AdminLevel.Province).Take(2).ToList();
        soleProvince = provinces.Count == 1 ? provinces[0] : null;
    }

    /// <summary>Tolerance for giving a point to the nearest deepest-level unit, metres.</summary>
    public double NearestUnitM { get; }

    /// <summary>The unit for a point and an optional explicit unit code; null when neither code nor polygons decide.</summary>
    public AdminUnit? Locate(Point point, string? code = null) => Assign(point.Coordinate, code).Unit;

    public AdminUnit? Locate(Coordinate c) => Assign(c).Unit;

    /// <summary>The unit for a point (see the class summary), and how far it was from it when it went to the nearest one.</summary>
    public UnitAssignment Assign(Coordinate c, string? code = null)
    {
        if (code is not null && hierarchy.Find(code) is { } named)
        {
            return In(named);
        }

        if (!HasPolygons)
        {
            return In(soleProvince);
        }

        // Most points: a cell wholly inside one deepest-level polygon (what LocateInPolygons finds first).
        if (interior is not null && interior.TryFind(c, out var cellIndex) && cellIndex >= 0)
        {
            return interiorAssignments[cellIndex];
        }

        var inside = LocateInPolygons(c);
        if (inside is not null && inside.Level == deepestLevel)
        {
            return In(inside);
        }

        if (Nearest(c, inside) is { } nearest)
        {
            return nearest;
        }

        return In(inside);
    }

    /// <summary>
    /// The unit <see cref="Assign"/> gives every point of <paramref name="box"/> (without a code), when the grid of
    /// interior cells tells it at once: the box lies wholly in cells inside one deepest-level polygon. Null when it
    /// cannot be told so (the box meets a boundary, or no grid): ask point by point.
    /// </summary>
    public AdminUnit? WholeIn(Envelope box) => interior is not null && interior.TryFindAll(box, out var index) ? interiorUnits[index] : null;

    /// <summary>
    /// What <see cref="Assign"/> gives every point of the segment from (<paramref name="ax"/>, <paramref name="ay"/>) to
    /// (<paramref name="bx"/>, <paramref name="by"/>), without a code, when the grid tells it at once (as
    /// <see cref="WholeIn"/> for the segment's box); null when it cannot be told so: ask point by point.
    /// </summary>
    public UnitAssignment? WholeSegment(double ax, double ay, double bx, double by) =>
        interior is not null && interior.TryFindAll(Math.Min(ax, bx), Math.Min(ay, by), Math.Max(ax, bx), Math.Max(ay, by), out var index)
            ? interiorAssignments[index]
            : null;

    private UnitAssignment In(AdminUnit? unit) =>
        unit is null ? UnitAssignment.None : inUnit.TryGetValue(unit, out var known) ? known : new UnitAssignment(unit, null);

    /// <summary>Whether any unit has a polygon, so that <see cref="LocateInPolygons"/> can tell inside from outside.</summary>
    public bool HasPolygons => treesDeepestFirst.Count > 0;

    /// <summary>The deepest unit whose polygon contains the point (boundary included); null outside every polygon.</summary>
    public AdminUnit? LocateInPolygons(Coordinate c)
    {
        var from = 0;
        if (interior is not null && interior.TryFind(c, out var index))
        {
            if (index >= 0)
            {
                return interiorUnits[index];
            }

            // No polygon of the deepest level holds the point's whole cell: on to the next level.
            from = 1;
        }

        for (var level = from; level < treesDeepestFirst.Count; level++)
        {
            if (First(treesDeepestFirst[level], c) is { } unit)
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>The first unit of one level (in its tree's order) whose polygon holds the point, boundary included.</summary>
    private static AdminUnit? First(PointQueryGrid<(AdminUnit Unit, IPointOnGeometryLocator Locator)> level, Coordinate c)
    {
        foreach (var (unit, locator) in level.At(c))
        {
            if (locator.Locate(c) != Location.Exterior)
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>The deepest unit holding the point by the polygons alone, without the grid of whole cells (tests).</summary>
    internal AdminUnit? LocateInPolygonsWithoutCells(Coordinate c)
    {
        foreach (var level in treesDeepestFirst)
        {
            if (First(level, c) is { } unit)
            {
                return unit;
            }
        }

        return null;
    }

    private UnitAssignment? Nearest(Coordinate c, AdminUnit? inside)
    {
        if (deepest is null || NearestUnitM <= 0)
        {
            return null;
        }

        var env = new Envelope(c);
        env.ExpandBy(NearestUnitM);
        var point = new Point(c);
        AdminUnit? best = null;
        var bestM = double.MaxValue;
        foreach (var unit in deepest.Query(env))
        {
            var ancestors = hierarchy.SelfAndAncestors(unit.Code).Skip(1).ToList();
            var allowed = inside is not null
                ? ancestors.Any(a => a.Code == inside.Code)
                : ancestors.All(a => !withPolygon.Contains(a.Code));
            if (!allowed)
            {
                continue;
            }

            var d = DistanceOp.Distance(unit.Boundary!, point);
            if (d <= NearestUnitM && (d < bestM || (d == bestM && string.CompareOrdinal(unit.Code, best!.Code) < 0)))
            {
                best = unit;
                bestM = d;
            }
        }

        return best is null ? null : new UnitAssignment(best, bestM);
    }
}
