namespace SoTTTT.Core.Indicators;

/// <summary>A point outside every polygon of the deepest level that went to the nearest unit within the tolerance (<see cref="Spatial.UnitLocator.NearestUnitM"/>).</summary>
/// <param name="Layer">Layer name.</param>
/// <param name="Id">The row's id (for a fibre route, the route's id).</param>
/// <param name="LonDeg">WGS84 longitude of the point.</param>
/// <param name="LatDeg">WGS84 latitude of the point.</param>
/// <param name="UnitCode">The unit it went to.</param>
/// <param name="DistanceM">Its distance to that unit's polygon, metres (analysis CRS).</param>
public sealed record NearestUnitItem(string Layer, string Id, double LonDeg, double LatDeg, string UnitCode, double DistanceM);
