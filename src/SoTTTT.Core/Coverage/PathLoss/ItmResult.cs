namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// The ITM point-to-point prediction of one path.
/// </summary>
/// <param name="LossDb">
/// Basic transmission loss, dB: <paramref name="FreeSpaceLossDb"/> + <paramref name="AttenuationDb"/> (what SPLAT!
/// reports as "Longley-Rice path loss"). No antenna gains, no clutter.
/// </param>
/// <param name="FreeSpaceLossDb">Free-space loss over the profile's length, 32.45 + 20 log10 f[MHz] + 20 log10 d[km], dB.</param>
/// <param name="AttenuationDb">Attenuation relative to free space at the requested time, location and situation percentages, dB.</param>
/// <param name="ReferenceAttenuationDb">The model's median reference attenuation A_ref before variability, dB.</param>
/// <param name="DistanceKm">Path length, km: the profile's intervals × step.</param>
/// <param name="Mode">Propagation mode, as SPLAT! names it.</param>
/// <param name="IsLineOfSight">True when no terrain point rises above the ray between the antennas on the effective earth.</param>
/// <param name="ErrorCode">
/// The ITM's <c>kwx</c>: 0 no error; 1 some parameters nearly out of range (use with caution); 2 default values
/// substituted for impossible ones; 3 a combination of parameters out of range (probably invalid); 4 some parameters
/// out of range (probably invalid).
/// </param>
/// <param name="Warnings">The conditions behind <paramref name="ErrorCode"/>.</param>
/// <param name="OutOfRange">Frequency, distance and heights outside the model's validity range (<see cref="ItmPointToPoint.Range"/>).</param>
/// <param name="Geometry">Horizons, effective heights and terrain irregularity the model derived from the profile.</param>
public sealed record ItmResult(
    double LossDb,
    double FreeSpaceLossDb,
    double AttenuationDb,
    double ReferenceAttenuationDb,
    double DistanceKm,
    ItmPropagationMode Mode,
    bool IsLineOfSight,
    int ErrorCode,
    ItmWarnings Warnings,
    IReadOnlyList<OutOfRangeParameter> OutOfRange,
    ItmPathGeometry Geometry)
{
    /// <summary>True when an input was outside the validity range, so the loss is an extrapolation.</summary>
    public bool Extrapolated => OutOfRange.Count > 0;
}
