namespace SoTTTT.Tests.Support;

/// <summary>
/// The terrain profile SPLAT! 1.4.2 hands to the ITM for its reported "Longley-Rice path loss", rebuilt step by step
/// from splat.cpp (ReadPath, Distance, Azimuth, PathReport) so that an ITM can be compared with SPLAT! on exactly the
/// same input: great-circle samples on a sphere of 3959 miles, one per 3″ of angular path length (latitude and
/// longitude differences combined without the cos(latitude) factor), nearest SDF post, elevations through feet and
/// back; and — the quirk that matters — the loss SPLAT! reports is the last of its loop over growing sub-paths, whose
/// profile stops at sample length − 3, one to two samples short of the receiver (the receiver stands on that sample's
/// ground).
/// </summary>
internal static class SplatProfile
{
    private const double Deg2Rad = 1.74532925199e-02;
    private const double MetresPerFoot = 0.3048;
    private const double MetresPerMile = 1609.344;
    private const double EarthMiles = 3959.0;

    /// <summary>Elevations in metres and the step in metres of SPLAT!'s ITM profile from tx to rx (longitudes west).</summary>
    public static (double[] ElevationsM, double StepM) Emulate(SplatTerrain terrain, double txLat, double txLonWest, double rxLat, double rxLonWest)
    {
        var (elevationsFeet, distancesMiles) = ReadPath(terrain, txLat, txLonWest, rxLat, rxLonWest);
        var length = elevationsFeet.Count;
        var last = length - 2;
        var intervals = last - 1;
        var step = MetresPerMile * (distancesMiles[last] - distancesMiles[last - 1]);
        var z = new double[intervals + 1];
        for (var i = 0; i <= intervals; i++)
        {
            z[i] = MetresPerFoot * elevationsFeet[i];
        }

        return (z, step);
    }

    /// <summary>
    /// True when Debian's SPLAT! 1.4.2 loops forever for a receiver at this latitude (as parsed from the .qth file):
    /// its obstruction analysis starts with the receiver's distance to itself, acos(sin²φ + cos²φ), which is NaN when
    /// the sum rounds above 1, and the Fresnel-zone loop of that build (<c>while (h_f &lt; h_x) h_r += 1</c>, compiled
    /// as "below or unordered") never ends on NaN. The loss is computed before, but the report is never written.
    /// </summary>
    public static bool HangsAt(double latitude) => double.IsNaN(DistanceMiles(latitude, 0, latitude, 0));

    /// <summary>SPLAT!'s antenna height in metres for a .qth height in metres (stored as a float in feet).</summary>
    public static double HeightM(double metres) => (float)(metres * 3.28084) * MetresPerFoot;

    /// <summary>Great-circle distance in miles (SPLAT!'s Distance).</summary>
    public static double DistanceMiles(double lat1, double lon1, double lat2, double lon2)
    {
        lat1 *= Deg2Rad;
        lon1 *= Deg2Rad;
        lat2 *= Deg2Rad;
        lon2 *= Deg2Rad;
        return EarthMiles * Math.Acos((Math.Sin(lat1) * Math.Sin(lat2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Cos(lon1 - lon2)));
    }

    private static double Azimuth(double srcLat, double srcLon, double dstLat, double dstLon)
    {
        var destLat = dstLat * Deg2Rad;
        var destLon = dstLon * Deg2Rad;
        var sLat = srcLat * Deg2Rad;
        var sLon = srcLon * Deg2Rad;
        var beta = Math.Acos((Math.Sin(sLat) * Math.Sin(destLat)) + (Math.Cos(sLat) * Math.Cos(destLat) * Math.Cos(sLon - destLon)));
        var fraction = (Math.Sin(destLat) - (Math.Sin(sLat) * Math.Cos(beta))) / (Math.Cos(sLat) * Math.Sin(beta));
        fraction = Math.Clamp(fraction, -1.0, 1.0);
        var azimuth = Math.Acos(fraction);
        var diff = destLon - sLon;
        if (diff <= -Math.PI)
        {
            diff += 2 * Math.PI;
        }

        if (diff >= Math.PI)
        {
            diff -= 2 * Math.PI;
        }

        if (diff > 0)
        {
            azimuth = (2 * Math.PI) - azimuth;
        }

        return azimuth / Deg2Rad;
    }

    private static (List<double> ElevationsFeet, List<double> DistancesMiles) ReadPath(SplatTerrain terrain, double srcLat, double srcLon, double dstLat, double dstLon)
    {
        const double samplesPerRadian = 68755.0;
        var lat1 = srcLat * Deg2Rad;
        var lon1 = srcLon * Deg2Rad;
        var lat2 = dstLat * Deg2Rad;
        var lon2 = dstLon * Deg2Rad;
        var azimuth = Azimuth(srcLat, srcLon, dstLat, dstLon) * Deg2Rad;
        var total = DistanceMiles(srcLat, srcLon, dstLat, dstLon);
        var dx = samplesPerRadian * Math.Acos(Math.Cos(lon1 - lon2));
        var dy = samplesPerRadian * Math.Acos(Math.Cos(lat1 - lat2));
        var pathLength = Math.Sqrt((dx * dx) + (dy * dy));
        var milesPerSample = total / pathLength;
        var elevations = new List<double>();
        var distances = new List<double>();
        var c = 0;
        for (var distance = 0.0; distance <= total; c++, distance = milesPerSample * c)
        {
            var beta = distance / EarthMiles;
            var pLat = Math.Asin((Math.Sin(lat1) * Math.Cos(beta)) + (Math.Cos(azimuth) * Math.Sin(beta) * Math.Cos(lat1)));
            var num = Math.Cos(beta) - (Math.Sin(lat1) * Math.Sin(pLat));
            var den = Math.Cos(lat1) * Math.Cos(pLat);
            double pLon;
            if (Math.Abs(num / den) > 1.0)
            {
                pLon = lon1;
            }
            else
            {
                pLon = (Math.PI - azimuth) >= 0 ? lon1 - ArcCos(num, den) : lon1 + ArcCos(num, den);
            }

            while (pLon < 0)
            {
                pLon += 2 * Math.PI;
            }

            while (pLon > 2 * Math.PI)
            {
                pLon -= 2 * Math.PI;
            }

            elevations.Add(Feet(terrain, pLat / Deg2Rad, pLon / Deg2Rad));
            distances.Add(distance);
        }

        elevations.Add(Feet(terrain, dstLat, dstLon));
        distances.Add(total);
        return (elevations, distances);
    }

    private static double ArcCos(double x, double y) => y > 0 ? Math.Acos(x / y) : y < 0 ? Math.PI + Math.Acos(x / y) : 0;

    private static double Feet(SplatTerrain terrain, double lat, double lonWest) =>
        terrain.Nearest(lat, lonWest) is { } metres ? 3.28084 * metres : throw new InvalidOperationException($"({lat}, {lonWest} W) is outside the SDF tile");
}
