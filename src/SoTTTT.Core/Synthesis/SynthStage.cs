namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Generation stages. Each draws from its own <see cref="Random"/> seeded from the run's seed, so changing one
/// stage leaves the draws of the others unchanged.
/// </summary>
internal enum SynthStage
{
    Admin,
    Roads,
    Settlements,
    Zones,
    Postal,
    Towers,
    Bts,
    Fibre,
    Output,

    // Stages of the mountain profile, after the others so that the seeds of the stages above stay as they were.
    Terrain,
    PublicSites,
    Calibration,

    /// <summary>Public sites, nodes and subscriber counts (<see cref="ReportLayerPlacer"/>); last, so adding it left the other stages' seeds as they were.</summary>
    ReportLayers,
}
