using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>A district (province profile) or provincial unit (national profile) while it is being built.</summary>
internal sealed class SynthRegion(int index, Coordinate seat, RegionKind kind)
{
    public int Index { get; } = index;

    /// <summary>Seat (town centre, People's Committee) in metres.</summary>
    public Coordinate Seat { get; } = seat;

    public RegionKind Kind { get; } = kind;

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<SynthCommune> Communes { get; } = [];

    public Geometry? Boundary { get; set; }
}
