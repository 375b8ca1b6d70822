using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The part of a carrier's total power a technology's coverage threshold is defined on (DOMAIN.md, "Radio coverage"):
/// 2G RxLev on the BCCH carrier, sent at full power (0 dB); 3G RSCP on the CPICH, a share of the carrier power
/// (10·log10 share); 4G RSRP and 5G SS-RSRP per resource element, the total power spread evenly over the 12·N_PRB
/// subcarriers of the channel (− 10·log10(12·N_PRB)). N_PRB from the channel bandwidth: LTE 3GPP TS 36.101 Table 5.6-1;
/// NR FR1 TS 38.101-1 Table 5.3.2-1 (by subcarrier spacing). Equal power per resource element is an assumption
/// (operators may boost the reference signals by a few dB).
/// </summary>
/// <param name="Name">The reference signal: <c>BCCH</c>, <c>CPICH</c>, <c>RSRP</c> or <c>SS-RSRP</c>.</param>
/// <param name="OffsetDb">Reference-signal EIRP − total EIRP, dB (≤ 0).</param>
/// <param name="BandwidthMHz">The channel bandwidth used (4G/5G), MHz.</param>
/// <param name="ResourceBlocks">N_PRB of the channel (4G/5G).</param>
public sealed record ReferenceSignal(string Name, double OffsetDb, double? BandwidthMHz, int? ResourceBlocks)
{
    private static readonly Dictionary<double, int> Lte = new() { [1.4] = 6, [3] = 15, [5] = 25, [10] = 50, [15] = 75, [20] = 100 };

    private static readonly Dictionary<double, Dictionary<double, int>> Nr = new()
    {
        [15] = new() { [5] = 25, [10] = 52, [15] = 79, [20] = 106, [25] = 133, [30] = 160, [40] = 216, [50] = 270 },
        [30] = new()
        {
            [5] = 11,
            [10] = 24,
            [15] = 38,
            [20] = 51,
            [25] = 65,
            [30] = 78,
            [40] = 106,
            [50] = 133,
            [60] = 162,
            [70] = 189,
            [80] = 217,
            [90] = 245,
            [100] = 273,
        },
        [60] = new()
        {
            [10] = 11,
            [15] = 18,
            [20] = 24,
            [25] = 31,
            [30] = 38,
            [40] = 51,
            [50] = 65,
            [60] = 79,
            [70] = 93,
            [80] = 107,
            [90] = 121,
            [100] = 135,
        },
    };

    /// <summary>The LTE channel bandwidths of TS 36.101 Table 5.6-1, MHz.</summary>
    public static IReadOnlyCollection<double> LteBandwidthsMHz => Lte.Keys;

    /// <summary>The NR subcarrier spacings of TS 38.101-1 Table 5.3.2-1, kHz.</summary>
    public static IReadOnlyCollection<double> NrSubcarrierSpacingsKHz => Nr.Keys;

    /// <summary>Reference-signal EIRP for <paramref name="totalEirpDbm"/>, dBm.</summary>
    public double EirpDbm(double totalEirpDbm) => totalEirpDbm + OffsetDb;

    /// <summary>N_PRB of an LTE channel of <paramref name="bandwidthMHz"/>, or null when the table has no such bandwidth.</summary>
    public static int? LteResourceBlocks(double bandwidthMHz) => Lte.TryGetValue(bandwidthMHz, out var n) ? n : null;

    /// <summary>N_PRB of an NR FR1 channel, or null when the table has no such bandwidth and spacing.</summary>
    public static int? NrResourceBlocks(double bandwidthMHz, double subcarrierSpacingKHz) =>
        Nr.TryGetValue(subcarrierSpacingKHz, out var table) && table.TryGetValue(bandwidthMHz, out var n) ? n : null;

    /// <summary>
    /// The reference signal of <paramref name="tech"/>. <paramref name="bandwidthMHz"/> (4G/5G) must be a bandwidth of the
    /// 3GPP tables (the loader and the rules reader check it); <paramref name="pilotSharePct"/> (3G) in (0, 100].
    /// </summary>
    public static ReferenceSignal For(Technology tech, double? bandwidthMHz, double? subcarrierSpacingKHz, double? pilotSharePct)
    {
        switch (tech)
        {
            case Technology.G2:
                return new ReferenceSignal("BCCH", 0, null, null);
            case Technology.G3:
                var share = pilotSharePct ?? 10;
                return new ReferenceSignal("CPICH", 10 * Math.Log10(share / 100), null, null);
            case Technology.G4:
                var bw = bandwidthMHz ?? 20;
                var lte = LteResourceBlocks(bw) ?? throw new ArgumentOutOfRangeException(nameof(bandwidthMHz), bw, "not an LTE channel bandwidth");
                return new ReferenceSignal("RSRP", -10 * Math.Log10(12.0 * lte), bw, lte);
            default:
                var nrBw = bandwidthMHz ?? 100;
                var scs = subcarrierSpacingKHz ?? 30;
                var nr = NrResourceBlocks(nrBw, scs) ?? throw new ArgumentOutOfRangeException(nameof(bandwidthMHz), nrBw, $"not an NR channel bandwidth at {scs} kHz");
                return new ReferenceSignal("SS-RSRP", -10 * Math.Log10(12.0 * nr), nrBw, nr);
        }
    }
}
