namespace SoTTTT.Core.Planning;

/// <summary>A phase of the plan (giai đoạn) with its budget of new tower positions.</summary>
/// <param name="Number">1, 2, …: the order of the phases.</param>
/// <param name="FromYear">First year of the phase.</param>
/// <param name="ToYear">Last year of the phase.</param>
/// <param name="Budget">At most this many new positions; null for no count (then <paramref name="BudgetPct"/> or no limit).</param>
/// <param name="BudgetPct">
/// At most this share (%) of the new positions of the minimum-cost cover, rounded up; used when
/// <paramref name="Budget"/> is null. Both null: no limit.
/// </param>
/// <param name="Orientation">A phase of the orientation period (định hướng) after the plan period.</param>
public sealed record PlanPhase(int Number, int FromYear, int ToYear, int? Budget, double? BudgetPct, bool Orientation = false);
