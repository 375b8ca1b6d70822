using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>A uniform grid of points (metres) for spacing checks and nearest-point queries.</summary>
internal sealed class PointGrid(double cellSizeM)
{
    private readonly Dictionary<(long, long), List<int>> cells = [];
    private readonly List<Coordinate> points = [];

    public int Count => points.Count;

    public Coordinate this[int index] => points[index];

    public int Add(Coordinate c)
    {
        var key = Key(c.X, c.Y);
        if (!cells.TryGetValue(key, out var list))
        {
            cells[key] = list = [];
        }

        list.Add(points.Count);
        points.Add(c);
        return points.Count - 1;
    }

    /// <summary>Distance to the nearest point within <paramref name="maxDistanceM"/>, or infinity.</summary>
    public double NearestDistance(Coordinate c, double maxDistanceM) =>
        Nearest(c, maxDistanceM) is var i and >= 0 ? points[i].Distance(c) : double.PositiveInfinity;

    /// <summary>Index of the nearest point within <paramref name="maxDistanceM"/>, or -1. Ties go to the lower index.</summary>
    public int Nearest(Coordinate c, double maxDistanceM)
    {
        var (cx, cy) = Key(c.X, c.Y);
        var reach = (long)Math.Ceiling(maxDistanceM / cellSizeM);
        var best = -1;
        var bestDistance = maxDistanceM;
        for (long ring = 0; ring <= reach; ring++)
        {
            // A point in ring r is at least (r - 1) cells away, so stop once that exceeds the best so far.
            if (best >= 0 && (ring - 1) * cellSizeM > bestDistance)
            {
                break;
            }

            for (var gx = cx - ring; gx <= cx + ring; gx++)
            {
                for (var gy = cy - ring; gy <= cy + ring; gy++)
                {
                    if (Math.Max(Math.Abs(gx - cx), Math.Abs(gy - cy)) != ring || !cells.TryGetValue((gx, gy), out var list))
                    {
                        continue;
                    }

                    foreach (var i in list)
                    {
                        var d = points[i].Distance(c);
                        if (d < bestDistance || (d == bestDistance && (best < 0 || i < best)))
                        {
                            best = i;
                            bestDistance = d;
                        }
                    }
                }
            }
        }

        return best;
    }

    private (long, long) Key(double x, double y) => ((long)Math.Floor(x / cellSizeM), (long)Math.Floor(y / cellSizeM));
}
