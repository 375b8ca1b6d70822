using SoTTTT.Core.Crs;

namespace SoTTTT.Tests.Crs;

/// <summary>Distance in metres between two positions of the same CRS, for comparing conversion results.</summary>
internal static class GroundDistance
{
    private const double SemiMajorM = 6378137.0;
    private const double Flattening = 1 / 298.257223563;

    /// <summary>
    /// Euclidean distance for projected CRSs; for geographic ones the offset in latitude and longitude converted
    /// to metres with the WGS-84 meridian and prime-vertical radii of curvature (exact enough below 1 km).
    /// </summary>
    public static double Metres(CrsDefinition crs, double x1, double y1, double x2, double y2)
    {
        if (!crs.IsGeographic)
        {
            return Math.Sqrt(((x1 - x2) * (x1 - x2)) + ((y1 - y2) * (y1 - y2)));
        }

        var e2 = Flattening * (2 - Flattening);
        var sinLat = Math.Sin(double.DegreesToRadians(y1));
        var w = Math.Sqrt(1 - (e2 * sinLat * sinLat));
        var meridianRadius = SemiMajorM * (1 - e2) / (w * w * w);
        var primeVerticalRadius = SemiMajorM / w;
        var north = double.DegreesToRadians(y2 - y1) * meridianRadius;
        var east = double.DegreesToRadians(x2 - x1) * primeVerticalRadius * Math.Cos(double.DegreesToRadians(y1));
        return Math.Sqrt((north * north) + (east * east));
    }
}
