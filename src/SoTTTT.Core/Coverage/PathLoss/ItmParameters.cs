namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// The inputs of the Longley-Rice ITM in point-to-point mode besides the terrain profile. Defaults are the values of
/// SPLAT!'s sample .lrp file (permittivity 15, conductivity 0.005 S/m — "average ground, farmland, forest" —,
/// surface refractivity 301 N-units, continental temperate climate, 50 % of time and of situations), except the
/// polarization: vertical, as mobile base stations radiate (SPLAT!'s television sample is horizontal). The
/// variability mode defaults to broadcast, in which time, location and situation percentages each act on their own;
/// SPLAT! calls the ITM in mobile mode without location variability (<c>mdvar</c> 12), which at 50 % gives the same
/// median.
/// </summary>
/// <param name="FreqMHz">Carrier frequency, MHz (model range 20–20 000).</param>
/// <param name="TxHeightM">Transmitter antenna height above ground, m (model range 0.5–3000).</param>
/// <param name="RxHeightM">Receiver antenna height above ground, m (model range 0.5–3000).</param>
public sealed record ItmParameters(double FreqMHz, double TxHeightM, double RxHeightM)
{
    /// <summary>Relative permittivity of the ground (SPLAT!: 15 average ground, 13 mountain/sand, 80 water).</summary>
    public double Permittivity { get; init; } = 15;

    /// <summary>Ground conductivity, S/m (SPLAT!: 0.005 average ground, 0.002 mountain/sand).</summary>
    public double ConductivitySPerM { get; init; } = 0.005;

    /// <summary>Minimum monthly mean surface refractivity reduced to sea level N0, N-units (250–400; 301 typical).</summary>
    public double SurfaceRefractivityN { get; init; } = 301;

    /// <summary>Radio climate.</summary>
    public RadioClimate Climate { get; init; } = RadioClimate.ContinentalTemperate;

    /// <summary>Polarization.</summary>
    public Polarization Polarization { get; init; } = Polarization.Vertical;

    /// <summary>Time variability: the loss is not exceeded during this percentage of time, 0–100 exclusive.</summary>
    public double TimePct { get; init; } = 50;

    /// <summary>Location variability percentage, 0–100 exclusive (used in broadcast mode).</summary>
    public double LocationPct { get; init; } = 50;

    /// <summary>Situation variability (confidence) percentage, 0–100 exclusive.</summary>
    public double SituationPct { get; init; } = 50;

    /// <summary>How the three variabilities combine.</summary>
    public ItmVariabilityMode VariabilityMode { get; init; } = ItmVariabilityMode.Broadcast;

    /// <summary>Removes location variability (<c>mdvar</c> + 10), as for a known path profile; SPLAT! sets it.</summary>
    public bool EliminateLocationVariability { get; init; }

    /// <summary>Removes direct situation variability (<c>mdvar</c> + 20), as for interference studies.</summary>
    public bool EliminateSituationVariability { get; init; }

    /// <summary>The ITM's mode of variability code: 0–3, +10 without location, +20 without situation variability.</summary>
    public int Mdvar => (int)VariabilityMode + (EliminateLocationVariability ? 10 : 0) + (EliminateSituationVariability ? 20 : 0);
}
