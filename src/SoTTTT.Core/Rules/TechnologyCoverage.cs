namespace SoTTTT.Core.Rules;

/// <summary>
/// Coverage settings of one technology (rules.json <c>coverage.technologies</c>): the threshold a received
/// reference-signal level must meet, and the values a BTS row without them takes.
/// </summary>
/// <param name="ThresholdDbm">
/// Reference-signal level at or above which a place counts as covered, dBm (2G: BCCH carrier level; 3G: CPICH RSCP;
/// 4G: RSRP; 5G: SS-RSRP — DOMAIN.md, "Radio coverage").
/// </param>
/// <param name="BandMHz">Carrier frequency for rows without <c>band_mhz</c>, MHz.</param>
/// <param name="EirpDbm">Total EIRP of the carrier for rows without <c>eirp_dbm</c>, dBm (not the reference-signal EIRP).</param>
/// <param name="AntennaHeightM">Antenna height above ground for rows without <c>antenna_height_m</c>, m.</param>
public sealed record TechnologyCoverage(double ThresholdDbm, double BandMHz, double EirpDbm, double AntennaHeightM)
{
    /// <summary>
    /// Channel bandwidth of 4G/5G carriers for rows without <c>bandwidth_mhz</c>, MHz; sets the number of resource
    /// blocks the total power is spread over (3GPP TS 36.101 Table 5.6-1, TS 38.101-1 Table 5.3.2-1). Null for 2G/3G.
    /// </summary>
    public double? BandwidthMHz { get; init; }

    /// <summary>Subcarrier spacing of 5G carriers, kHz (15, 30 or 60; TS 38.101-1 Table 5.3.2-1). Null for other technologies.</summary>
    public double? SubcarrierSpacingKHz { get; init; }

    /// <summary>Share of the 3G carrier power on the CPICH, percent (default 10 %: CPICH ≈ −10 dB, DOMAIN.md). Null for other technologies.</summary>
    public double? PilotSharePct { get; init; }
}
