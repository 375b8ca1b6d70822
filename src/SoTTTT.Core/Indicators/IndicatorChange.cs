namespace SoTTTT.Core.Indicators;

/// <summary>One indicator of one unit in two snapshots (<see cref="IndicatorComparison"/>).</summary>
/// <param name="Indicator">The indicator's key, as the CSV column (<c>bts</c>, <c>fibre_km</c>, <c>subscribers_per_100_mobile</c> …).</param>
/// <param name="Old">The value in the older snapshot; null when it has none.</param>
/// <param name="New">The value in the newer snapshot; null when it has none.</param>
public sealed record IndicatorChange(string Code, string Name, string Indicator, double? Old, double? New)
{
    /// <summary>New − old ("tăng 196 trạm"); null when either side is missing.</summary>
    public double? Change => Old is { } o && New is { } n ? n - o : null;

    /// <summary>100 · (new − old) / old; null when either side is missing or the old value is 0.</summary>
    public double? ChangePct => Old is { } o && New is { } n && o != 0 ? 100.0 * (n - o) / o : null;

    /// <summary>
    /// When the unit absorbed old units (<see cref="UnitMerge"/>): the codes of the old units whose figures make
    /// <see cref="Old"/> (its own old row first when its code existed before, then the merged ones); null otherwise.
    /// </summary>
    public IReadOnlyList<string>? OldFrom { get; init; }

    /// <summary>Why <see cref="Old"/> is blank for a merged unit: <see cref="MergedOldValues.NotAdditive"/> or <see cref="MergedOldValues.PartMissing"/>.</summary>
    public string? OldNote { get; init; }
}
