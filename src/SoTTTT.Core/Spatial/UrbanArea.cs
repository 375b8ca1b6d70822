using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// Decides whether a place is urban (đô thị), which sets the must-share and spacing distances: inside a zone of kind
/// <c>urban</c>, or in an admin unit flagged <c>urban=true</c> — the deepest unit containing the point, else its
/// nearest ancestor that has the flag. A point with no flag anywhere is non-urban. Thread-safe after construction.
/// </summary>
public sealed class UrbanArea
{
    private readonly UnitLocator locator;
    private readonly bool soleProvinceUrban;
    private readonly ZoneIndex zones;
    private readonly Dictionary<string, bool> urbanByUnit = new(StringComparer.Ordinal);

    // Envelopes of the urban units: most places lie in none, which settles them without a point-in-polygon test.
    private readonly PointQueryGrid<Envelope> urbanEnvelopes;

    public UrbanArea(Dataset dataset, UnitLocator locator, ZoneIndex zones)
    {
        this.locator = locator;
        this.zones = zones;
        var tree = new STRtree<Envelope>();
        foreach (var unit in dataset.AdminUnits)
        {
            var flag = dataset.Hierarchy.SelfAndAncestors(unit.Code).Select(u => u.Urban).FirstOrDefault(f => f is not null);
            urbanByUnit[unit.Code] = flag ?? false;
            if (flag == true && unit.Boundary is { IsEmpty: false } boundary)
            {
                tree.Insert(boundary.EnvelopeInternal, boundary.EnvelopeInternal);
            }
        }

        tree.Build();
        urbanEnvelopes = new PointQueryGrid<Envelope>(tree, e => e);
        soleProvinceUrban = dataset.AdminUnits.Count(u => u.Level == AdminLevel.Province) == 1
            && dataset.AdminUnits.Single(u => u.Level == AdminLevel.Province) is { Urban: true };
    }

    public bool IsUrban(Coordinate c)
    {
        foreach (var zone in zones.At(c))
        {
            if (zone.Kind == ZoneKinds.Urban)
            {
                return true;
            }
        }

        return IsUrbanUnit(c);
    }

    /// <summary>Whether the admin unit at the point is urban by its flag (or its nearest flagged ancestor's); zones ignored.</summary>
    public bool IsUrbanUnit(Coordinate c) =>
        (soleProvinceUrban || InUrbanEnvelope(c)) && locator.Locate(c) is { } unit && urbanByUnit.GetValueOrDefault(unit.Code);

    private bool InUrbanEnvelope(Coordinate c)
    {
        foreach (var _ in urbanEnvelopes.At(c))
        {
            return true;
        }

        return false;
    }
}
