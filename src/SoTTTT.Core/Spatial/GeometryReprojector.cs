using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;

namespace SoTTTT.Core.Spatial;

/// <summary>Copies a geometry into another CRS, coordinate by coordinate, onto the target CRS's factory.</summary>
public static class GeometryReprojector
{
    // Geometries per bulk transform in ReprojectAll: one pipeline borrowed and one scratch buffer per chunk.
    private const int ChunkGeometries = 1024;

    public static Geometry Reproject(Geometry source, CoordinateTransformer transformer, GeometryFactory target)
    {
        var copy = target.CreateGeometry(source);
        copy.Apply(new TransformFilter(transformer));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>
    /// As <see cref="Reproject"/> for each geometry (null stays null), in parallel chunks whose coordinates are
    /// transformed in one bulk call each: the same values as one call per coordinate, without borrowing the
    /// transformer's pipeline once per coordinate.
    /// </summary>
    public static Geometry?[] ReprojectAll(IReadOnlyList<Geometry?> sources, CoordinateTransformer transformer, GeometryFactory target)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(transformer);
        var copies = new Geometry?[sources.Count];
        var chunks = (sources.Count + ChunkGeometries - 1) / ChunkGeometries;
        Parallel.For(0, chunks, chunk =>
        {
            var start = chunk * ChunkGeometries;
            var end = Math.Min(sources.Count, start + ChunkGeometries);
            var gather = new GatherFilter();
            for (var i = start; i < end; i++)
            {
                if (sources[i] is { } g)
                {
                    copies[i] = target.CreateGeometry(g);
                    copies[i]!.Apply(gather);
                }
            }

            var xs = gather.Xs.ToArray();
            var ys = gather.Ys.ToArray();
            transformer.Transform(xs, ys);
            var scatter = new ScatterFilter(xs, ys);
            for (var i = start; i < end; i++)
            {
                if (copies[i] is { } copy)
                {
                    copy.Apply(scatter);
                    copy.GeometryChanged();
                }
            }
        });
        return copies;
    }

    private sealed class TransformFilter(CoordinateTransformer transformer) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transformer.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }

    /// <summary>Collects every coordinate, in the order <see cref="Geometry.Apply(ICoordinateSequenceFilter)"/> visits them.</summary>
    private sealed class GatherFilter : ICoordinateSequenceFilter
    {
        public List<double> Xs { get; } = [];

        public List<double> Ys { get; } = [];

        public bool Done => false;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq, int i)
        {
            Xs.Add(seq.GetX(i));
            Ys.Add(seq.GetY(i));
        }
    }

    /// <summary>Writes transformed coordinates back in the order they were gathered.</summary>
    private sealed class ScatterFilter(double[] xs, double[] ys) : ICoordinateSequenceFilter
    {
        private int next;

        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, xs[next]);
            seq.SetY(i, ys[next]);
            next++;
        }
    }
}
