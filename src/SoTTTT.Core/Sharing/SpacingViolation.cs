namespace SoTTTT.Core.Sharing;

/// <summary>
/// Two existing towers closer than the minimum spacing of their classes and heights (rules.json <c>min_spacing_m</c>;
/// the larger figure of the two applies; urban only when both stand in urban areas).
/// </summary>
public sealed record SpacingViolation(
    string TowerA,
    string? TypeA,
    double? HeightA,
    string TowerB,
    string? TypeB,
    double? HeightB,
    double DistanceM,
    double LimitM,
    bool Urban);
