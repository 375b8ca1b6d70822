using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>An antenna tower / tower position (cột ăng ten).</summary>
/// <param name="Location">Position in the analysis CRS (metres).</param>
/// <param name="Type">Tower class as listed in the province rules (A1a, A1b, A2a, A2b …).</param>
/// <param name="HeightM">Height above ground in metres.</param>
/// <param name="MaxTenants">How many operators the tower can carry.</param>
public sealed record Tower(
    string Id,
    Point Location,
    string? Owner,
    string? Type,
    double? HeightM,
    TowerStatus Status,
    int? MaxTenants);
