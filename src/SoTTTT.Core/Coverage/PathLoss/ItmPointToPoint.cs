using SoTTTT.Core.Terrain;
using SoTTTT.Core.Validation;

namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// <c>itm</c>: the Longley-Rice Irregular Terrain Model (NTIA/ITS ITM version 1.2.2) in point-to-point mode, the
/// model SPLAT! 1.4.2 runs with <c>-olditm</c> and Signal-Server uses (SPLAT!'s default is ITWOM 3.0, a later
/// modification of it). Written from G. A. Hufford, "The ITS Irregular Terrain Model, version 1.2.2: The Algorithm"
/// (NTIA/ITS, 1995) and A. G. Longley &amp; P. L. Rice, ESSA Tech. Rep. ERL 79-ITS 67 (1968): the loss over a terrain
/// profile [n, step, z0 … zn] (<see cref="TerrainProfiler"/>) between antennas at given heights above the ground at
/// its two ends, as free-space loss plus the model's attenuation (line of sight, diffraction or troposcatter, with
/// time, location and situation variability).
/// <para>
/// Validity (the model's own, §3): 20–20 000 MHz, 1–1000 km (computed to 2000 km), antenna heights 0.5–3000 m; other
/// inputs are computed and reported in <see cref="ItmResult.OutOfRange"/>, and the model's own error code
/// <see cref="ItmResult.ErrorCode"/> (kwx) says how far to trust the result. ITM is not a distance-only model, so
/// <see cref="IPathLossModel.LossDb"/> is not available: use <see cref="Compute(TerrainProfile, ItmParameters)"/>.
/// </para>
/// </summary>
public sealed class ItmPointToPoint : IPathLossModel
{
    /// <summary>The model's name.</summary>
    public const string ModelName = "itm";

    /// <summary>The validity range: 20–20 000 MHz, 1–1000 km, heights 0.5–3000 m.</summary>
    public static ValidityRange Range { get; } = new(
        new ParameterRange(20, 20_000),
        new ParameterRange(1, 1000),
        new ParameterRange(0.5, 3000),
        new ParameterRange(0.5, 3000));

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public IReadOnlyList<string> Environments { get; } = [];

    /// <inheritdoc />
    public bool UsesHeights => true;

    /// <inheritdoc />
    public ValidityRange Validity(string environment) => Range;

    /// <summary>Not available: ITM needs a terrain profile (<see cref="Compute(TerrainProfile, ItmParameters)"/>).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public PathLossResult LossDb(PathLossInput input) =>
        throw new NotSupportedException("itm needs a terrain profile: call ItmPointToPoint.Compute with a TerrainProfile (a DEM), not a distance.");

    /// <summary>
    /// Every reason <paramref name="parameters"/> cannot be evaluated at all: non-positive or non-finite frequency,
    /// heights or refractivity, permittivity below 1, conductivity not positive, an undefined climate, polarization or
    /// variability mode, or a percentage outside 0–100 (exclusive). Values outside the validity range are not
    /// problems here; the result reports them.
    /// </summary>
    public static IReadOnlyList<PathLossInputProblem> Validate(ItmParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var problems = new List<PathLossInputProblem>();
        Positive(problems, PathLossParameters.FreqMHz, parameters.FreqMHz);
        Positive(problems, PathLossParameters.BaseHeightM, parameters.TxHeightM);
        Positive(problems, PathLossParameters.MobileHeightM, parameters.RxHeightM);
        Positive(problems, PathLossParameters.Refractivity, parameters.SurfaceRefractivityN);
        Positive(problems, PathLossParameters.Conductivity, parameters.ConductivitySPerM);
        if (!(double.IsFinite(parameters.Permittivity) && parameters.Permittivity >= 1))
        {
            problems.Add(new PathLossInputProblem(ProblemCodes.ValueOutOfRange, PathLossParameters.Permittivity, parameters.Permittivity));
        }

        if (!Enum.IsDefined(parameters.Climate))
        {
            problems.Add(new PathLossInputProblem(ProblemCodes.ValueOutOfRange, PathLossParameters.Climate, (double)parameters.Climate));
        }

        if (!Enum.IsDefined(parameters.Polarization))
        {
            problems.Add(new PathLossInputProblem(ProblemCodes.UnknownValue, PathLossParameters.Polarization, (double)parameters.Polarization));
        }

        if (!Enum.IsDefined(parameters.VariabilityMode))
        {
            problems.Add(new PathLossInputProblem(ProblemCodes.UnknownValue, PathLossParameters.VariabilityMode, (double)parameters.VariabilityMode));
        }

        Percentage(problems, PathLossParameters.TimePct, parameters.TimePct);
        Percentage(problems, PathLossParameters.LocationPct, parameters.LocationPct);
        Percentage(problems, PathLossParameters.SituationPct, parameters.SituationPct);
        return problems;
    }

    /// <summary>The prediction over <paramref name="profile"/> (from the transmitter to the receiver).</summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has a <see cref="Validate"/> problem.</exception>
    public static ItmResult Compute(TerrainProfile profile, ItmParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Compute(profile.ElevationsM, profile.StepM, parameters);
    }

    /// <summary>
    /// The prediction over the profile <paramref name="elevationsM"/> (ground heights in metres above sea level from
    /// the transmitter to the receiver, at least two, <paramref name="stepM"/> metres apart): the allocation-free form
    /// for callers that fill a buffer with <see cref="TerrainProfiler.Fill"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two finite elevations, a step that is not positive, or a <see cref="Validate"/> problem.</exception>
    public static ItmResult Compute(ReadOnlySpan<double> elevationsM, double stepM, ItmParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (elevationsM.Length < 2)
        {
            throw new ArgumentException("An ITM profile needs at least two elevations.", nameof(elevationsM));
        }

        if (!(double.IsFinite(stepM) && stepM > 0))
        {
            throw new ArgumentException($"The profile step ({stepM} m) must be positive and finite.", nameof(stepM));
        }

        foreach (var z in elevationsM)
        {
            if (!double.IsFinite(z))
            {
                throw new ArgumentException("Every elevation of an ITM profile must be finite (no-data must be refused before).", nameof(elevationsM));
            }
        }

        var problems = Validate(parameters);
        if (problems.Count > 0)
        {
            throw new ArgumentException("ITM parameters cannot be evaluated: " + string.Join(", ", problems.Select(p => p.Parameter)), nameof(parameters));
        }

        return ItmCalculation.Run(elevationsM, stepM, parameters);
    }

    private static void Positive(List<PathLossInputProblem> problems, string name, double value)
    {
        if (!PathLossInputValidator.IsPositive(value))
        {
            problems.Add(new PathLossInputProblem(ProblemCodes.ValueOutOfRange, name, value));
        }
    }

    private static void Percentage(List<PathLossInputProblem> problems, string name, double value)
    {
        if (!(value > 0 && value < 100))
        {
            problems.Add(new PathLossInputProblem(ProblemCodes.ValueOutOfRange, name, value));
        }
    }
}
