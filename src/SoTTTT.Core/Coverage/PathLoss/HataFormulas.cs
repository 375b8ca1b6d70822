namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// The terms shared by Okumura–Hata and COST-231–Hata (f in MHz, heights in m, d in km). Sources: M. Hata,
/// "Empirical formula for propagation loss in land mobile radio services", IEEE Trans. Veh. Technol. VT-29(3),
/// 317–325, 1980; COST Action 231 final report "Digital mobile radio towards future generation systems" (1999), §4.4.1.
/// </summary>
internal static class HataFormulas
{
    /// <summary>Frequency below which the large-city a(hm) uses its low-frequency form (see <see cref="MobileCorrectionLargeCityDb"/>).</summary>
    public const double LargeCityLowFrequencyLimitMHz = 300;

    /// <summary>(44.9 − 6.55 log10 hb) log10 d: the distance term of both Hata formulas.</summary>
    public static double DistanceTermDb(double baseHeightM, double distanceKm) =>
        (44.9 - 6.55 * Math.Log10(baseHeightM)) * Math.Log10(distanceKm);

    /// <summary>Mobile-antenna correction for a small or medium-sized city: a(hm) = (1.1 log10 f − 0.7) hm − (1.56 log10 f − 0.8).</summary>
    public static double MobileCorrectionMediumCityDb(double freqMHz, double mobileHeightM) =>
        (1.1 * Math.Log10(freqMHz) - 0.7) * mobileHeightM - (1.56 * Math.Log10(freqMHz) - 0.8);

    /// <summary>
    /// Mobile-antenna correction for a large city: a(hm) = 8.29 (log10 1.54 hm)² − 1.1 below 300 MHz and
    /// 3.2 (log10 11.75 hm)² − 4.97 from 300 MHz. Hata states the two forms for f ≤ 200 MHz and f ≥ 400 MHz and
    /// leaves the band between open; the split at 300 MHz is the usual textbook one (Rappaport, Wireless
    /// Communications, 2nd ed., eq. 4.85).
    /// </summary>
    public static double MobileCorrectionLargeCityDb(double freqMHz, double mobileHeightM)
    {
        if (freqMHz < LargeCityLowFrequencyLimitMHz)
        {
            var low = Math.Log10(1.54 * mobileHeightM);
            return 8.29 * low * low - 1.1;
        }

        var high = Math.Log10(11.75 * mobileHeightM);
        return 3.2 * high * high - 4.97;
    }
}
