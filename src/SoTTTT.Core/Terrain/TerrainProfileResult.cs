namespace SoTTTT.Core.Terrain;

/// <summary>A terrain profile, or the problem that prevented it (exactly one is set).</summary>
/// <param name="Profile">The profile, or null.</param>
/// <param name="Problem">Why there is none, or null.</param>
public sealed record TerrainProfileResult(TerrainProfile? Profile, ProfileProblem? Problem);
