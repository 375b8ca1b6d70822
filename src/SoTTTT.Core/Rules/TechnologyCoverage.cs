namespace SoTTTT.Core.Rules;

/// <summary>
/// Coverage settings of one technology (rules.json <c>coverage.technologies</c>): the threshold a received level must
/// meet, and the values a BTS row without them takes.
/// </summary>
/// <param name="ThresholdDbm">Received level at or above which a place counts as covered, dBm (outdoor, 0 dBi receive antenna).</param>
/// <param name="BandMHz">Carrier frequency for rows without <c>band_mhz</c>, MHz.</param>
/// <param name="EirpDbm">EIRP for rows without <c>eirp_dbm</c>, dBm.</param>
/// <param name="AntennaHeightM">Antenna height above ground for rows without <c>antenna_height_m</c>, m.</param>
public sealed record TechnologyCoverage(double ThresholdDbm, double BandMHz, double EirpDbm, double AntennaHeightM);
