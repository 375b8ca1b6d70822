using SoTTTT.Core.Crs;
using SoTTTT.Core.Rules;

namespace SoTTTT.Core.Planning;

/// <summary>The passive-infrastructure plan (see <see cref="PlanAnalysis"/>). Lists are sorted (positions by status order then id, links by id).</summary>
/// <param name="Positions">Every position: new, shared, kept, converted and removed.</param>
/// <param name="Fibre">Fibre extensions and routes to put underground.</param>
/// <param name="Missed">Target villages left uncovered, with the reason.</param>
/// <param name="Solves">The set cover, then one maximal coverage per phase, each with the greedy baseline.</param>
/// <param name="Verification">
/// Approval codes of plan positions that <see cref="Approval.ApplicationAppraiser"/> did not approve (new) or let share
/// (existing towers) when the plan was fed back to it in phase order; empty when the plan passes.
/// </param>
public sealed record PlanResult(
    string Dataset,
    CrsDefinition Crs,
    PlanTargets Targets,
    ProvinceRules Rules,
    IReadOnlyList<PlanPosition> Positions,
    IReadOnlyList<PlanFibreLink> Fibre,
    IReadOnlyList<MissedVillage> Missed,
    IReadOnlyList<PlanSolveReport> Solves,
    IReadOnlyList<PlanTechCoverage> Coverage,
    IReadOnlyList<PlanPhaseSummary> Phases,
    IReadOnlyList<PlanUnitRow> Communes,
    IReadOnlyList<PlanUnitRow> Districts,
    IReadOnlyList<PlanRevisionEntry> Revision,
    IReadOnlyList<string> Verification)
{
    /// <summary>Candidate positions examined, by source (<c>tower</c>, <c>commune_post_culture</c>, <c>grid</c> …).</summary>
    public IReadOnlyDictionary<string, int> CandidatesBySource { get; init; } = new Dictionary<string, int>();

    /// <summary>Candidates the approval rules ruled out, by the first failed code.</summary>
    public IReadOnlyDictionary<string, int> RejectedByCode { get; init; } = new Dictionary<string, int>();

    /// <summary>Positions with BTS and the shared ones (≥ 2 operators) before the plan.</summary>
    public (int Positions, int Shared) SharingBefore { get; init; }

    /// <summary>The same at the end of the plan.</summary>
    public (int Positions, int Shared) SharingAfter { get; init; }

    /// <summary>Communes whose centre (the interior point of the polygon, as the indicators) lies beyond fibre reach before the plan.</summary>
    public int CommuneCentresWithoutFibre { get; init; }

    /// <summary>Communes with a polygon.</summary>
    public int CommuneCentres { get; init; }

    /// <summary>Villages within fibre reach before, and after the plan's extensions.</summary>
    public (int Before, int After, int Total) VillagesWithFibre { get; init; }

    /// <summary>Urban aerial cable to put underground (sharing), km in all.</summary>
    public double ToUndergroundKm { get; init; }

    public IEnumerable<PlanPosition> New => Positions.Where(p => p.Status == PlanPositionStatus.New);
}
