using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Turns a set of raster cells into polygons: the cells' outer edges are chained into rings with the interior on
/// the left (shells counter-clockwise, holes clockwise), turning left where two cells meet only at a corner so that
/// 4-connected parts stay separate polygons; collinear vertices are dropped. Exact: the result's area is the cells'
/// area.
/// </summary>
public static class CellPolygonTracer
{
    private static readonly int[] StepX = [1, 0, -1, 0];
    private static readonly int[] StepY = [0, 1, 0, -1];

    /// <summary>The union of <paramref name="cells"/> (column i, row j, row 0 at the south) as a polygon or multipolygon.</summary>
    /// <param name="cells">The cells; each once.</param>
    /// <param name="contains">Whether a cell is in the set (also called for cells outside the grid).</param>
    /// <param name="originX">Easting of the grid's south-west corner.</param>
    /// <param name="originY">Northing of the grid's south-west corner.</param>
    /// <param name="cellM">Cell size.</param>
    public static Geometry Trace(IEnumerable<(int I, int J)> cells, Func<int, int, bool> contains, double originX, double originY, double cellM, GeometryFactory factory)
    {
        var fromI = new List<int>();
        var fromJ = new List<int>();
        var dirs = new List<byte>();
        var nextOut = new List<int>();
        var firstOut = new Dictionary<long, int>();
        void Edge(int i, int j, byte dir)
        {
            var id = fromI.Count;
            fromI.Add(i);
            fromJ.Add(j);
            dirs.Add(dir);
            var key = Key(i, j);
            nextOut.Add(firstOut.TryGetValue(key, out var other) ? other : -1);
            firstOut[key] = id;
        }

        foreach (var (i, j) in cells)
        {
            if (!contains(i, j - 1))
            {
                Edge(i, j, 0);
            }

            if (!contains(i + 1, j))
            {
                Edge(i + 1, j, 1);
            }

            if (!contains(i, j + 1))
            {
                Edge(i + 1, j + 1, 2);
            }

            if (!contains(i - 1, j))
            {
                Edge(i, j + 1, 3);
            }
        }

        var used = new bool[fromI.Count];
        var shells = new List<(Polygon Shell, double Area)>();
        var holes = new List<LinearRing>();
        for (var start = 0; start < used.Length; start++)
        {
            if (used[start])
            {
                continue;
            }

            var coords = new List<Coordinate>();
            var e = start;
            var lastDir = -1;
            while (true)
            {
                used[e] = true;
                if (dirs[e] != lastDir)
                {
                    coords.Add(new Coordinate(originX + fromI[e] * cellM, originY + fromJ[e] * cellM));
                    lastDir = dirs[e];
                }

                var toI = fromI[e] + StepX[dirs[e]];
                var toJ = fromJ[e] + StepY[dirs[e]];
                var next = Choose(firstOut[Key(toI, toJ)], nextOut, dirs, dirs[e]);
                if (next == start)
                {
                    if (dirs[start] == lastDir)
                    {
                        coords.RemoveAt(0);
                    }

                    break;
                }

                e = next;
            }

            coords.Add(coords[0].Copy());
            var ring = factory.CreateLinearRing([.. coords]);
            var signed = SignedArea(coords);
            if (signed > 0)
            {
                shells.Add((factory.CreatePolygon(ring), signed));
            }
            else
            {
                holes.Add(ring);
            }
        }

        return Assemble(shells, holes, factory);
    }

    private static int Choose(int first, List<int> nextOut, List<byte> dirs, byte incoming)
    {
        if (nextOut[first] < 0)
        {
            return first;
        }

        // Two ways on at a corner where cells touch diagonally: turn left, keeping each part's boundary to itself.
        var left = (incoming + 1) % 4;
        return dirs[first] == left ? first : nextOut[first];
    }

    private static Geometry Assemble(List<(Polygon Shell, double Area)> shells, List<LinearRing> holes, GeometryFactory factory)
    {
        var holesOf = new List<LinearRing>[shells.Count];
        if (holes.Count > 0)
        {
            var tree = new STRtree<int>();
            for (var s = 0; s < shells.Count; s++)
            {
                tree.Insert(shells[s].Shell.EnvelopeInternal, s);
            }

            tree.Build();
            var locators = new Dictionary<int, IPointOnGeometryLocator>();
            foreach (var hole in holes)
            {
                var best = -1;
                foreach (var s in tree.Query(hole.EnvelopeInternal))
                {
                    if (!shells[s].Shell.EnvelopeInternal.Contains(hole.EnvelopeInternal) || (best >= 0 && shells[s].Area >= shells[best].Area))
                    {
                        continue;
                    }

                    if (!locators.TryGetValue(s, out var locator))
                    {
                        locators[s] = locator = new IndexedPointInAreaLocator(shells[s].Shell);
                    }

                    if (Inside(locator, hole))
                    {
                        best = s;
                    }
                }

                if (best >= 0)
                {
                    (holesOf[best] ??= []).Add(hole);
                }
            }
        }

        var polygons = new Polygon[shells.Count];
        for (var s = 0; s < shells.Count; s++)
        {
            polygons[s] = holesOf[s] is { } h ? factory.CreatePolygon((LinearRing)shells[s].Shell.Shell, [.. h]) : shells[s].Shell;
        }

        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    private static bool Inside(IPointOnGeometryLocator locator, LinearRing hole)
    {
        foreach (var c in hole.Coordinates)
        {
            switch (locator.Locate(c))
            {
                case Location.Interior:
                    return true;
                case Location.Exterior:
                    return false;
            }
        }

        return false;
    }

    private static double SignedArea(List<Coordinate> ring)
    {
        var sum = 0.0;
        for (var k = 0; k < ring.Count - 1; k++)
        {
            sum += (ring[k].X * ring[k + 1].Y) - (ring[k + 1].X * ring[k].Y);
        }

        return sum / 2;
    }

    private static long Key(int i, int j) => ((long)i << 32) | (uint)j;
}
