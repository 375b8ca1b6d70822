using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Sharing;

/// <summary>The infrastructure-sharing analysis of a dataset (see <see cref="SharingAnalysis"/>).</summary>
/// <param name="Rules">The rules the analysis used (co-location, must-share, spacing, duct corridor).</param>
/// <param name="Rows">Per unit of <paramref name="Level"/>: the all-operator row, then one row per operator (ordinal).</param>
/// <param name="Unassigned">Positions (with BTS, or existing towers without) that no admin unit contains (they count in no row).</param>
public sealed record SharingResult(
    string Dataset,
    string Crs,
    AdminLevel Level,
    ProvinceRules Rules,
    IReadOnlyList<SharingRow> Rows,
    IReadOnlyList<MissedSharingPair> MissedSharing,
    IReadOnlyList<TowerCapacity> Capacity,
    IReadOnlyList<TowerToConvert> ToConvert,
    IReadOnlyList<SpacingViolation> SpacingViolations,
    FibreSharing Fibre,
    int Unassigned)
{
    /// <summary>The tower positions the figures are about (declared towers and positions inferred from BTS).</summary>
    public IReadOnlyList<TowerPosition> Positions { get; init; } = [];
}
