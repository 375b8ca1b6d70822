using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The link budget of one BTS (DOMAIN.md, "Radio coverage"): received reference-signal level
/// = total EIRP + reference-signal offset − path loss + pattern − body loss − penetration loss − shadowing margin,
/// receive antenna gain 0 dBi; covered where the level meets the threshold. The level so computed is the one exceeded
/// at <see cref="CellEdgeProbabilityPct"/> of locations (the median when that is 50 %).
/// </summary>
/// <param name="TotalEirpDbm">EIRP of the whole carrier, dBm.</param>
/// <param name="Signal">The reference signal and its offset from the total EIRP.</param>
/// <param name="BodyLossDb">Body loss, dB.</param>
/// <param name="Place">Where the handset is.</param>
/// <param name="PenetrationLossDb">Penetration loss of the place in the BTS's environment, dB.</param>
/// <param name="CellEdgeProbabilityPct">Cell-edge coverage probability, percent.</param>
/// <param name="ShadowingSigmaDb">σ of log-normal shadowing in the BTS's environment, dB.</param>
/// <param name="ThresholdDbm">The technology's threshold, dBm.</param>
public sealed record LinkBudget(
    double TotalEirpDbm,
    ReferenceSignal Signal,
    double BodyLossDb,
    ReceiverPlace Place,
    double PenetrationLossDb,
    double CellEdgeProbabilityPct,
    double ShadowingSigmaDb,
    double ThresholdDbm)
{
    /// <summary>EIRP of the reference signal (per resource element for 4G/5G), dBm.</summary>
    public double ReferenceEirpDbm => Signal.EirpDbm(TotalEirpDbm);

    /// <summary>Shadowing margin z(p)·σ, dB (0 at 50 %, negative below).</summary>
    public double ShadowMarginDb => CellEdgeProbabilityPct == 50 ? 0 : NormalQuantile.Of(CellEdgeProbabilityPct / 100) * ShadowingSigmaDb;

    /// <summary>Body, penetration and shadowing margin together, dB.</summary>
    public double ReceiverLossesDb => BodyLossDb + PenetrationLossDb + ShadowMarginDb;

    /// <summary>Largest path loss (towards boresight) at which the threshold is still met, dB.</summary>
    public double MaxPathLossDb => ReferenceEirpDbm - ReceiverLossesDb - ThresholdDbm;

    /// <summary>The received reference-signal level for a path loss and a pattern attenuation (≤ 0), dBm.</summary>
    public double LevelDbm(double pathLossDb, double patternDb) => ReferenceEirpDbm - pathLossDb + patternDb - ReceiverLossesDb;

    /// <summary>
    /// The budget of a BTS of <paramref name="tech"/> with <paramref name="totalEirpDbm"/> in <paramref name="environment"/>
    /// under <paramref name="rules"/>; <paramref name="bandwidthMHz"/> is the row's channel bandwidth (null: the
    /// technology default).
    /// </summary>
    public static LinkBudget For(Technology tech, double totalEirpDbm, double? bandwidthMHz, CoverageRules rules, CoverageEnvironment environment)
    {
        var settings = rules.For(tech);
        var signal = ReferenceSignal.For(tech, bandwidthMHz ?? settings.BandwidthMHz, settings.SubcarrierSpacingKHz, settings.PilotSharePct);
        var penetration = rules.Place switch
        {
            ReceiverPlace.InCar => rules.InCarLossDb,
            ReceiverPlace.Indoor => rules.IndoorLossDb.For(environment),
            _ => 0,
        };
        return new LinkBudget(
            totalEirpDbm,
            signal,
            rules.BodyLossDb,
            rules.Place,
            penetration,
            rules.CellEdgeProbabilityPct,
            rules.ShadowingSigmaDb.For(environment),
            settings.ThresholdDbm);
    }
}
