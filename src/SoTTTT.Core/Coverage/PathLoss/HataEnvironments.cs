namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>The environment names of the Hata models.</summary>
public static class HataEnvironments
{
    /// <summary>Large city (Okumura–Hata large-city a(hm)); metropolitan centre for COST-231 (C = 3 dB).</summary>
    public const string UrbanLarge = "urban-large";

    /// <summary>Small or medium-sized city.</summary>
    public const string Urban = "urban";

    /// <summary>Suburban area.</summary>
    public const string Suburban = "suburban";

    /// <summary>Open area (Okumura–Hata only).</summary>
    public const string Open = "open";
}
