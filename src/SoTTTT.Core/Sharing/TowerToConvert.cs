namespace SoTTTT.Core.Sharing;

/// <summary>
/// An existing tower that its zone no longer allows (DOMAIN.md: bulky towers in historic cores "to be converted"): a
/// bulky class in an <c>a1_only</c> or <c>no_new_bulky</c> zone (<c>ZONE_CLASS_NOT_ALLOWED</c>), any tower in a
/// <c>no_tower</c> zone (<c>NO_TOWER_ZONE</c>), or a tower taller than a <c>height_limit</c> zone allows
/// (<c>HEIGHT_LIMIT</c>). One row per tower and zone.
/// </summary>
/// <param name="Code">The approval check code the tower would fail (<see cref="Approval.ApprovalCodes"/>).</param>
/// <param name="MaxHeightM">The zone's limit, for <c>HEIGHT_LIMIT</c>.</param>
public sealed record TowerToConvert(string TowerId, string? Type, double? HeightM, string ZoneId, string ZoneKind, string? ZoneName, string Code, double? MaxHeightM, string? UnitCode);
