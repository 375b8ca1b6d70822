namespace SoTTTT.Core.Crs;

/// <summary>
/// Geodetic ↔ geocentric (earth-centred, earth-fixed) conversion on the WGS-84 ellipsoid, which VN-2000 shares.
/// The inverse iterates to 1e-14 rad (sub-0.1 µm); ProjNet's own one-step approximation is ~1.5 mm off.
/// </summary>
internal static class Geocentric
{
    private const double SemiMajorM = 6378137.0;
    private const double Flattening = 1 / 298.257223563;
    private const double E2 = Flattening * (2 - Flattening);

    /// <summary>Longitude, latitude (degrees) and ellipsoidal height (metres) → X, Y, Z (metres), in place.</summary>
    public static void FromGeodetic(Span<double> xs, Span<double> ys, Span<double> zs)
    {
        for (var i = 0; i < xs.Length; i++)
        {
            var (sinLon, cosLon) = Math.SinCos(double.DegreesToRadians(xs[i]));
            var (sinLat, cosLat) = Math.SinCos(double.DegreesToRadians(ys[i]));
            var n = SemiMajorM / Math.Sqrt(1 - (E2 * sinLat * sinLat));
            var h = zs[i];
            xs[i] = (n + h) * cosLat * cosLon;
            ys[i] = (n + h) * cosLat * sinLon;
            zs[i] = ((n * (1 - E2)) + h) * sinLat;
        }
    }

    /// <summary>X, Y, Z (metres) → longitude, latitude (degrees) and ellipsoidal height (metres), in place.</summary>
    public static void ToGeodetic(Span<double> xs, Span<double> ys, Span<double> zs)
    {
        for (var i = 0; i < xs.Length; i++)
        {
            double x = xs[i], y = ys[i], z = zs[i];
            var p = Math.Sqrt((x * x) + (y * y));
            var lat = Math.Atan2(z, p * (1 - E2));
            var h = 0.0;
            // Converges in 3–4 steps near the ellipsoid surface.
            for (var step = 0; step < 10; step++)
            {
                var sinLat = Math.Sin(lat);
                var n = SemiMajorM / Math.Sqrt(1 - (E2 * sinLat * sinLat));
                h = (p / Math.Cos(lat)) - n;
                var next = Math.Atan2(z, p * (1 - (E2 * n / (n + h))));
                var converged = Math.Abs(next - lat) < 1e-14;
                lat = next;
                if (converged)
                {
                    break;
                }
            }

            xs[i] = double.RadiansToDegrees(Math.Atan2(y, x));
            ys[i] = double.RadiansToDegrees(lat);
            zs[i] = h;
        }
    }
}
