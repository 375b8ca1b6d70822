using SoTTTT.Core.Coverage.PathLoss;

namespace SoTTTT.Core.Rules;

/// <summary>
/// How coverage uses a DEM (rules.json <c>coverage.terrain</c>): the Longley-Rice ITM point-to-point parameters over
/// each path's terrain profile (DOMAIN.md, "Radio coverage": terrain). The median (time, location and situation 50 %)
/// is used: location variability is the link budget's shadowing margin, not ITM's, so it is not counted twice.
/// </summary>
public sealed record TerrainRules
{
    /// <summary>
    /// ITM radio climate (default 1, equatorial: Vietnam is humid tropical to subtropical monsoon; the ITM's classes are
    /// those of the CCIR, and none fits a monsoon climate exactly, so this is a documented choice for a province to set).
    /// </summary>
    public RadioClimate Climate { get; init; } = RadioClimate.Equatorial;

    /// <summary>Surface refractivity N_s, N-units (default 360, the Longley-Rice value for the equatorial climate).</summary>
    public double SurfaceRefractivityN { get; init; } = 360;

    /// <summary>Relative permittivity of the ground (default 15, average ground, as SPLAT!'s sample .lrp).</summary>
    public double Permittivity { get; init; } = 15;

    /// <summary>Ground conductivity, S/m (default 0.005, average ground).</summary>
    public double ConductivitySPerM { get; init; } = 0.005;

    /// <summary>Polarization (default vertical: mobile base-station antennas are vertical or ±45° cross-polar).</summary>
    public Polarization Polarization { get; init; } = Polarization.Vertical;

    /// <summary>Largest distance between profile samples, m; null (default) takes the DEM's resolution.</summary>
    public double? ProfileStepM { get; init; }

    /// <summary>
    /// Inner and outer radius of the ring over which the mean terrain height around a site is taken for its effective
    /// antenna height, km (default 3–15 km: the definition of the Okumura–Hata effective height, Hata 1980).
    /// </summary>
    public double EffectiveHeightInnerKm { get; init; } = 3;

    /// <inheritdoc cref="EffectiveHeightInnerKm"/>
    public double EffectiveHeightOuterKm { get; init; } = 15;

    /// <summary>The ITM parameters of a path at <paramref name="freqMHz"/> between antennas at the given heights above ground.</summary>
    public ItmParameters Itm(double freqMHz, double txHeightM, double rxHeightM) => new(freqMHz, txHeightM, rxHeightM)
    {
        Permittivity = Permittivity,
        ConductivitySPerM = ConductivitySPerM,
        SurfaceRefractivityN = SurfaceRefractivityN,
        Climate = Climate,
        Polarization = Polarization,
    };
}
