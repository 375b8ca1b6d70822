namespace SoTTTT.Core.Indicators;

/// <summary>
/// A unit that is not the same in two snapshots, matched by code: <c>removed</c> (only in the older, e.g. a district
/// abolished or a commune merged in 2025), <c>added</c> (only in the newer), <c>renamed</c> (same code, another name).
/// </summary>
public sealed record UnitChange(string Code, string Status, string? OldName, string? NewName);
