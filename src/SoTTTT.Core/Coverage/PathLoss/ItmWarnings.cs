namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// The conditions behind the ITM's error code <c>kwx</c> (Hufford, "The ITS Irregular Terrain Model, version 1.2.2:
/// The Algorithm", §3 and the <c>lrprop</c>/<c>avar</c> checks), one flag each: which input is near or outside the
/// ranges the model was built for.
/// </summary>
[Flags]
public enum ItmWarnings
{
    /// <summary>No warning.</summary>
    None = 0,

    /// <summary>kwx 1: frequency outside 40–10 000 MHz (still within 20–20 000 MHz).</summary>
    FrequencyNearLimit = 1 << 0,

    /// <summary>kwx 1: an antenna height outside 1–1000 m (still within 0.5–3000 m).</summary>
    HeightNearLimit = 1 << 1,

    /// <summary>kwx 1: path longer than 1000 km.</summary>
    DistanceNearUpperLimit = 1 << 2,

    /// <summary>kwx 1: a time, location or situation deviate beyond 3.1 standard normal units (percentage beyond ~0.1 % or 99.9 %).</summary>
    ExtremeVariability = 1 << 3,

    /// <summary>kwx 3: a horizon elevation angle above 200 mrad (the small-angle approximations break down).</summary>
    HorizonAngleLarge = 1 << 4,

    /// <summary>kwx 3: a horizon distance below 0.1 or above 3 times the smooth-earth horizon distance.</summary>
    HorizonDistanceOutOfRange = 1 << 5,

    /// <summary>kwx 3: path shorter than |he1 − he2| / 0.2 rad (too steep for the model).</summary>
    DistanceShorterThanHeightDifference = 1 << 6,

    /// <summary>kwx 4: frequency outside 20–20 000 MHz.</summary>
    FrequencyOutOfRange = 1 << 7,

    /// <summary>kwx 4: an antenna height outside 0.5–3000 m.</summary>
    HeightOutOfRange = 1 << 8,

    /// <summary>kwx 4: path shorter than 1 km or longer than 2000 km.</summary>
    DistanceOutOfRange = 1 << 9,

    /// <summary>kwx 4: surface refractivity outside 250–400 N-units, effective earth curvature outside 75–250 × 10⁻⁹ /m, or ground impedance with |Im| ≥ Re.</summary>
    AtmosphereOrGroundOutOfRange = 1 << 10,
}
