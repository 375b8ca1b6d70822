using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>Where <see cref="UnitLocator"/> put a point.</summary>
/// <param name="Unit">The unit, or null when the point lies outside every polygon (and no code names a unit).</param>
/// <param name="NearestM">
/// Set when the point lay outside every polygon of the deepest level and went to the nearest unit of that level within
/// the tolerance: its distance to that unit's polygon, metres.
/// </param>
public sealed record UnitAssignment(AdminUnit? Unit, double? NearestM)
{
    public static UnitAssignment None { get; } = new(null, null);
}
