using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>A point on a valley floor (every 200 m along the valleys, and a grid over the basin), where people live.</summary>
/// <param name="At">Position in metres.</param>
/// <param name="Valley">Index of the valley, −1 in the basin.</param>
/// <param name="ArcM">Distance along the valley, metres (0 in the basin).</param>
/// <param name="FloorM">Floor elevation, metres above sea level.</param>
/// <param name="Level">Level of the valley (0 for trunks and the basin).</param>
internal readonly record struct ValleyPoint(Coordinate At, int Valley, double ArcM, double FloorM, int Level);
