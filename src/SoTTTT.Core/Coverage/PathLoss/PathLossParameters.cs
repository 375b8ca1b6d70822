namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// Names of the inputs of a path-loss calculation, as used in CSV headers, JSON keys and out-of-range reports.
/// </summary>
public static class PathLossParameters
{
    /// <summary>Carrier frequency in MHz.</summary>
    public const string FreqMHz = "freq_mhz";

    /// <summary>Horizontal (2D) distance between base station and mobile in km.</summary>
    public const string DistanceKm = "dist_km";

    /// <summary>Base-station antenna height above ground in m.</summary>
    public const string BaseHeightM = "hb_m";

    /// <summary>Mobile (user terminal) antenna height above ground in m.</summary>
    public const string MobileHeightM = "hm_m";

    /// <summary>Environment (Hata city class, or LOS / NLOS for the 3GPP models).</summary>
    public const string Environment = "env";

    /// <summary>ITM: relative permittivity of the ground.</summary>
    public const string Permittivity = "eps";

    /// <summary>ITM: ground conductivity in S/m.</summary>
    public const string Conductivity = "sigma";

    /// <summary>ITM: surface refractivity N0 in N-units.</summary>
    public const string Refractivity = "ns";

    /// <summary>ITM: radio climate code 1–7.</summary>
    public const string Climate = "climate";

    /// <summary>ITM: polarization (<c>v</c> or <c>h</c>).</summary>
    public const string Polarization = "polarization";

    /// <summary>ITM: time variability percentage.</summary>
    public const string TimePct = "time_pct";

    /// <summary>ITM: location variability percentage.</summary>
    public const string LocationPct = "location_pct";

    /// <summary>ITM: situation variability percentage.</summary>
    public const string SituationPct = "situation_pct";

    /// <summary>ITM: mode of variability.</summary>
    public const string VariabilityMode = "variability";
}
