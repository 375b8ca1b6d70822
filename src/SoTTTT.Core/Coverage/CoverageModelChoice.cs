using SoTTTT.Core.Coverage.PathLoss;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Which path-loss model and model environment a BTS footprint uses, chosen by band and environment class (README
/// "coverage"): urban — Okumura–Hata (small/medium city) up to 1500 MHz, COST-231 Hata (medium city, C = 0 dB) above
/// 1500 up to 2000 MHz, 3GPP TR 38.901 UMa NLOS above 2000 MHz; rural — Okumura–Hata suburban below 500 MHz (the
/// 3GPP RMa range starts at 0.5 GHz), 3GPP TR 38.901 RMa NLOS from 500 MHz. NLOS because a settlement behind
/// houses and trees is the case to plan for; the median (no shadow-fading margin) is used.
/// </summary>
public static class CoverageModelChoice
{
    private static readonly IPathLossModel Hata = new OkumuraHataModel();
    private static readonly IPathLossModel Cost231 = new Cost231HataModel();
    private static readonly IPathLossModel Uma = new ThreeGppUmaModel();
    private static readonly IPathLossModel Rma = new ThreeGppRmaModel();

    /// <summary>The free-space model used below a model's smallest distance.</summary>
    public static IPathLossModel FreeSpace { get; } = new FreeSpaceModel();

    /// <summary>The model and its environment name for a band in MHz and an environment class.</summary>
    public static (IPathLossModel Model, string Environment) For(double bandMHz, CoverageEnvironment environment) =>
        environment == CoverageEnvironment.Urban
            ? bandMHz switch
            {
                <= 1500 => (Hata, HataEnvironments.Urban),
                <= 2000 => (Cost231, HataEnvironments.Urban),
                _ => (Uma, ThreeGppEnvironments.Nlos),
            }
            : bandMHz < 500 ? (Hata, HataEnvironments.Suburban) : (Rma, ThreeGppEnvironments.Nlos);
}
