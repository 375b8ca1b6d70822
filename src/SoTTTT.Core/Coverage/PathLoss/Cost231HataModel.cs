namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// <c>cost231-hata</c>: Hata's formula extended to 1500–2000 MHz by COST Action 231 (final report "Digital mobile
/// radio towards future generation systems", 1999, §4.4.1), f in MHz, heights in m, d in km:
/// <code>
/// L = 46.3 + 33.9 log10 f − 13.82 log10 hb − a(hm) + (44.9 − 6.55 log10 hb) log10 d + C_M
/// a(hm) = (1.1 log10 f − 0.7) hm − (1.56 log10 f − 0.8)      (small/medium-city form, in every environment)
/// C_M = 3 dB for metropolitan centres (urban-large), 0 dB for medium-sized cities and suburban centres
///       with moderate tree density (urban, suburban)
/// </code>
/// <para>
/// Suburban: the report defines C_M = 0 for "suburban centres" and gives no other suburban correction, so
/// <c>suburban</c> equals <c>urban</c> here. Hata's suburban correction −2 (log10 (f/28))² − 5.4, which some tools add,
/// was fitted below 1500 MHz and is not part of COST-231; it is deliberately not applied.
/// </para>
/// Validity (§4.4.1): 1500–2000 MHz, 1–20 km, hb 30–200 m, hm 1–10 m; the model is not for hb below the rooftops.
/// </summary>
public sealed class Cost231HataModel : IPathLossModel
{
    /// <summary>The model's name.</summary>
    public const string ModelName = "cost231-hata";

    /// <summary>C_M for metropolitan centres, dB.</summary>
    public const double MetropolitanCorrectionDb = 3;

    private static readonly ValidityRange Range = new(
        new ParameterRange(1500, 2000),
        new ParameterRange(1, 20),
        new ParameterRange(30, 200),
        new ParameterRange(1, 10));

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public IReadOnlyList<string> Environments { get; } = [HataEnvironments.UrbanLarge, HataEnvironments.Urban, HataEnvironments.Suburban];

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
        var f = input.FreqMHz;
        var hb = input.RequiredBaseHeightM;
        var hm = input.RequiredMobileHeightM;
        var cm = input.Environment == HataEnvironments.UrbanLarge ? MetropolitanCorrectionDb : 0;
        return 46.3 + 33.9 * Math.Log10(f) - 13.82 * Math.Log10(hb) - HataFormulas.MobileCorrectionMediumCityDb(f, hm)
            + HataFormulas.DistanceTermDb(hb, distanceKm) + cm;
    }
}
