using SoTTTT.Core.Model;

namespace SoTTTT.Core.Planning;

/// <summary>The plan in one commune or district (tables by commune and by district).</summary>
/// <param name="ExistingByClass">Existing positions by tower class (<c>-</c> for positions without a class: inferred or untyped).</param>
/// <param name="NewByPhase">New positions by phase number (0: beyond every budget).</param>
/// <param name="NewByClass">New positions by class.</param>
/// <param name="Shared">Existing towers that take new tenants.</param>
/// <param name="SharingRateBeforePct">Positions with ≥ 2 operators / positions with BTS, before.</param>
/// <param name="SharingRateAfterPct">The same at the end of the plan.</param>
public sealed record PlanUnitRow(
    string Code,
    string Name,
    AdminLevel Level,
    string? ParentCode,
    int ExistingPositions,
    IReadOnlyDictionary<string, int> ExistingByClass,
    int Keep,
    int Convert,
    int Remove,
    IReadOnlyDictionary<int, int> NewByPhase,
    IReadOnlyDictionary<string, int> NewByClass,
    int Shared,
    int VillagesGained,
    long PopulationGained,
    double? SharingRateBeforePct,
    double? SharingRateAfterPct);
