namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// <c>okumura-hata</c>: Hata's formula for Okumura's urban measurements (M. Hata, IEEE Trans. Veh. Technol.
/// VT-29(3), 317–325, 1980; restated in the COST 231 final report, §4.4.1), f in MHz, heights in m, d in km:
/// <code>
/// L_urban = 69.55 + 26.16 log10 f − 13.82 log10 hb − a(hm) + (44.9 − 6.55 log10 hb) log10 d
/// urban-large: a(hm) for a large city (3.2 (log10 11.75 hm)² − 4.97 from 300 MHz, 8.29 (log10 1.54 hm)² − 1.1 below)
/// urban:       a(hm) for a small or medium-sized city ((1.1 log10 f − 0.7) hm − (1.56 log10 f − 0.8))
/// suburban:    L_urban − 2 (log10 (f / 28))² − 5.4
/// open:        L_urban − 4.78 (log10 f)² + 18.33 log10 f − 40.94
/// </code>
/// Suburban and open areas are corrections to Hata's standard urban formula, the one with the small/medium-city
/// a(hm). Validity (Hata 1980): 150–1500 MHz, 1–20 km, hb 30–200 m, hm 1–10 m.
/// </summary>
public sealed class OkumuraHataModel : IPathLossModel
{
    /// <summary>The model's name.</summary>
    public const string ModelName = "okumura-hata";

    private static readonly ValidityRange Range = new(
        new ParameterRange(150, 1500),
        new ParameterRange(1, 20),
        new ParameterRange(30, 200),
        new ParameterRange(1, 10));

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public IReadOnlyList<string> Environments { get; } = [HataEnvironments.UrbanLarge, HataEnvironments.Urban, HataEnvironments.Suburban, HataEnvironments.Open];

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
        var mobileCorrection = input.Environment == HataEnvironments.UrbanLarge
            ? HataFormulas.MobileCorrectionLargeCityDb(f, hm)
            : HataFormulas.MobileCorrectionMediumCityDb(f, hm);
        var urban = 69.55 + 26.16 * Math.Log10(f) - 13.82 * Math.Log10(hb) - mobileCorrection + HataFormulas.DistanceTermDb(hb, distanceKm);
        var logF = Math.Log10(f);
        var logF28 = Math.Log10(f / 28);
        return input.Environment switch
        {
            HataEnvironments.Suburban => urban - 2 * logF28 * logF28 - 5.4,
            HataEnvironments.Open => urban - 4.78 * logF * logF + 18.33 * logF - 40.94,
            _ => urban,
        };
    }
}
