using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;

namespace SoTTTT.IO;

/// <summary>
/// Converts every coordinate of a geometry in place with a <see cref="CoordinateTransformer"/> (when given) and
/// rounds it to a fixed number of decimals.
/// </summary>
internal sealed class CoordinateTransformFilter(CoordinateTransformer? transformer, int decimals) : IEntireCoordinateSequenceFilter
{
    public bool Done => false;

    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq)
    {
        for (var i = 0; i < seq.Count; i++)
        {
            var (x, y) = transformer is null ? (seq.GetX(i), seq.GetY(i)) : transformer.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, Math.Round(x, decimals, MidpointRounding.AwayFromZero));
            seq.SetY(i, Math.Round(y, decimals, MidpointRounding.AwayFromZero));
        }
    }
}
