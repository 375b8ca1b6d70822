namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// <c>3gpp-rma</c>: rural macro-cell path loss of 3GPP TR 38.901, Table 7.4.1-1 (fc in GHz, distances and heights
/// in m, d3D = √(d2D² + (hBS − hUT)²)):
/// <code>
/// PL1(d) = 20 log10(40π d fc / 3) + min(0.03 h^1.72, 10) log10 d − min(0.044 h^1.72, 14.77) + 0.002 log10(h) d
/// LOS:  PL1(d3D) for 10 m ≤ d2D ≤ dBP;  PL1(dBP) + 40 log10(d3D / dBP) for dBP ≤ d2D ≤ 10 km
///       dBP = 2π hBS hUT fc / c, fc in Hz, c = 3.0·10⁸ m/s (table note)
/// NLOS: max(PL_LOS, PL'_NLOS) for 10 m ≤ d2D ≤ 5 km,
///       PL'_NLOS = 161.04 − 7.1 log10 W + 7.5 log10 h − (24.37 − 3.7 (h/hBS)²) log10 hBS
///                  + (43.42 − 3.1 log10 hBS)(log10 d3D − 3) + 20 log10 fc − (3.2 (log10 11.75 hUT)² − 4.97)
/// </code>
/// h is the average building height and W the average street width (defaults 5 m and 20 m, applicability 5–50 m).
/// PL1(dBP) is PL1 evaluated at the distance dBP, as printed (some implementations use the 3D distance at the
/// breakpoint instead; the two differ by less than 0.001 dB at 10 km). Shadow fading is not included.
/// Validity: hBS 10–150 m, hUT 1–10 m, d2D as above; frequency 0.5–30 GHz (the note to the table: RMa is supported
/// to 30 GHz, validated above 7 GHz by a single 24 GHz campaign).
/// </summary>
public sealed class ThreeGppRmaModel : IPathLossModel
{
    /// <summary>The model's name.</summary>
    public const string ModelName = "3gpp-rma";

    /// <summary>Default average building height h, m (Table 7.4.1-1).</summary>
    public const double DefaultBuildingHeightM = 5;

    /// <summary>Default average street width W, m (Table 7.4.1-1).</summary>
    public const double DefaultStreetWidthM = 20;

    private static readonly ParameterRange FreqRange = new(500, 30_000);
    private static readonly ParameterRange BaseRange = new(10, 150);
    private static readonly ParameterRange MobileRange = new(1, 10);
    private static readonly ParameterRange StreetRange = new(5, 50);
    private static readonly ValidityRange LosRange = new(FreqRange, new ParameterRange(0.01, 10), BaseRange, MobileRange);
    private static readonly ValidityRange NlosRange = new(FreqRange, new ParameterRange(0.01, 5), BaseRange, MobileRange);

    /// <summary>The model with the table's default h = 5 m and W = 20 m.</summary>
    public ThreeGppRmaModel()
        : this(DefaultBuildingHeightM, DefaultStreetWidthM)
    {
    }

    /// <summary>The model for an average building height and street width, each 5–50 m (Table 7.4.1-1 applicability).</summary>
    public ThreeGppRmaModel(double buildingHeightM, double streetWidthM)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buildingHeightM, StreetRange.Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buildingHeightM, StreetRange.Max);
        ArgumentOutOfRangeException.ThrowIfLessThan(streetWidthM, StreetRange.Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(streetWidthM, StreetRange.Max);
        BuildingHeightM = buildingHeightM;
        StreetWidthM = streetWidthM;
    }

    /// <summary>Average building height h, m.</summary>
    public double BuildingHeightM { get; }

    /// <summary>Average street width W, m.</summary>
    public double StreetWidthM { get; }

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public IReadOnlyList<string> Environments { get; } = [ThreeGppEnvironments.Los, ThreeGppEnvironments.Nlos];

    /// <inheritdoc />
    public bool UsesHeights => true;

    /// <inheritdoc />
    public ValidityRange Validity(string environment) => environment == ThreeGppEnvironments.Nlos ? NlosRange : LosRange;

    /// <inheritdoc />
    public PathLossResult LossDb(PathLossInput input)
    {
        PathLossModelGuard.Environment(this, input);
        return new PathLossResult(LossOnlyDb(input, input.DistanceKm), Validity(input.Environment).Check(input));
    }

    /// <inheritdoc />
    public double LossOnlyDb(PathLossInput input, double distanceKm) => new Prepared(this, input).LossDb(distanceKm);

    /// <inheritdoc />
    public Func<double, double> Prepare(PathLossInput input) => new Prepared(this, input).LossDb;

    /// <summary>
    /// The formulas for one frequency, pair of heights and environment, with every term that does not depend on the
    /// distance worked out once (the powers and logarithms of h, W, the heights and fc, the breakpoint and PL1 there).
    /// Each sum is still taken in the order the formula is written, so the loss is the same to the last bit.
    /// </summary>
    private sealed class Prepared
    {
        private readonly double fcGHz;
        private readonly double heightGapSquared;
        private readonly double breakpointM;
        private readonly double pl1AtBreakpoint;
        private readonly double logDistanceFactor;
        private readonly double buildingTerm;
        private readonly double linearFactor;
        private readonly bool nlos;
        private readonly double nlosHead;
        private readonly double nlosSlope;
        private readonly double nlosFrequency;
        private readonly double nlosMobile;

        public Prepared(ThreeGppRmaModel model, PathLossInput input)
        {
            fcGHz = input.FreqMHz / 1000;
            var hBs = input.RequiredBaseHeightM;
            var hUt = input.RequiredMobileHeightM;
            var h = model.BuildingHeightM;
            heightGapSquared = (hBs - hUt) * (hBs - hUt);
            logDistanceFactor = Math.Min(0.03 * Math.Pow(h, 1.72), 10);
            buildingTerm = Math.Min(0.044 * Math.Pow(h, 1.72), 14.77);
            linearFactor = 0.002 * Math.Log10(h);
            breakpointM = 2 * Math.PI * hBs * hUt * fcGHz * 1e9 / ThreeGppEnvironments.SpeedOfLightMPerS;
            pl1AtBreakpoint = Pl1Db(breakpointM);
            nlos = input.Environment == ThreeGppEnvironments.Nlos;
            var mobile = Math.Log10(11.75 * hUt);
            nlosHead = 161.04 - 7.1 * Math.Log10(model.StreetWidthM) + 7.5 * Math.Log10(h)
                - (24.37 - 3.7 * (h / hBs) * (h / hBs)) * Math.Log10(hBs);
            nlosSlope = 43.42 - 3.1 * Math.Log10(hBs);
            nlosFrequency = 20 * Math.Log10(fcGHz);
            nlosMobile = 3.2 * mobile * mobile - 4.97;
        }

        public double LossDb(double distanceKm)
        {
            var d2D = distanceKm * 1000;
            var d3D = Math.Sqrt(d2D * d2D + heightGapSquared);
            var los = d2D <= breakpointM
                ? Pl1Db(d3D)
                : pl1AtBreakpoint + 40 * Math.Log10(d3D / breakpointM);
            return nlos ? Math.Max(los, nlosHead + nlosSlope * (Math.Log10(d3D) - 3) + nlosFrequency - nlosMobile) : los;
        }

        private double Pl1Db(double distanceM) =>
            20 * Math.Log10(40 * Math.PI * distanceM * fcGHz / 3)
            + logDistanceFactor * Math.Log10(distanceM)
            - buildingTerm
            + linearFactor * distanceM;
    }
}
