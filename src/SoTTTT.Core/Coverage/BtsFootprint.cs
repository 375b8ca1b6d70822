using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The predicted footprint of one BTS: the radio parameters in force (the row's, else the technology defaults of
/// rules.json), the link budget on the technology's reference signal (<see cref="LinkBudget"/>), the path-loss models
/// of its environment, and the received level at any place. Level = reference-signal EIRP − L(d) + A(φ) − receiver
/// losses and margin, with L(d) the largest of the environment's model chain (<see cref="CoverageModelChoice.Chain"/>)
/// and free space — each formula used outside its distance range too (listed in <see cref="OutOfRange"/> when the
/// range relies on it) — and A the horizontal pattern of <see cref="AntennaPattern"/> (0 for omni BTS). Nothing is
/// predicted beyond <see cref="ReachKm"/> (rules.json <c>coverage.max_range_km</c>). Distances are horizontal, in the
/// dataset's metric CRS. Tilt is recorded but not modelled (the vertical pattern needs the antenna's gain table).
/// Immutable and thread-safe.
/// </summary>
public sealed class BtsFootprint
{
    private const double NearestKm = 0.001;

    // LevelBoundDbm's table: distances 0.5 km · 1.5^k.
    private static readonly double[] BoundDistancesKm = [.. Enumerable.Range(0, 48).Select(k => 0.5 * Math.Pow(1.5, k))];

    // The engine's footprints take them from their worker's RangeSolutions (shared per set of inputs); a footprint made
    // alone makes them on first use. An idempotent race at worst.
    private LossTerm[]? terms;

    // The loss at each BoundDistancesKm up to the reach (LevelBoundDbm's table), made on first use, filled entry by
    // entry: an idempotent race at worst.
    private double[]? boundLosses;

    // Found on first use (the coverage outputs list it; the covered flags never ask): an idempotent race at worst.
    private IReadOnlyList<OutOfRangeParameter>? outOfRange;

    internal BtsFootprint(
        int index,
        Bts bts,
        CoverageEnvironment environment,
        IReadOnlyList<(IPathLossModel Model, string Environment)> chain,
        double bandMHz,
        double antennaHeightM,
        double receiverHeightM,
        double beamwidthDeg,
        double maxAttenuationDb,
        LinkBudget budget,
        double reachKm,
        IReadOnlyList<string> defaults,
        CoverageTerrain? terrain = null,
        double heightAboveSurroundingsM = 0,
        RangeSolutions? solutions = null)
    {
        Index = index;
        Bts = bts;
        Environment = environment;
        Model = chain[0].Model;
        ModelEnvironment = chain[0].Environment;
        Chain = chain;
        BandMHz = bandMHz;
        AntennaHeightM = antennaHeightM;
        ReceiverHeightM = receiverHeightM;
        BeamwidthDeg = beamwidthDeg;
        MaxAttenuationDb = maxAttenuationDb;
        Budget = budget;
        ReachKm = reachKm;
        Defaults = defaults;
        X = bts.Location.X;
        Y = bts.Location.Y;
        Terrain = terrain;
        EffectiveHeightM = antennaHeightM + (double.IsFinite(heightAboveSurroundingsM) ? heightAboveSurroundingsM : 0);
        SiteElevationM = terrain?.ElevationM(X, Y);
        if (solutions is not null)
        {
            // One set of loss terms for every footprint of the worker with the same inputs to them (they hold no state
            // of the footprint): fewer long-lived objects than one set each.
            terms = solutions.TermsFor(new RangeSolutions.TermKey(environment, bandMHz, EffectiveHeightM, receiverHeightM), Terms);
        }

        (MaxRangeKm, RangeCapped) = solutions is null
            ? SolveRange()
            : solutions.GetOrSolve(new RangeSolutions.Key(environment, bandMHz, EffectiveHeightM, receiverHeightM, budget.MaxPathLossDb, reachKm), SolveRange);
    }

    /// <summary>Position of the BTS in <see cref="Dataset.Bts"/> (−1 for a site that is not in the dataset).</summary>
    public int Index { get; }

    public Bts Bts { get; }

    public string Id => Bts.Id;

    public string Operator => Bts.Operator;

    public Technology Tech => Bts.Tech;

    /// <summary>Easting of the BTS in the analysis CRS, m.</summary>
    public double X { get; }

    /// <summary>Northing of the BTS in the analysis CRS, m.</summary>
    public double Y { get; }

    public CoverageEnvironment Environment { get; }

    /// <summary>The environment's own model (first of <see cref="Chain"/>).</summary>
    public IPathLossModel Model { get; }

    /// <summary>The own model's environment name (e.g. <c>urban</c>, <c>suburban</c>, <c>nlos</c>).</summary>
    public string ModelEnvironment { get; }

    /// <summary>Every model whose largest loss (with free space) is the footprint's loss.</summary>
    public IReadOnlyList<(IPathLossModel Model, string Environment)> Chain { get; }

    public double BandMHz { get; }

    /// <summary>Total EIRP of the carrier, dBm.</summary>
    public double EirpDbm => Budget.TotalEirpDbm;

    /// <summary>The link budget (reference signal, receiver losses, margin, threshold).</summary>
    public LinkBudget Budget { get; }

    /// <summary>Antenna height above ground, m.</summary>
    public double AntennaHeightM { get; }

    /// <summary>
    /// The base-station height the statistical models use, m: the antenna's height above ground, plus — over terrain —
    /// how far the site stands above the mean terrain 3–15 km around it (<see cref="CoverageTerrain.HeightAboveSurroundingsM"/>).
    /// </summary>
    public double EffectiveHeightM { get; }

    /// <summary>The terrain the footprint is judged over; null without a DEM.</summary>
    public CoverageTerrain? Terrain { get; }

    /// <summary>Ground elevation at the site, m (NaN where the DEM has none); null without a DEM.</summary>
    public double? SiteElevationM { get; }

    public double ReceiverHeightM { get; }

    /// <summary>Sector azimuth, degrees clockwise from grid north; null for an omni BTS.</summary>
    public double? AzimuthDeg => Bts.AzimuthDeg;

    /// <summary>Half-power beamwidth, degrees (used only for sectors).</summary>
    public double BeamwidthDeg { get; }

    /// <summary>Front-to-back ratio Am of the pattern, dB.</summary>
    public double MaxAttenuationDb { get; }

    /// <summary>The technology's threshold, dBm.</summary>
    public double ThresholdDbm => Budget.ThresholdDbm;

    /// <summary>Fields taken from the technology defaults because the row lacks them (<c>band_mhz</c>, <c>eirp_dbm</c>, <c>antenna_height_m</c>, <c>beamwidth_deg</c>, <c>bandwidth_mhz</c>).</summary>
    public IReadOnlyList<string> Defaults { get; }

    /// <summary>Largest distance at which anything is predicted, km; farther places get −∞.</summary>
    public double ReachKm { get; }

    /// <summary>
    /// Largest horizontal distance along boresight (any direction for omni) at which the level meets the threshold, km;
    /// 0 when not even the nearest place does.
    /// </summary>
    public double MaxRangeKm { get; }

    /// <summary>True when the level still meets the threshold at <see cref="ReachKm"/>, which then caps the range.</summary>
    public bool RangeCapped { get; }

    /// <summary>
    /// Inputs outside the own model's validity range: frequency and heights, and the distance when the range lies
    /// outside the model's distance range (the formula was extrapolated there).
    /// </summary>
    public IReadOnlyList<OutOfRangeParameter> OutOfRange => outOfRange ??= Extrapolation(MaxRangeKm);

    public bool IsOmni => Bts.AzimuthDeg is null;

    /// <summary>The loss at a horizontal distance in km: the largest of the chain's models and free space; +∞ beyond <see cref="ReachKm"/>.</summary>
    public double LossDb(double distanceKm)
    {
        if (distanceKm > ReachKm)
        {
            return double.PositiveInfinity;
        }

        var d = Math.Max(distanceKm, NearestKm);
        var loss = 32.45 + (20 * Math.Log10(BandMHz)) + (20 * Math.Log10(d));
        foreach (var term in terms ??= Terms())
        {
            loss = Math.Max(loss, term.LossDb(d));
        }

        return loss;
    }

    /// <summary>
    /// An upper bound of <see cref="LevelDbm"/> at any place <paramref name="distanceKm"/> from the BTS, in any direction,
    /// over terrain or not: the level for the loss at the largest distance of a fixed table (0.5 km · 1.5^k) not beyond
    /// it, with no pattern attenuation. The loss never decreases with distance, the pattern only attenuates and terrain
    /// only adds loss, so no place there receives more; +∞ below the table's first distance, −∞ beyond the reach. Lets a
    /// search for the best level skip the BTS that cannot beat the best found, without changing what it finds.
    /// </summary>
    public double LevelBoundDbm(double distanceKm)
    {
        if (distanceKm > ReachKm)
        {
            return double.NegativeInfinity;
        }

        // The largest table distance not beyond the place (the table's distances are exact products, compared as they are).
        var losses = boundLosses ??= BoundLosses();
        var k = -1;
        while (k + 1 < losses.Length && BoundDistancesKm[k + 1] <= distanceKm)
        {
            k++;
        }

        if (k < 0)
        {
            return double.PositiveInfinity;
        }

        // Filled on first use, entry by entry: most footprints are asked at a few distances (an idempotent race at worst).
        var loss = losses[k];
        if (double.IsNaN(loss))
        {
            losses[k] = loss = LossDb(BoundDistancesKm[k]);
        }

        return Budget.LevelDbm(loss, 0);
    }

    private double[] BoundLosses()
    {
        var n = 0;
        while (n < BoundDistancesKm.Length && BoundDistancesKm[n] <= ReachKm)
        {
            n++;
        }

        var losses = new double[n];
        Array.Fill(losses, double.NaN);
        return losses;
    }

    internal LossTerm[] Terms()
    {
        var made = new LossTerm[Chain.Count];
        for (var i = 0; i < made.Length; i++)
        {
            made[i] = new LossTerm(Chain[i].Model, Chain[i].Environment, BandMHz, EffectiveHeightM, ReceiverHeightM);
        }

        return made;
    }

    /// <summary>The pattern attenuation towards (dx east, dy north) metres from the BTS, dB (0 for omni).</summary>
    public double PatternDb(double dx, double dy) =>
        Bts.AzimuthDeg is { } azimuth && (dx != 0 || dy != 0)
            ? AntennaPattern.HorizontalDb(AntennaPattern.OffBoresightDeg(azimuth, dx, dy), BeamwidthDeg, MaxAttenuationDb)
            : 0;

    /// <summary>
    /// The predicted reference-signal level at (x, y) in the analysis CRS after receiver losses and margin, dBm;
    /// −∞ beyond <see cref="ReachKm"/>. Over terrain the path loss is the larger of the statistical loss and the
    /// Longley-Rice ITM loss over the path's own profile: the statistical models hold the clutter near the receiver,
    /// ITM the ridges, so terrain never lengthens a footprint beyond its flat-ground range (with the effective height)
    /// and on flat ground the prediction equals the one without a DEM.
    /// </summary>
    public double LevelDbm(double x, double y)
    {
        var dx = x - X;
        var dy = y - Y;
        var loss = LossDb(Math.Sqrt(dx * dx + dy * dy) / 1000);
        if (double.IsPositiveInfinity(loss))
        {
            return double.NegativeInfinity;
        }

        if (Terrain?.LossDb(X, Y, AntennaHeightM, x, y, ReceiverHeightM, BandMHz) is { } terrainLoss)
        {
            loss = Math.Max(loss, terrainLoss);
        }

        return Budget.LevelDbm(loss, PatternDb(dx, dy));
    }

    /// <summary>
    /// Whether the level at (x, y) meets the threshold: <see cref="LevelDbm"/> ≥ <see cref="ThresholdDbm"/>. Terrain only
    /// adds loss, so a place the statistical loss already leaves below the threshold is refused without its ITM path.
    /// </summary>
    public bool Covers(double x, double y)
    {
        if (Terrain is not null)
        {
            var dx = x - X;
            var dy = y - Y;
            if (Budget.LevelDbm(LossDb(Math.Sqrt(dx * dx + dy * dy) / 1000), PatternDb(dx, dy)) < ThresholdDbm)
            {
                return false;
            }
        }

        return LevelDbm(x, y) >= ThresholdDbm;
    }

    /// <summary>
    /// The range in metres for pattern attenuations 0, step, 2·step … Am dB (index k ↔ k·step dB): the raster's
    /// lookup for sectors. Found on a table of the loss at 64 log-spaced distances below the boresight range and
    /// interpolated linearly in log distance, so within a fraction of a percent of the exact range.
    /// </summary>
    public float[] RangeTableM(double stepDb)
    {
        var n = (int)Math.Ceiling(MaxAttenuationDb / stepDb) + 1;
        var table = new float[n];
        var r0 = MaxRangeKm;
        if (r0 <= 0)
        {
            return table;
        }

        const int Samples = 64;
        var minKm = Math.Max(NearestKm, r0 / 1000);
        var logMin = Math.Log10(minKm);
        var logMax = Math.Log10(r0);
        var losses = new double[Samples];
        for (var s = 0; s < Samples; s++)
        {
            losses[s] = LossDb(Math.Pow(10, logMin + (logMax - logMin) * s / (Samples - 1)));
        }

        var allowed0 = Budget.MaxPathLossDb;
        table[0] = (float)(r0 * 1000);
        for (var k = 1; k < n; k++)
        {
            var allowed = allowed0 - Math.Min(k * stepDb, MaxAttenuationDb);
            if (losses[0] > allowed)
            {
                table[k] = 0;
                continue;
            }

            var s = 0;
            while (s + 1 < Samples && losses[s + 1] <= allowed)
            {
                s++;
            }

            double logD;
            if (s + 1 >= Samples)
            {
                logD = logMax;
            }
            else
            {
                var t = (allowed - losses[s]) / (losses[s + 1] - losses[s]);
                logD = logMin + (logMax - logMin) * (s + Math.Clamp(t, 0, 1)) / (Samples - 1);
            }

            table[k] = (float)(Math.Pow(10, logD) * 1000);
        }

        return table;
    }

    /// <summary>
    /// The boresight range: the largest distance between the nearest place and the reach whose (non-decreasing) loss
    /// stays within the budget. False position on log10(distance) with the Illinois rule finds the crossing (the losses
    /// are nearly straight in log distance, so about a dozen evaluations do what bisection needed some forty for); the
    /// answer is then the last point of the fixed grid nearest·(1 + 10⁻¹²)ᵏ that meets the budget, so that it depends
    /// only on where the loss crosses the budget, not on the path the search took: two footprints whose losses agree
    /// there get the same range, and one whose loss is nowhere smaller never gets a longer one.
    /// </summary>
    private (double RangeKm, bool Capped) SolveRange()
    {
        var allowed = Budget.MaxPathLossDb;
        var fLo = LossDb(NearestKm) - allowed;
        if (fLo > 0)
        {
            return (0, false);
        }

        var fHi = LossDb(ReachKm) - allowed;
        if (fHi <= 0)
        {
            return (ReachKm, true);
        }

        var uLo = Math.Log10(NearestKm);
        var uHi = Math.Log10(ReachKm);
        var side = 0;
        for (var i = 0; i < 200 && uHi - uLo > SearchToleranceLog10; i++)
        {
            var u = ((uLo * fHi) - (uHi * fLo)) / (fHi - fLo);
            if (!(u > uLo && u < uHi))
            {
                u = (uLo + uHi) / 2;
            }

            var f = LossDb(Math.Pow(10, u)) - allowed;
            if (f <= 0)
            {
                (uLo, fLo) = (u, f);
                if (side == -1)
                {
                    fHi /= 2;
                }

                side = -1;
            }
            else
            {
                (uHi, fHi) = (u, f);
                if (side == 1)
                {
                    fLo /= 2;
                }

                side = 1;
            }
        }

        // Snap to the grid: the largest step k whose distance meets the budget (the search left the crossing within a
        // tenth of a step, so this takes one or two evaluations).
        var k = Math.Floor((uLo - Math.Log10(NearestKm)) / GridStepLog10);
        while (k > 0 && LossDb(GridKm(k)) > allowed)
        {
            k--;
        }

        while (GridKm(k + 1) < ReachKm && LossDb(GridKm(k + 1)) <= allowed)
        {
            k++;
        }

        return (GridKm(k), false);
    }

    private const double GridStepLog10 = 4.342944819032518e-13; // log10(1 + 10⁻¹²)

    private const double SearchToleranceLog10 = GridStepLog10 / 10;

    private static double GridKm(double k) => k <= 0 ? NearestKm : NearestKm * Math.Pow(10, k * GridStepLog10);

    private List<OutOfRangeParameter> Extrapolation(double rangeKm)
    {
        var probe = rangeKm > 0 ? rangeKm : NearestKm;
        var validity = Model.Validity(ModelEnvironment);
        var outside = validity.Check(new PathLossInput(BandMHz, Math.Clamp(probe, validity.DistanceKm.Min, validity.DistanceKm.Max), EffectiveHeightM, ReceiverHeightM, ModelEnvironment))
            .ToList();
        if (rangeKm > 0 && !validity.DistanceKm.Contains(rangeKm))
        {
            outside.Insert(outside.Count > 0 && outside[0].Parameter == PathLossParameters.FreqMHz ? 1 : 0, new OutOfRangeParameter(PathLossParameters.DistanceKm, rangeKm, validity.DistanceKm, "km"));
        }

        return outside;
    }

    /// <summary>One model of the chain; the Hata formulas are a + b·log10(d) for fixed f, heights and environment, so two evaluations give them.</summary>
    internal sealed class LossTerm
    {
        private readonly Func<double, double> exact;
        private readonly double atOneKm;
        private readonly double? perDecade;

        public LossTerm(IPathLossModel model, string environment, double bandMHz, double baseHeightM, double mobileHeightM)
        {
            var input = new PathLossInput(bandMHz, 1, model.UsesHeights ? baseHeightM : null, model.UsesHeights ? mobileHeightM : null, environment);

            // The model's own check of the environment once; every distance after through its prepared form
            // (IPathLossModel.Prepare: what does not depend on the distance worked out once).
            PathLossModelGuard.Environment(model, input);
            exact = model.Prepare(input);
            if (model is OkumuraHataModel or Cost231HataModel)
            {
                atOneKm = Exact(1);
                perDecade = Exact(10) - atOneKm;
            }
        }

        public double LossDb(double distanceKm) => perDecade is { } b ? atOneKm + (b * Math.Log10(distanceKm)) : Exact(distanceKm);

        private double Exact(double distanceKm) => exact(distanceKm);
    }
}
