using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// Finds the planning zones at a point or near an area. A point on a zone's boundary is in the zone. Thread-safe
/// after construction.
/// </summary>
public sealed class ZoneIndex
{
    private readonly STRtree<(int Order, Zone Zone, IPointOnGeometryLocator Locator)> tree = new();

    public ZoneIndex(IEnumerable<Zone> zones)
    {
        var order = 0;
        foreach (var zone in zones)
        {
            if (zone.Area.IsEmpty)
            {
                continue;
            }

            var locator = new IndexedPointInAreaLocator(zone.Area);

            // The locator builds its index lazily and not thread-safely: build it now.
            locator.Locate(zone.Area.Coordinate);
            tree.Insert(zone.Area.EnvelopeInternal, (order++, zone, locator));
        }

        tree.Build();
    }

    /// <summary>The zones containing the point, in dataset order.</summary>
    public IReadOnlyList<Zone> At(Coordinate c)
    {
        List<(int Order, Zone Zone)>? hits = null;
        foreach (var (order, zone, locator) in tree.Query(new Envelope(c)))
        {
            if (locator.Locate(c) != Location.Exterior)
            {
                (hits ??= []).Add((order, zone));
            }
        }

        if (hits is null)
        {
            return [];
        }

        hits.Sort((a, b) => a.Order.CompareTo(b.Order));
        return [.. hits.Select(h => h.Zone)];
    }

    /// <summary>The zones whose envelope meets the given envelope, in dataset order (for maps).</summary>
    public IReadOnlyList<Zone> Near(Envelope envelope) =>
        [.. tree.Query(envelope).OrderBy(h => h.Order).Select(h => h.Zone)];
}
