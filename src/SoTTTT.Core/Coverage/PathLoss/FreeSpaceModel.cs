namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// <c>free-space</c>: the free-space basic transmission loss between isotropic antennas (Friis),
/// L = 32.45 + 20 log10 f + 20 log10 d dB with f in MHz and d in km (Recommendation ITU-R P.525, §2.1,
/// point-to-point links). 32.45 is 20 log10(4π · 10⁹ / c) = 32.448 dB with c = 299 792 458 m/s; P.525 prints it
/// rounded to 32.4; with two decimals the formula is 0.0022 dB above the exact Friis loss. Antenna heights are not
/// used: d is taken as the path length. Valid in the far field of both antennas, which this model does not check.
/// </summary>
public sealed class FreeSpaceModel : IPathLossModel
{
    /// <summary>The model's name.</summary>
    public const string ModelName = "free-space";

    private static readonly ValidityRange Range = new(
        new ParameterRange(0, double.PositiveInfinity),
        new ParameterRange(0, double.PositiveInfinity),
        null,
        null);

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public IReadOnlyList<string> Environments { get; } = [];

    /// <inheritdoc />
    public bool UsesHeights => false;

    /// <inheritdoc />
    public ValidityRange Validity(string environment) => Range;

    /// <inheritdoc />
    public PathLossResult LossDb(PathLossInput input)
    {
        PathLossModelGuard.Environment(this, input);
        var loss = 32.45 + 20 * Math.Log10(input.FreqMHz) + 20 * Math.Log10(input.DistanceKm);
        return new PathLossResult(loss, Range.Check(input));
    }
}
