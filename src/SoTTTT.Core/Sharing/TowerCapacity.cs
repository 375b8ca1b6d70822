namespace SoTTTT.Core.Sharing;

/// <summary>Tenants and capacity of an existing tower.</summary>
/// <param name="Tenants">Distinct operators with a BTS on the tower.</param>
/// <param name="MaxTenants">The tower's <c>max_tenants</c>, else its class's (rules.json).</param>
/// <param name="Spare">MaxTenants − Tenants; negative when over capacity.</param>
/// <param name="UnitCode">Deepest admin unit containing the tower, when known.</param>
public sealed record TowerCapacity(string TowerId, string? Type, int Tenants, int MaxTenants, int Spare, IReadOnlyList<string> Operators, string? UnitCode);
