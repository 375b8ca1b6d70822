namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// <c>3gpp-uma</c>: urban macro-cell path loss of 3GPP TR 38.901, Table 7.4.1-1 (fc in GHz, distances and heights
/// in m, d3D = √(d2D² + (hBS − hUT)²)):
/// <code>
/// LOS:  PL1 = 28.0 + 22 log10 d3D + 20 log10 fc                                      for 10 m ≤ d2D ≤ d'BP
///       PL2 = 28.0 + 40 log10 d3D + 20 log10 fc − 9 log10(d'BP² + (hBS − hUT)²)      for d'BP ≤ d2D ≤ 5 km
///       d'BP = 4 h'BS h'UT fc / c, h' = h − hE, fc in Hz, c = 3.0·10⁸ m/s (table note)
/// NLOS: max(PL_LOS, PL'_NLOS) for 10 m ≤ d2D ≤ 5 km,
///       PL'_NLOS = 13.54 + 39.08 log10 d3D + 20 log10 fc − 0.6 (hUT − 1.5)
/// </code>
/// The effective environment height hE is 1 m. The table note draws hE at random for hUT ≥ 13 m; a planning tool
/// needs one deterministic median, so hE = 1 m is used at every height (exact for hUT &lt; 13 m). The optional
/// simplified NLOS formula is not used. Shadow fading is not included.
/// Validity: 0.5–100 GHz, hUT 1.5–22.5 m, and hBS = 25 m exactly — the table states no range for hBS, so any other
/// height is reported as out of range.
/// </summary>
public sealed class ThreeGppUmaModel : IPathLossModel
{
    /// <summary>The model's name.</summary>
    public const string ModelName = "3gpp-uma";

    /// <summary>Effective environment height hE, m.</summary>
    public const double EnvironmentHeightM = 1;

    private static readonly ValidityRange Range = new(
        new ParameterRange(500, 100_000),
        new ParameterRange(0.01, 5),
        new ParameterRange(25, 25),
        new ParameterRange(1.5, 22.5));

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public IReadOnlyList<string> Environments { get; } = [ThreeGppEnvironments.Los, ThreeGppEnvironments.Nlos];

    /// <inheritdoc />
    public bool UsesHeights => true;

    /// <inheritdoc />
    public ValidityRange Validity(string environment) => Range;

    /// <inheritdoc />
    public PathLossResult LossDb(PathLossInput input)
    {
        PathLossModelGuard.Environment(this, input);
        return new PathLossResult(LossOnlyDb(input, input.DistanceKm), Range.Check(input));
    }

    /// <inheritdoc />
    public double LossOnlyDb(PathLossInput input, double distanceKm)
    {
        var fcGHz = input.FreqMHz / 1000;
        var hBs = input.RequiredBaseHeightM;
        var hUt = input.RequiredMobileHeightM;
        var d2D = distanceKm * 1000;
        var d3D = Math.Sqrt(d2D * d2D + (hBs - hUt) * (hBs - hUt));
        var breakpointM = 4 * (hBs - EnvironmentHeightM) * (hUt - EnvironmentHeightM) * fcGHz * 1e9 / ThreeGppEnvironments.SpeedOfLightMPerS;
        var los = d2D <= breakpointM
            ? 28.0 + 22 * Math.Log10(d3D) + 20 * Math.Log10(fcGHz)
            : 28.0 + 40 * Math.Log10(d3D) + 20 * Math.Log10(fcGHz) - 9 * Math.Log10(breakpointM * breakpointM + (hBs - hUt) * (hBs - hUt));
        return input.Environment == ThreeGppEnvironments.Nlos
            ? Math.Max(los, 13.54 + 39.08 * Math.Log10(d3D) + 20 * Math.Log10(fcGHz) - 0.6 * (hUt - 1.5))
            : los;
    }
}
