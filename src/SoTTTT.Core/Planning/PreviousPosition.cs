using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Planning;

/// <summary>A new position of an earlier plan (its <c>plan_positions.csv</c>, status <c>new</c>), for a revision.</summary>
/// <param name="Location">Analysis CRS, metres.</param>
public sealed record PreviousPosition(string Id, Point Location, string? Type, double? HeightM, int? Phase);
