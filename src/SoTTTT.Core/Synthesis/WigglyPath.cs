using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>Builds meandering polylines between two points, as roads, rivers and cable routes run.</summary>
internal static class WigglyPath
{
    /// <summary>
    /// A polyline from <paramref name="from"/> to <paramref name="to"/> with vertices every
    /// <paramref name="minSpacingM"/>–<paramref name="maxSpacingM"/> metres along the chord and a lateral
    /// meander of up to <paramref name="amplitude"/> × the chord length, zero at both ends.
    /// </summary>
    public static Coordinate[] Build(Random random, Coordinate from, Coordinate to, double amplitude, double minSpacingM, double maxSpacingM)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        var a1 = random.Uniform(-1, 1) * amplitude * length;
        var a2 = random.Uniform(-0.5, 0.5) * amplitude * length;
        var f2 = random.Uniform(1.5, 3.5);
        var p2 = random.Uniform(0, 2 * Math.PI);
        var coords = new List<Coordinate> { from.Copy() };
        if (length > 1e-6)
        {
            var nx = -dy / length;
            var ny = dx / length;
            var t = 0.0;
            while (true)
            {
                t += random.Uniform(minSpacingM, maxSpacingM) / length;
                if (t >= 1.0 - (minSpacingM * 0.5 / length))
                {
                    break;
                }

                var envelope = Math.Sin(Math.PI * t);
                var offset = envelope * ((a1 * Math.Sin(Math.PI * t)) + (a2 * Math.Sin((2 * Math.PI * f2 * t) + p2)));
                coords.Add(new Coordinate(from.X + (t * dx) + (offset * nx), from.Y + (t * dy) + (offset * ny)));
            }
        }

        coords.Add(to.Copy());
        return [.. coords];
    }

    /// <summary>Length of a polyline in metres.</summary>
    public static double Length(IReadOnlyList<Coordinate> coords)
    {
        var total = 0.0;
        for (var i = 1; i < coords.Count; i++)
        {
            total += coords[i - 1].Distance(coords[i]);
        }

        return total;
    }
}
