namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// The propagation mode of an ITM path as SPLAT! reports it: from the terrain horizons of the profile (line of sight,
/// one common horizon, two horizons) and, beyond the horizons, whether diffraction or troposcatter dominates (the
/// path is longer than both the smooth-earth line-of-sight distance and the diffraction–scatter transition distance).
/// </summary>
public enum ItmPropagationMode
{
    /// <summary>No terrain point rises above the ray between the antennas (on the effective earth).</summary>
    LineOfSight,

    /// <summary>Both antennas see the same horizon point (one obstacle); diffraction dominates.</summary>
    SingleHorizonDiffraction,

    /// <summary>Each antenna sees its own horizon; diffraction dominates.</summary>
    DoubleHorizonDiffraction,

    /// <summary>Beyond the horizons, troposcatter dominates (long paths).</summary>
    Troposcatter,
}
