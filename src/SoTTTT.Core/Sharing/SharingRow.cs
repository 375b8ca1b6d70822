using SoTTTT.Core.Model;

namespace SoTTTT.Core.Sharing;

/// <summary>
/// Tower sharing in one admin unit, for all operators (<paramref name="Operator"/> null) or one operator. A position
/// belongs to the unit containing its location; its figures count in the unit and all its ancestors.
/// </summary>
/// <param name="TowerPositions">Positions carrying at least one BTS (of the operator, for an operator row).</param>
/// <param name="Bts">BTS at those positions (the operator's, for an operator row).</param>
/// <param name="BtsPerPosition">Bts / TowerPositions; null without positions.</param>
/// <param name="SharedPositions">Of those positions, the ones where two or more operators stand.</param>
/// <param name="SharingRatePct">SharedPositions / TowerPositions × 100; null without positions.</param>
/// <param name="SpareSlots">
/// All-operator rows: the sum over existing towers of (max_tenants − tenants) where positive and known; null on
/// operator rows.
/// </param>
public sealed record SharingRow(
    string Code,
    string Name,
    AdminLevel Level,
    string? Operator,
    int TowerPositions,
    int Bts,
    double? BtsPerPosition,
    int SharedPositions,
    double? SharingRatePct,
    int? SpareSlots);
