namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// What the ITM derived from the terrain profile (Hufford, "The ITS Irregular Terrain Model, version 1.2.2: The
/// Algorithm", §§3–4), for reports and checks against other implementations.
/// </summary>
/// <param name="TxHorizonDistanceM">Distance from the transmitter to its horizon, m (after the model's adjustments).</param>
/// <param name="RxHorizonDistanceM">Distance from the receiver to its horizon, m.</param>
/// <param name="TxHorizonAngleRad">Elevation angle of the transmitter's horizon, radians.</param>
/// <param name="RxHorizonAngleRad">Elevation angle of the receiver's horizon, radians.</param>
/// <param name="TxEffectiveHeightM">Effective height of the transmitting antenna, m.</param>
/// <param name="RxEffectiveHeightM">Effective height of the receiving antenna, m.</param>
/// <param name="TerrainIrregularityM">Terrain irregularity Δh, m (interdecile range of the profile's deviations from a straight fit).</param>
/// <param name="SurfaceRefractivityN">Surface refractivity Ns at the path's mean height, N-units.</param>
/// <param name="EffectiveEarthRadiusM">Radius of the effective earth, m.</param>
public sealed record ItmPathGeometry(
    double TxHorizonDistanceM,
    double RxHorizonDistanceM,
    double TxHorizonAngleRad,
    double RxHorizonAngleRad,
    double TxEffectiveHeightM,
    double RxEffectiveHeightM,
    double TerrainIrregularityM,
    double SurfaceRefractivityN,
    double EffectiveEarthRadiusM);
