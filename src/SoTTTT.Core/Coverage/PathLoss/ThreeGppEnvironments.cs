namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>The environment names of the 3GPP TR 38.901 models: the propagation condition.</summary>
public static class ThreeGppEnvironments
{
    /// <summary>Line of sight.</summary>
    public const string Los = "los";

    /// <summary>Non line of sight.</summary>
    public const string Nlos = "nlos";

    /// <summary>Propagation velocity the TR 38.901 table notes fix for breakpoint distances, m/s.</summary>
    internal const double SpeedOfLightMPerS = 3.0e8;
}
