using SoTTTT.Core.Model;

namespace SoTTTT.Core.Rules;

/// <summary>
/// Radio-coverage settings (rules.json <c>coverage</c>). Vietnamese technical regulations (QCVN 36:2022, QCVN 81:2019)
/// set no signal threshold (DOMAIN.md, "Radio coverage"), so the thresholds are conventional defaults every report
/// prints: −95 dBm for 2G/3G, −110 dBm (RSRP, outdoor) for 4G/5G. The per-technology band, EIRP and antenna height
/// fill BTS rows that lack them; the coverage report counts and lists every BTS that took a default.
/// </summary>
/// <param name="G2">2G settings (default −95 dBm, 900 MHz, 58 dBm EIRP: 43 dBm transmitter + 17 dBi − 2 dB feeder, 30 m).</param>
/// <param name="G3">3G settings (default −95 dBm, 2100 MHz, 58 dBm, 30 m).</param>
/// <param name="G4">4G settings (default −110 dBm, 1800 MHz, 60 dBm: 46 dBm + 17 dBi − 3 dB, 30 m).</param>
/// <param name="G5">5G settings (default −110 dBm, 3500 MHz, 62 dBm, 25 m).</param>
public sealed record CoverageRules(TechnologyCoverage G2, TechnologyCoverage G3, TechnologyCoverage G4, TechnologyCoverage G5)
{
    /// <summary>The documented defaults.</summary>
    public static CoverageRules Default { get; } = new(
        new TechnologyCoverage(-95, 900, 58, 30),
        new TechnologyCoverage(-95, 2100, 58, 30),
        new TechnologyCoverage(-110, 1800, 60, 30),
        new TechnologyCoverage(-110, 3500, 62, 25));

    /// <summary>Height of the receiving antenna above ground, m (default 1.5 m: a handset at street level).</summary>
    public double ReceiverHeightM { get; init; } = 1.5;

    /// <summary>Horizontal half-power beamwidth of sector rows without <c>beamwidth_deg</c>, degrees (default 65°, DOMAIN.md).</summary>
    public double BeamwidthDeg { get; init; } = 65;

    /// <summary>
    /// Largest horizontal pattern attenuation Am, dB (default 25 dB, the front-to-back ratio of 3GPP TR 36.814
    /// Table A.2.1.1-2 and TR 38.901 Table 7.3-1).
    /// </summary>
    public double MaxAttenuationDb { get; init; } = 25;

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
