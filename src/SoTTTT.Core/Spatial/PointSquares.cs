using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// Points by the square of a half-side around each: the items whose square holds a place are the items a query of the
/// place's own square would find, so a grid of them answers "which points lie within r of here" (then checked by the
/// exact distance) without a tree to build or a list per query.
/// </summary>
public static class PointSquares
{
    /// <summary>A grid of <paramref name="items"/> (in their order) by the square of half-side <paramref name="halfSideM"/> around <paramref name="at"/> of each.</summary>
    public static PointQueryGrid<int> Grid(IReadOnlyList<int> items, Func<int, Coordinate> at, double halfSideM) =>
        new(items, i =>
        {
            var e = new Envelope(at(i));
            e.ExpandBy(halfSideM);
            return e;
        });
}
