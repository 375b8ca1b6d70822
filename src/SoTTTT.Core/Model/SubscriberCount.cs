namespace SoTTTT.Core.Model;

/// <summary>A subscriber count (<c>subscribers.csv</c>) of one unit, service and (optionally) operator.</summary>
/// <param name="UnitCode">The admin unit the count is reported for (province, district or commune).</param>
/// <param name="Operator">The operator, when the count is per operator; null for a count of all operators.</param>
/// <param name="Count">Subscribers, ≥ 0.</param>
/// <param name="Date">The date the count refers to (<c>yyyy</c>, <c>yyyy-mm</c> or <c>yyyy-mm-dd</c>), when given.</param>
public sealed record SubscriberCount(string UnitCode, string? Operator, SubscriberService Service, long Count, string? Date);
