using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>A town core: where cables go underground and rooftop towers dominate.</summary>
/// <param name="Centre">Centre in metres.</param>
/// <param name="RadiusM">Radius in metres.</param>
internal sealed record UrbanCore(Coordinate Centre, double RadiusM)
{
    public bool Contains(Coordinate c) => Centre.Distance(c) <= RadiusM;
}
