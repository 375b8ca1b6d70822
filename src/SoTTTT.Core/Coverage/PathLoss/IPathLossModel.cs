namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// A median path-loss model: a formula from a published source with the validity range that source states.
/// </summary>
public interface IPathLossModel
{
    /// <summary>The name planners use on the command line (<c>okumura-hata</c>, <c>3gpp-rma</c> …).</summary>
    string Name { get; }

    /// <summary>The environments (variants) of the model in lower case; empty when it has none (free space).</summary>
    IReadOnlyList<string> Environments { get; }

    /// <summary>Whether the model uses the base-station and mobile antenna heights.</summary>
    bool UsesHeights { get; }

    /// <summary>The validity range for <paramref name="environment"/> (the 3GPP distance ranges differ between LOS and NLOS).</summary>
    ValidityRange Validity(string environment);

    /// <summary>
    /// The loss in dB for <paramref name="input"/>. Inputs outside the validity range are used anyway and listed in
    /// <see cref="PathLossResult.OutOfRange"/>. Inputs that are not physical (non-positive, NaN, missing heights,
    /// unknown environment) are programmer errors and throw; check them first with <see cref="PathLossInputValidator"/>.
    /// </summary>
    PathLossResult LossDb(PathLossInput input);

    /// <summary>
    /// The loss of <see cref="LossDb"/> alone, dB, without its validity findings, for <paramref name="input"/>'s
    /// frequency, heights and environment (already accepted by <see cref="LossDb"/>) at <paramref name="distanceKm"/>
    /// instead of its distance: what a caller evaluating one set of inputs at many distances (a range solve, every
    /// settlement near a BTS) needs per distance, without a new input each time.
    /// </summary>
    double LossOnlyDb(PathLossInput input, double distanceKm) => LossDb(input with { DistanceKm = distanceKm }).LossDb;

    /// <summary>
    /// <see cref="LossOnlyDb"/> for <paramref name="input"/>'s frequency, heights and environment as a function of the
    /// distance (km) alone, the same values to the bit; a model may work out once what does not depend on the distance.
    /// </summary>
    Func<double, double> Prepare(PathLossInput input) => distanceKm => LossOnlyDb(input, distanceKm);
}
