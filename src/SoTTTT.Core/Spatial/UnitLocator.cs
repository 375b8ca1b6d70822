using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// Finds the admin unit a point belongs to: the unit named by an explicit code when given, else the
/// deepest unit whose polygon contains it (commune, then district, then province), else the only
/// province when the dataset has exactly one. Thread-safe after construction.
/// </summary>
public sealed class UnitLocator
{
    private readonly AdminHierarchy hierarchy;
    private readonly List<STRtree<(AdminUnit Unit, IPointOnGeometryLocator Locator)>> treesDeepestFirst = [];
    private readonly AdminUnit? soleProvince;

    public UnitLocator(Dataset dataset)
    {
        hierarchy = dataset.Hierarchy;
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
                    any = true;
                }
            }

            if (any)
            {
                tree.Build();
                treesDeepestFirst.Add(tree);
            }
        }

        var provinces = dataset.AdminUnits.Where(u => u.Level == AdminLevel.Province).Take(2).ToList();
        soleProvince = provinces.Count == 1 ? provinces[0] : null;
    }

    /// <summary>The unit for a point and an optional explicit unit code; null when neither code nor polygons decide.</summary>
    public AdminUnit? Locate(Point point, string? code = null)
    {
        if (code is not null && hierarchy.Find(code) is { } named)
        {
            return named;
        }

        return Locate(point.Coordinate);
    }

    public AdminUnit? Locate(Coordinate c) => LocateInPolygons(c) ?? soleProvince;

    /// <summary>Whether any unit has a polygon, so that <see cref="LocateInPolygons"/> can tell inside from outside.</summary>
    public bool HasPolygons => treesDeepestFirst.Count > 0;

    /// <summary>The deepest unit whose polygon contains the point (boundary included); null outside every polygon.</summary>
    public AdminUnit? LocateInPolygons(Coordinate c)
    {
        var env = new Envelope(c);
        foreach (var tree in treesDeepestFirst)
        {
            foreach (var (unit, locator) in tree.Query(env))
            {
                if (locator.Locate(c) != Location.Exterior)
                {
                    return unit;
                }
            }
        }

        return null;
    }
}
