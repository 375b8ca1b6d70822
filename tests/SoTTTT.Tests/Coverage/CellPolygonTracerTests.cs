using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Coverage;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

public class CellPolygonTracerTests
{
    private static readonly GeometryFactory Factory = TestNetwork.At(0, 0).Factory;

    /// <summary>Cells from a sketch: '#' is in the set; the last line is row 0 (south).</summary>
    private static Geometry Trace(params string[] rows)
    {
        var cells = new HashSet<(int, int)>();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var i = 0; i < rows[r].Length; i++)
            {
                if (rows[r][i] == '#')
                {
                    cells.Add((i, rows.Length - 1 - r));
                }
            }
        }

        return CellPolygonTracer.Trace(cells, (i, j) => cells.Contains((i, j)), 1000, 2000, 10, Factory);
    }

    [Test]
    public void Trace_RingOfCells_PolygonWithHole()
    {
        var g = Trace(
            "###",
            "#.#",
            "###");
        Assert.Multiple(() =>
        {
            Assert.That(g, Is.InstanceOf<Polygon>());
            Assert.That(((Polygon)g).NumInteriorRings, Is.EqualTo(1));
            Assert.That(g.Area, Is.EqualTo(800).Within(1e-9), "8 cells of 10 m × 10 m");
            Assert.That(g.IsValid, Is.True);
            Assert.That(((Polygon)g).Shell.NumPoints, Is.EqualTo(5), "collinear vertices dropped");
        });
    }

    [Test]
    public void Trace_DiagonalNeighbours_SeparatePolygons()
    {
        // 4-connectivity: cells touching only at a corner are two polygons.
        var g = Trace(
            ".#",
            "#.");
        Assert.Multiple(() =>
        {
            Assert.That(g.NumGeometries, Is.EqualTo(2));
            Assert.That(g.Area, Is.EqualTo(200).Within(1e-9));
            Assert.That(g.IsValid, Is.True);
        });
    }

    [Test]
    public void Trace_LShape_OneRingExactArea()
    {
        var g = Trace(
            "#..",
            "#..",
            "###");
        Assert.Multiple(() =>
        {
            Assert.That(g, Is.InstanceOf<Polygon>());
            Assert.That(g.Area, Is.EqualTo(500).Within(1e-9));
            Assert.That(((Polygon)g).Shell.NumPoints, Is.EqualTo(7), "six corners, closed");
            Assert.That(g.EnvelopeInternal, Is.EqualTo(new Envelope(1000, 1030, 2000, 2030)));
        });
    }
}
