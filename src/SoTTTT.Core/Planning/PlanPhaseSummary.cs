namespace SoTTTT.Core.Planning;

/// <summary>What one phase builds.</summary>
/// <param name="Budget">The phase's budget of new positions (resolved from a share), null without limit.</param>
/// <param name="FibreKm">Fibre extensions, km.</param>
/// <param name="UndergroundKm">Urban aerial cable put underground, km.</param>
/// <param name="SharedDuctKm">Of it, km in another operator's corridor (a shared duct).</param>
public sealed record PlanPhaseSummary(
    PlanPhase Phase,
    int? Budget,
    int NewPositions,
    int SharedPositions,
    int VillagesGained,
    long PopulationGained,
    double FibreKm,
    double UndergroundKm,
    double SharedDuctKm,
    int Converted,
    int Removed);
