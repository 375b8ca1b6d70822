using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>A settlement no (selected) operator covers with a technology.</summary>
/// <param name="NearestBtsId">The nearest BTS of the technology (selected operators); null when there is none.</param>
/// <param name="NearestDistanceM">Horizontal distance to it, m.</param>
/// <param name="BestLevelDbm">Best predicted level of the technology there, dBm; null when no BTS predicts one (all beyond model range).</param>
/// <param name="ThresholdDbm">The threshold it misses, dBm.</param>
public sealed record UncoveredSettlement(
    Settlement Settlement,
    string? UnitCode,
    Technology Tech,
    string? NearestBtsId,
    double? NearestDistanceM,
    double? BestLevelDbm,
    double ThresholdDbm);
