using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>A village while it is being built.</summary>
internal sealed class SynthSettlement(Coordinate location, SynthCommune commune, string name)
{
    public Coordinate Location { get; } = location;

    public SynthCommune Commune { get; } = commune;

    public string Name { get; } = name;

    public long Population { get; set; }

    public string Id { get; set; } = string.Empty;
}
