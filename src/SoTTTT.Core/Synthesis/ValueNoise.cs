namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Deterministic 2-D value noise and its fractal sum (fBm) for synthetic terrain: random values on an integer lattice
/// (an integer hash of the lattice point and the seed, no <see cref="Random"/> state and no hash codes of the runtime),
/// blended with the quintic fade curve. Values lie in [−1, 1]. Thread-safe.
/// </summary>
internal sealed class ValueNoise(int seed)
{
    private readonly uint seed = unchecked((uint)seed);

    /// <summary>Noise at (x, y) in lattice units, in [−1, 1].</summary>
    public double At(double x, double y)
    {
        var x0 = Math.Floor(x);
        var y0 = Math.Floor(y);
        var i = (long)x0;
        var j = (long)y0;
        var tx = Fade(x - x0);
        var ty = Fade(y - y0);
        var a = Lattice(i, j);
        var b = Lattice(i + 1, j);
        var c = Lattice(i, j + 1);
        var d = Lattice(i + 1, j + 1);
        var top = a + ((b - a) * tx);
        var bottom = c + ((d - c) * tx);
        return top + ((bottom - top) * ty);
    }

    /// <summary>
    /// The sum of <paramref name="octaves"/> octaves at (x, y) metres, the first with wavelength
    /// <paramref name="wavelengthM"/>, each next one at half the wavelength and <paramref name="persistence"/> times the
    /// amplitude, normalised to [−1, 1].
    /// </summary>
    public double Fractal(double x, double y, double wavelengthM, int octaves, double persistence = 0.5)
    {
        var sum = 0.0;
        var norm = 0.0;
        var amplitude = 1.0;
        var scale = 1.0 / wavelengthM;
        for (var o = 0; o < octaves; o++)
        {
            // Each octave is shifted so that lattice points of different octaves do not line up.
            sum += amplitude * At((x * scale) + (o * 17.31), (y * scale) - (o * 29.77));
            norm += amplitude;
            amplitude *= persistence;
            scale *= 2;
        }

        return sum / norm;
    }

    private static double Fade(double t) => t * t * t * ((t * ((t * 6) - 15)) + 10);

    private double Lattice(long i, long j)
    {
        unchecked
        {
            var h = seed;
            h ^= (uint)i * 0x9E3779B1u;
            h = (h << 13) | (h >> 19);
            h ^= (uint)(i >> 32) * 0x85EBCA77u;
            h ^= (uint)j * 0xC2B2AE3Du;
            h = (h << 17) | (h >> 15);
            h ^= (uint)(j >> 32) * 0x27D4EB2Fu;
            h ^= h >> 16;
            h *= 0x7FEB352Du;
            h ^= h >> 15;
            h *= 0x846CA68Bu;
            h ^= h >> 16;
            return (h / (double)uint.MaxValue * 2) - 1;
        }
    }
}
