using System.Collections.Concurrent;
using SoTTTT.Core.Coverage.PathLoss;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Which path-loss models a BTS footprint uses, by band and environment class (README "Coverage"):
/// <list type="table">
/// <item>urban — Okumura–Hata small/medium city up to 1500 MHz, COST-231 Hata (C = 0 dB) above 1500 up to 2000 MHz,
/// 3GPP TR 38.901 UMa NLOS above 2000 MHz;</item>
/// <item>suburban — Okumura–Hata suburban up to 1500 MHz, COST-231 Hata (its suburban centres take C = 0 dB) up to
/// 2000 MHz, 3GPP RMa NLOS above (3GPP has no suburban scenario);</item>
/// <item>rural — Okumura–Hata suburban below 500 MHz (the RMa range starts at 0.5 GHz), 3GPP RMa NLOS from 500 MHz.</item>
/// </list>
/// NLOS because a settlement behind houses and trees is the case to plan for. The loss of an environment is the
/// largest of its own model, the models of every more open environment and free space (<see cref="Chain"/>), so at
/// every distance urban ≥ suburban ≥ rural ≥ free-space loss and ranges are ordered the other way: a denser
/// environment never predicts farther than a more open one, and no prediction beats free space.
/// </summary>
public static class CoverageModelChoice
{
    private static readonly IPathLossModel Hata = new OkumuraHataModel();
    private static readonly IPathLossModel Cost231 = new Cost231HataModel();
    private static readonly IPathLossModel Uma = new ThreeGppUmaModel();
    private static readonly IPathLossModel Rma = new ThreeGppRmaModel();

    /// <summary>The free-space model, the floor of every loss.</summary>
    public static IPathLossModel FreeSpace { get; } = new FreeSpaceModel();

    /// <summary>The environment's own model and its environment name for a band in MHz.</summary>
    public static (IPathLossModel Model, string Environment) For(double bandMHz, CoverageEnvironment environment) => environment switch
    {
        CoverageEnvironment.Urban => bandMHz switch
        {
            <= 1500 => (Hata, HataEnvironments.Urban),
            <= 2000 => (Cost231, HataEnvironments.Urban),
            _ => (Uma, ThreeGppEnvironments.Nlos),
        },
        CoverageEnvironment.Suburban => bandMHz switch
        {
            <= 1500 => (Hata, HataEnvironments.Suburban),
            <= 2000 => (Cost231, HataEnvironments.Suburban),
            _ => (Rma, ThreeGppEnvironments.Nlos),
        },
        _ => bandMHz < 500 ? (Hata, HataEnvironments.Suburban) : (Rma, ThreeGppEnvironments.Nlos),
    };

    /// <summary>
    /// The models whose largest loss is the environment's loss: its own model first, then those of the more open
    /// environments (urban → suburban → rural), without repeats. Free space is added by the footprint.
    /// </summary>
    public static IReadOnlyList<(IPathLossModel Model, string Environment)> Chain(double bandMHz, CoverageEnvironment environment) =>
        Chains.GetOrAdd((bandMHz, environment), static key => BuildChain(key.BandMHz, key.Environment));

    // One chain per band and environment (a national inventory has a handful of bands), not one list per BTS.
    private static readonly ConcurrentDictionary<(double BandMHz, CoverageEnvironment Environment), (IPathLossModel Model, string Environment)[]> Chains = new();

    private static (IPathLossModel Model, string Environment)[] BuildChain(double bandMHz, CoverageEnvironment environment)
    {
        var order = environment switch
        {
            CoverageEnvironment.Urban => new[] { CoverageEnvironment.Urban, CoverageEnvironment.Suburban, CoverageEnvironment.Rural },
            CoverageEnvironment.Suburban => [CoverageEnvironment.Suburban, CoverageEnvironment.Rural],
            _ => [CoverageEnvironment.Rural],
        };
        var chain = new List<(IPathLossModel Model, string Environment)>();
        foreach (var e in order)
        {
            var choice = For(bandMHz, e);
            if (!chain.Any(c => c.Model.Name == choice.Model.Name && c.Environment == choice.Environment))
            {
                chain.Add(choice);
            }
        }

        return [.. chain];
    }
}
