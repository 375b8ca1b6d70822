namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// The largest distance at which the received level still meets the threshold.
/// </summary>
/// <param name="Status">Whether the answer lies inside the model's distance range.</param>
/// <param name="MaxRangeKm">Horizontal distance in km; null unless <paramref name="Status"/> is <see cref="MaxRangeStatus.WithinRange"/>.</param>
/// <param name="AllowedLossDb">EIRP + receive gain − threshold, dB: the loss the link can afford.</param>
/// <param name="DistanceRangeKm">The model's distance range searched, km.</param>
/// <param name="OutOfRange">Frequency and heights outside the model's validity range (the distance never is).</param>
public sealed record MaxRangeResult(
    MaxRangeStatus Status,
    double? MaxRangeKm,
    double AllowedLossDb,
    ParameterRange DistanceRangeKm,
    IReadOnlyList<OutOfRangeParameter> OutOfRange)
{
    /// <summary>True when frequency or a height was outside the validity range, so the range is an extrapolation.</summary>
    public bool Extrapolated => OutOfRange.Count > 0;
}
