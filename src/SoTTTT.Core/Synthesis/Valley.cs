using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// A valley of the mountain profile's drainage network: its floor line (a river, and the road that follows it),
/// densified to at most one DEM pixel between points, with the floor elevation at each point. Trunks (level 0) cross
/// the province; a branch (level n + 1) leaves a level-n valley at <see cref="JunctionArcM"/> along it and climbs.
/// </summary>
/// <param name="Index">Position in <see cref="MountainTerrain.Valleys"/>; a branch always comes after its parent.</param>
/// <param name="Level">0 for trunks, the parent's level + 1 for branches.</param>
/// <param name="Parent">Index of the valley it leaves, −1 for trunks.</param>
/// <param name="JunctionArcM">Distance along the parent, metres, where it leaves (0 for trunks).</param>
internal sealed record Valley(int Index, int Level, int Parent, double JunctionArcM)
{
    /// <summary>Points of the floor line in metres, from the junction (or the trunk's first end) upwards.</summary>
    public List<Coordinate> Points { get; } = [];

    /// <summary>Floor elevation at each point, metres above sea level.</summary>
    public List<double> FloorM { get; } = [];

    /// <summary>Distance along the line at each point, metres.</summary>
    public List<double> ArcM { get; } = [];

    public double LengthM => ArcM.Count > 0 ? ArcM[^1] : 0;
}
