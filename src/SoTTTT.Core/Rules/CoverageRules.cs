using SoTTTT.Core.Model;

namespace SoTTTT.Core.Rules;

/// <summary>
/// Radio-coverage settings (rules.json <c>coverage</c>): the link budget of DOMAIN.md ("Radio coverage"). Vietnamese
/// technical regulations (QCVN 36:2022, QCVN 81:2019) set no signal threshold, so the thresholds are conventional
/// defaults every report prints: −95 dBm for 2G/3G, −110 dBm (RSRP, outdoor) for 4G/5G. A threshold is met by the
/// level of the technology's reference signal, not by the carrier's total power: the total EIRP (of the row, else of
/// the technology default) is reduced to the BCCH carrier (2G, full power), the CPICH (3G, <see cref="TechnologyCoverage.PilotSharePct"/>)
/// or one resource element (4G RSRP, 5G SS-RSRP: − 10·log10(12·N_PRB)). On the receiver side the body loss, the
/// penetration loss of the <see cref="Place"/> and a log-normal shadowing margin z(p)·σ for the cell-edge probability
/// p are subtracted; receive antenna gain 0 dBi.
/// </summary>
/// <param name="G2">2G settings (default −95 dBm, 900 MHz, 58 dBm EIRP: 43 dBm transmitter + 17 dBi − 2 dB feeder, 30 m).</param>
/// <param name="G3">3G settings (default −95 dBm, 2100 MHz, 58 dBm, 30 m, CPICH 10 % of the power).</param>
/// <param name="G4">4G settings (default −110 dBm, 1800 MHz, 60 dBm: 46 dBm + 17 dBi − 3 dB, 30 m, 20 MHz = 100 PRB).</param>
/// <param name="G5">5G settings (default −110 dBm, 3500 MHz, 62 dBm, 25 m, 100 MHz at 30 kHz = 273 PRB).</param>
public sealed record CoverageRules(TechnologyCoverage G2, TechnologyCoverage G3, TechnologyCoverage G4, TechnologyCoverage G5)
{
    /// <summary>The documented defaults.</summary>
    public static CoverageRules Default { get; } = new(
        new TechnologyCoverage(-95, 900, 58, 30),
        new TechnologyCoverage(-95, 2100, 58, 30) { PilotSharePct = 10 },
        new TechnologyCoverage(-110, 1800, 60, 30) { BandwidthMHz = 20 },
        new TechnologyCoverage(-110, 3500, 62, 25) { BandwidthMHz = 100, SubcarrierSpacingKHz = 30 });

    /// <summary>Height of the receiving antenna above ground, m (default 1.5 m: a handset at street level).</summary>
    public double ReceiverHeightM { get; init; } = 1.5;

    /// <summary>Horizontal half-power beamwidth of sector rows without <c>beamwidth_deg</c>, degrees (default 65°, DOMAIN.md).</summary>
    public double BeamwidthDeg { get; init; } = 65;

    /// <summary>
    /// Largest horizontal pattern attenuation Am, dB (default 25 dB, the front-to-back ratio of 3GPP TR 36.814
    /// Table A.2.1.1-2 and TR 38.901 Table 7.3-1).
    /// </summary>
    public double MaxAttenuationDb { get; init; } = 25;

    /// <summary>Where the handset is (default outdoor).</summary>
    public ReceiverPlace Place { get; init; } = ReceiverPlace.Outdoor;

    /// <summary>Loss of the user's body on a handheld terminal, dB (default 3 dB, DOMAIN.md).</summary>
    public double BodyLossDb { get; init; } = 3;

    /// <summary>Penetration loss into a car, dB (default 7 dB, the middle of DOMAIN.md's 6–8 dB).</summary>
    public double InCarLossDb { get; init; } = 7;

    /// <summary>
    /// Penetration loss into buildings by environment, dB (default urban 18, suburban 15, rural 12 dB inside DOMAIN.md's
    /// 10–20 dB: concrete town houses lose more than rural single-storey houses).
    /// </summary>
    public EnvironmentValues IndoorLossDb { get; init; } = new(18, 15, 12);

    /// <summary>
    /// Probability that the level at the edge of coverage is met, percent (default 50 %: the median prediction, no
    /// margin). 75 % gives a margin of 0.674 σ, 90 % of 1.282 σ (DOMAIN.md).
    /// </summary>
    public double CellEdgeProbabilityPct { get; init; } = 50;

    /// <summary>Standard deviation of log-normal shadowing by environment, dB (default urban 8, suburban 8, rural 6; DOMAIN.md σ ≈ 6–10 dB).</summary>
    public EnvironmentValues ShadowingSigmaDb { get; init; } = new(8, 8, 6);

    /// <summary>
    /// Largest distance at which a BTS is predicted, km (default 35 km, the GSM timing-advance limit); a range that
    /// would reach farther is capped here and flagged, in every environment alike.
    /// </summary>
    public double MaxRangeKm { get; init; } = 35;

    /// <summary>How a DEM is used when the dataset has one (ITM parameters, effective height ring).</summary>
    public TerrainRules Terrain { get; init; } = new();

    /// <summary>The settings of <paramref name="tech"/>.</summary>
    public TechnologyCoverage For(Technology tech) => tech switch
    {
        Technology.G2 => G2,
        Technology.G3 => G3,
        Technology.G4 => G4,
        _ => G5,
    };

    /// <summary>These rules with <paramref name="tech"/>'s settings replaced.</summary>
    public CoverageRules With(Technology tech, TechnologyCoverage settings) => tech switch
    {
        Technology.G2 => this with { G2 = settings },
        Technology.G3 => this with { G3 = settings },
        Technology.G4 => this with { G4 = settings },
        _ => this with { G5 = settings },
    };
}
