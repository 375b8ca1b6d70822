namespace SoTTTT.Core.Indicators;

/// <summary>
/// A unit that is not the same in two snapshots, matched by code: <c>removed</c> (only in the older, e.g. a district
/// abolished), <c>merged</c> (only in the older, its polygon inside a new unit: <see cref="UnitMerge"/>), <c>added</c>
/// (only in the newer), <c>renamed</c> (same code, another name).
/// </summary>
public sealed record UnitChange(string Code, string Status, string? OldName, string? NewName)
{
    /// <summary>For <c>merged</c>: the code of the new unit it was merged into (<see cref="NewName"/> is that unit's name).</summary>
    public string? MergedInto { get; init; }

    /// <summary>For <c>merged</c>: the share of its old polygon area inside the new unit, 0–100.</summary>
    public double? SharePct { get; init; }
}
