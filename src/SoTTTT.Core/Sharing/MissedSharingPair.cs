namespace SoTTTT.Core.Sharing;

/// <summary>
/// Two single-operator positions of different operators closer than the must-share distance: one could have carried
/// both (DOMAIN.md must-share rules). <paramref name="PositionA"/> sorts before <paramref name="PositionB"/>.
/// </summary>
/// <param name="DistanceM">Distance between the two positions, metres.</param>
/// <param name="LimitM">The must-share distance that applied (urban only when both positions are urban).</param>
/// <param name="UnitCode">Deepest admin unit of position A, when known.</param>
public sealed record MissedSharingPair(
    string PositionA,
    string OperatorA,
    string PositionB,
    string OperatorB,
    double DistanceM,
    double LimitM,
    bool Urban,
    string? UnitCode);
