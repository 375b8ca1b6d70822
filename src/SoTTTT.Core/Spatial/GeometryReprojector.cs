using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;

namespace SoTTTT.Core.Spatial;

/// <summary>Copies a geometry into another CRS, coordinate by coordinate, onto the target CRS's factory.</summary>
public static class GeometryReprojector
{
    public static Geometry Reproject(Geometry source, CoordinateTransformer transformer, GeometryFactory target)
    {
        var copy = target.CreateGeometry(source);
        copy.Apply(new TransformFilter(transformer));
        copy.GeometryChanged();
        return copy;
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
}
