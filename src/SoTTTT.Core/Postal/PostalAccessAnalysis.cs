using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Postal;

/// <summary>
/// The real access distance the departments' average service radius stands in for (DOMAIN.md, postal indicators):
/// from each settlement to its nearest postal service point of any kind, straight line in the analysis CRS (metres).
/// Pure: no I/O.
/// </summary>
public static class PostalAccessAnalysis
{
    /// <summary>One entry per settlement, in settlement order; empty when the dataset has no postal points.</summary>
    public static IReadOnlyList<PostalAccess> Run(Dataset dataset)
    {
        if (dataset.PostalPoints.Count == 0)
        {
            return [];
        }

        var tree = new STRtree<int>();
        for (var i = 0; i < dataset.PostalPoints.Count; i++)
        {
            tree.Insert(dataset.PostalPoints[i].Location.EnvelopeInternal, i);
        }

        tree.Build();
        var distance = new PointDistance(dataset.PostalPoints);
        return dataset.Settlements
            .AsParallel()
            .AsOrdered()
            .Select((s, i) =>
            {
                var nearest = tree.NearestNeighbour(s.Location.EnvelopeInternal, -1, distance);
                return new PostalAccess(i, nearest, s.Location.Distance(dataset.PostalPoints[nearest].Location));
            })
            .ToList();
    }

    /// <summary>Distance between a query (index -1, its envelope a point) and a postal point.</summary>
    private sealed class PointDistance(IReadOnlyList<PostalPoint> points) : IItemDistance<Envelope, int>
    {
        public double Distance(IBoundable<Envelope, int> item1, IBoundable<Envelope, int> item2) =>
            Centre(item1).Distance(Centre(item2));

        private Coordinate Centre(IBoundable<Envelope, int> item) =>
            item.Item >= 0 ? points[item.Item].Location.Coordinate : item.Bounds.Centre;
    }
}
