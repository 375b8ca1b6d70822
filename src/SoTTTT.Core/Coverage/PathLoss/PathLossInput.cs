namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// The inputs of one path-loss calculation.
/// </summary>
/// <param name="FreqMHz">Carrier frequency in MHz.</param>
/// <param name="DistanceKm">
/// Horizontal (2D, ground) distance between base station and mobile in km. The 3GPP models derive the 3D distance
/// from it and the two heights; the Hata models and free space use it as it is.
/// </param>
/// <param name="BaseHeightM">Base-station antenna height above ground in m; null only for models that do not use it.</param>
/// <param name="MobileHeightM">Mobile antenna height above ground in m; null only for models that do not use it.</param>
/// <param name="Environment">
/// One of the model's <see cref="IPathLossModel.Environments"/> (lower case); empty for models without environments.
/// </param>
public sealed record PathLossInput(double FreqMHz, double DistanceKm, double? BaseHeightM, double? MobileHeightM, string Environment)
{
    /// <summary>The base-station height; throws when it is missing (callers validate first).</summary>
    internal double RequiredBaseHeightM =>
        BaseHeightM ?? throw new ArgumentException($"{PathLossParameters.BaseHeightM} is required by this model", nameof(BaseHeightM));

    /// <summary>The mobile height; throws when it is missing (callers validate first).</summary>
    internal double RequiredMobileHeightM =>
        MobileHeightM ?? throw new ArgumentException($"{PathLossParameters.MobileHeightM} is required by this model", nameof(MobileHeightM));
}
