namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// A computed basic transmission loss with the inputs that lay outside the model's validity range.
/// </summary>
/// <param name="LossDb">Median path loss in dB (no shadow fading, no antenna gains).</param>
/// <param name="OutOfRange">Inputs outside the validity range; empty when the model was used inside its range.</param>
public sealed record PathLossResult(double LossDb, IReadOnlyList<OutOfRangeParameter> OutOfRange)
{
    /// <summary>True when at least one input was outside the validity range, so the loss is an extrapolation.</summary>
    public bool Extrapolated => OutOfRange.Count > 0;
}
