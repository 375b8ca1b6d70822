namespace SoTTTT.Core.Indicators;

/// <summary>
/// A point (or a fibre route's length) that counts in no unit of the table's level: outside every polygon, or inside a
/// unit of a higher level but in none of its children (see <see cref="Spatial.UnitLocator"/>). With these the table adds
/// up: a parent's total = the sum of its children + its unassigned items.
/// </summary>
/// <param name="Layer">Layer name (<c>bts</c>, <c>towers</c>, <c>settlements</c>, <c>postal_points</c>, <c>fibre_routes</c>).</param>
/// <param name="Id">The row's id.</param>
/// <param name="LonDeg">WGS84 longitude of the point (of the first unassigned segment's midpoint for a route).</param>
/// <param name="LatDeg">WGS84 latitude.</param>
/// <param name="UnitCode">The deepest unit holding it, above the table's level; null when outside every polygon.</param>
/// <param name="Km">For fibre routes, the unassigned length in km; null for points.</param>
public sealed record UnassignedItem(string Layer, string Id, double LonDeg, double LatDeg, string? UnitCode, double? Km);
