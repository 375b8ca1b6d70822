using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace SoTTTT.Core.Planning;

/// <summary>The existing fibre network as segments, answering the nearest point on it. Thread-safe after construction.</summary>
internal sealed class FibreNetwork
{
    private readonly STRtree<LineSegment> tree = new();

    public FibreNetwork(IEnumerable<Geometry> lines)
    {
        foreach (var line in lines)
        {
            for (var g = 0; g < line.NumGeometries; g++)
            {
                var cs = line.GetGeometryN(g).Coordinates;
                for (var i = 1; i < cs.Length; i++)
                {
                    var s = new LineSegment(cs[i - 1], cs[i]);
                    tree.Insert(new Envelope(s.P0, s.P1), s);
                    Count++;
                }
            }
        }

        tree.Build();
    }

    public int Count { get; }

    /// <summary>The nearest point of the network and its distance, m; null without a network.</summary>
    public (Coordinate Point, double DistanceM)? Nearest(Coordinate c)
    {
        if (Count == 0)
        {
            return null;
        }

        var probe = new LineSegment(c, c);
        var nearest = tree.NearestNeighbour(new Envelope(c), probe, SegmentDistance.Instance);
        var point = nearest.ClosestPoint(c);
        return (point, point.Distance(c));
    }

    private sealed class SegmentDistance : IItemDistance<Envelope, LineSegment>
    {
        public static readonly SegmentDistance Instance = new();

        public double Distance(IBoundable<Envelope, LineSegment> item1, IBoundable<Envelope, LineSegment> item2) =>
            item1.Item.Distance(item2.Item);
    }
}
