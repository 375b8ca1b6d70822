namespace SoTTTT.Core.Coverage;

/// <summary>
/// The horizontal pattern of a sector antenna of 3GPP TR 36.814 Table A.2.1.1-2 and TR 38.901 Table 7.3-1:
/// A(φ) = −min(12 (φ / φ3dB)², Am) dB, φ the angle off boresight in degrees (−180° to 180°), φ3dB the half-power
/// beamwidth, Am the front-to-back ratio (25 dB there, 30 dB in TR 38.901).
/// </summary>
public static class AntennaPattern
{
    /// <summary>The attenuation A(φ) in dB (zero or negative).</summary>
    /// <param name="offBoresightDeg">Angle between boresight and the direction, degrees; any value, wrapped to −180°..180°.</param>
    /// <param name="beamwidthDeg">Half-power (3 dB) beamwidth φ3dB, degrees.</param>
    /// <param name="maxAttenuationDb">Am, dB (positive).</param>
    public static double HorizontalDb(double offBoresightDeg, double beamwidthDeg, double maxAttenuationDb)
    {
        var phi = WrapDeg(offBoresightDeg);
        var ratio = phi / beamwidthDeg;
        return -Math.Min(12 * ratio * ratio, maxAttenuationDb);
    }

    /// <summary>The angle between boresight (degrees clockwise from grid north) and the direction (dx east, dy north), degrees 0–180.</summary>
    public static double OffBoresightDeg(double azimuthDeg, double dx, double dy)
    {
        var bearing = Math.Atan2(dx, dy) * 180 / Math.PI;
        return Math.Abs(WrapDeg(bearing - azimuthDeg));
    }

    /// <summary>The angle in −180°..180°.</summary>
    public static double WrapDeg(double deg)
    {
        var a = Math.IEEERemainder(deg, 360);
        return a == -180 ? 180 : a;
    }
}
