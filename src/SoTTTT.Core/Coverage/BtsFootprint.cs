using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The predicted footprint of one BTS: the radio parameters in force (the row's, else the technology defaults of
/// rules.json), the model chosen by <see cref="CoverageModelChoice"/>, and the received level at any place.
/// Received level = EIRP − L(d) + A(φ) (DOMAIN.md link budget; receive gain 0 dBi, no further losses), with L the
/// model's median loss, free space below the model's smallest distance and no prediction (−∞) beyond its largest,
/// and A the horizontal pattern of <see cref="AntennaPattern"/> (0 for omni BTS). Distances are horizontal, in the
/// dataset's metric CRS. Tilt is recorded but not modelled (the vertical pattern needs the antenna's gain table).
/// Immutable and thread-safe.
/// </summary>
public sealed class BtsFootprint
{
    private const double NearestKm = 0.001;

    private readonly double hataAtOneKm;
    private readonly double? hataPerDecade;

    internal BtsFootprint(
        int index,
        Bts bts,
        CoverageEnvironment environment,
        IPathLossModel model,
        string modelEnvironment,
        double bandMHz,
        double eirpDbm,
        double antennaHeightM,
        double receiverHeightM,
        double beamwidthDeg,
        double maxAttenuationDb,
        double thresholdDbm,
        IReadOnlyList<string> defaults)
    {
        Index = index;
        Bts = bts;
        Environment = environment;
        Model = model;
        ModelEnvironment = modelEnvironment;
        BandMHz = bandMHz;
        EirpDbm = eirpDbm;
        AntennaHeightM = antennaHeightM;
        ReceiverHeightM = receiverHeightM;
        BeamwidthDeg = beamwidthDeg;
        MaxAttenuationDb = maxAttenuationDb;
        ThresholdDbm = thresholdDbm;
        Defaults = defaults;
        X = bts.Location.X;
        Y = bts.Location.Y;
        var range = model.Validity(modelEnvironment).DistanceKm;
        ModelMinKm = double.IsFinite(range.Min) && range.Min > 0 ? range.Min : NearestKm;
        ModelMaxKm = range.Max;
        if (model is OkumuraHataModel or Cost231HataModel)
        {
            // The Hata formulas are a + b·log10(d) for fixed f, hb, hm and environment: two evaluations give a and b.
            hataAtOneKm = ModelLossDb(1);
            hataPerDecade = ModelLossDb(10) - hataAtOneKm;
        }

        (MaxRangeKm, RangeCapped, OutOfRange) = SolveRange();
    }

    /// <summary>Position of the BTS in <see cref="Dataset.Bts"/>.</summary>
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

    public IPathLossModel Model { get; }

    /// <summary>The model's environment name (e.g. <c>urban</c>, <c>suburban</c>, <c>nlos</c>).</summary>
    public string ModelEnvironment { get; }

    public double BandMHz { get; }

    public double EirpDbm { get; }

    public double AntennaHeightM { get; }

    public double ReceiverHeightM { get; }

    /// <summary>Sector azimuth, degrees clockwise from grid north; null for an omni BTS.</summary>
    public double? AzimuthDeg => Bts.AzimuthDeg;

    /// <summary>Half-power beamwidth, degrees (used only for sectors).</summary>
    public double BeamwidthDeg { get; }

    /// <summary>Front-to-back ratio Am of the pattern, dB.</summary>
    public double MaxAttenuationDb { get; }

    /// <summary>The technology's threshold, dBm.</summary>
    public double ThresholdDbm { get; }

    /// <summary>Fields taken from the technology defaults because the row lacks them (<c>band_mhz</c>, <c>eirp_dbm</c>, <c>antenna_height_m</c>, <c>beamwidth_deg</c>).</summary>
    public IReadOnlyList<string> Defaults { get; }

    /// <summary>Smallest distance of the model, km; nearer places take free-space loss.</summary>
    public double ModelMinKm { get; }

    /// <summary>Largest distance of the model, km; farther places get no prediction.</summary>
    public double ModelMaxKm { get; }

    /// <summary>
    /// Largest horizontal distance along boresight (any direction for omni) at which the level meets the threshold, km;
    /// 0 when not even the nearest place does.
    /// </summary>
    public double MaxRangeKm { get; }

    /// <summary>True when the level still meets the threshold at the model's largest distance, which then caps the range.</summary>
    public bool RangeCapped { get; }

    /// <summary>Frequency or heights outside the model's validity range (the result is an extrapolation when not empty).</summary>
    public IReadOnlyList<OutOfRangeParameter> OutOfRange { get; }

    public bool IsOmni => Bts.AzimuthDeg is null;

    /// <summary>The loss at a horizontal distance in km: free space below <see cref="ModelMinKm"/>, +∞ beyond <see cref="ModelMaxKm"/>.</summary>
    public double LossDb(double distanceKm)
    {
        if (distanceKm > ModelMaxKm)
        {
            return double.PositiveInfinity;
        }

        var d = Math.Max(distanceKm, NearestKm);
        if (d < ModelMinKm)
        {
            return CoverageModelChoice.FreeSpace.LossDb(new PathLossInput(BandMHz, d, null, null, string.Empty)).LossDb;
        }

        return hataPerDecade is { } b ? hataAtOneKm + (b * Math.Log10(d)) : ModelLossDb(d);
    }

    private double ModelLossDb(double distanceKm) =>
        Model.LossDb(new PathLossInput(BandMHz, distanceKm, AntennaHeightM, ReceiverHeightM, ModelEnvironment)).LossDb;

    /// <summary>The pattern attenuation towards (dx east, dy north) metres from the BTS, dB (0 for omni).</summary>
    public double PatternDb(double dx, double dy) =>
        Bts.AzimuthDeg is { } azimuth && (dx != 0 || dy != 0)
            ? AntennaPattern.HorizontalDb(AntennaPattern.OffBoresightDeg(azimuth, dx, dy), BeamwidthDeg, MaxAttenuationDb)
            : 0;

    /// <summary>The predicted received level at (x, y) in the analysis CRS, dBm; −∞ beyond the model's largest distance.</summary>
    public double LevelDbm(double x, double y)
    {
        var dx = x - X;
        var dy = y - Y;
        var loss = LossDb(Math.Sqrt(dx * dx + dy * dy) / 1000);
        return double.IsPositiveInfinity(loss) ? double.NegativeInfinity : EirpDbm - loss + PatternDb(dx, dy);
    }

    /// <summary>Whether the level at (x, y) meets the threshold.</summary>
    public bool Covers(double x, double y) => LevelDbm(x, y) >= ThresholdDbm;

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

        var allowed0 = EirpDbm - ThresholdDbm;
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

    private (double RangeKm, bool Capped, IReadOnlyList<OutOfRangeParameter> OutOfRange) SolveRange()
    {
        var result = MaxRangeCalculator.Solve(Model, BandMHz, AntennaHeightM, ReceiverHeightM, ModelEnvironment, EirpDbm, ThresholdDbm);
        switch (result.Status)
        {
            case MaxRangeStatus.WithinRange:
                return (result.MaxRangeKm!.Value, false, result.OutOfRange);
            case MaxRangeStatus.BeyondRange:
                return (ModelMaxKm, true, result.OutOfRange);
            default:
                // Nearer than the model's smallest distance the loss is free space (DOMAIN.md: free space is the first model).
                var free = MaxRangeCalculator.Solve(CoverageModelChoice.FreeSpace, BandMHz, null, null, string.Empty, EirpDbm, ThresholdDbm);
                var km = free.Status switch
                {
                    MaxRangeStatus.WithinRange => Math.Min(free.MaxRangeKm!.Value, ModelMinKm),
                    MaxRangeStatus.BeyondRange => ModelMinKm,
                    _ => 0,
                };
                return (km < NearestKm ? 0 : km, false, result.OutOfRange);
        }
    }
}
