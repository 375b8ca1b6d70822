using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// An index of the segments of a set of lines (e.g. fibre routes), answering "is any line within d metres
/// of this point". Thread-safe after construction.
/// </summary>
public sealed class SegmentIndex
{
    private readonly STRtree<LineSegment> tree = new();

    public SegmentIndex(IEnumerable<Geometry> lines)
    {
        foreach (var line in lines)
        {
            for (var g = 0; g < line.NumGeometries; g++)
            {
                var coords = line.GetGeometryN(g).Coordinates;
                for (var i = 1; i < coords.Length; i++)
                {
                    var segment = new LineSegment(coords[i - 1], coords[i]);
                    tree.Insert(new Envelope(segment.P0, segment.P1), segment);
                }
            }
        }

        tree.Build();
    }

    public bool IsWithin(Coordinate c, double distance)
    {
        var env = new Envelope(c);
        env.ExpandBy(distance);
        foreach (var segment in tree.Query(env))
        {
            if (segment.Distance(c) <= distance)
            {
                return true;
            }
        }

        return false;
    }
}
