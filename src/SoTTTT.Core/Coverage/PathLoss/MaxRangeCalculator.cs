namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// Maximum range of a link: the distance d at which EIRP − L(d) + G_rx = threshold (DOMAIN.md, link budget:
/// received level = EIRP − path loss + receive gain − losses), found by bisection over the model's distance range.
/// </summary>
public static class MaxRangeCalculator
{
    /// <summary>Search bounds for models without a finite distance range (free space), km.</summary>
    private const double UnboundedMinKm = 1e-6;

    private const double UnboundedMaxKm = 1e6;

    private const int MaxIterations = 200;

    /// <summary>
    /// The largest horizontal distance in km at which the loss is at most EIRP + <paramref name="receiveGainDbi"/>
    /// − <paramref name="thresholdDbm"/>. Every model here is non-decreasing in distance, so bisection converges
    /// (to 10⁻¹² relative); where the loss is continuous the loss at the answer equals the allowed loss.
    /// The inputs must pass <see cref="PathLossInputValidator"/> (the distance aside).
    /// </summary>
    /// <param name="model">The path-loss model.</param>
    /// <param name="freqMHz">Carrier frequency, MHz.</param>
    /// <param name="baseHeightM">Base-station antenna height, m (null for models without heights).</param>
    /// <param name="mobileHeightM">Mobile antenna height, m (null for models without heights).</param>
    /// <param name="environment">One of the model's environments.</param>
    /// <param name="eirpDbm">Equivalent isotropically radiated power, dBm.</param>
    /// <param name="thresholdDbm">Required received level, dBm.</param>
    /// <param name="receiveGainDbi">Receive antenna gain, dBi (0 unless the rules say otherwise).</param>
    public static MaxRangeResult Solve(
        IPathLossModel model,
        double freqMHz,
        double? baseHeightM,
        double? mobileHeightM,
        string environment,
        double eirpDbm,
        double thresholdDbm,
        double receiveGainDbi = 0)
    {
        var allowed = eirpDbm + receiveGainDbi - thresholdDbm;
        var range = model.Validity(environment).DistanceKm;
        var lo = double.IsFinite(range.Min) && range.Min > 0 ? range.Min : UnboundedMinKm;
        var hi = double.IsFinite(range.Max) ? range.Max : UnboundedMaxKm;
        PathLossResult Loss(double d) => model.LossDb(new PathLossInput(freqMHz, d, baseHeightM, mobileHeightM, environment));

        var atMin = Loss(lo);
        var outOfRange = atMin.OutOfRange;
        if (atMin.LossDb > allowed)
        {
            return new MaxRangeResult(MaxRangeStatus.BelowRange, null, allowed, range, outOfRange);
        }

        if (Loss(hi).LossDb <= allowed)
        {
            return new MaxRangeResult(MaxRangeStatus.BeyondRange, null, allowed, range, outOfRange);
        }

        // Geometric midpoints: the ranges span three to twelve decades.
        for (var i = 0; i < MaxIterations && hi / lo - 1 > 1e-12; i++)
        {
            var mid = Math.Sqrt(lo * hi);
            if (Loss(mid).LossDb <= allowed)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return new MaxRangeResult(MaxRangeStatus.WithinRange, lo, allowed, range, outOfRange);
    }
}
