using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>A commune while it is being built; its seed point is its centre (commune People's Committee).</summary>
internal sealed class SynthCommune(Coordinate centre)
{
    private IndexedPointInAreaLocator? locator;

    /// <summary>Centre in metres.</summary>
    public Coordinate Centre { get; } = centre;

    /// <summary>Index the region had when seats were placed (its <see cref="SynthRegion.Index"/>).</summary>
    public int RegionIndex { get; set; } = -1;

    public SynthRegion? Region { get; set; }

    public Coordinate Seat => Region?.Seat ?? Centre;

    public Geometry Cell { get; set; } = Polygon.Empty;

    public CommuneKind Kind { get; set; }

    public bool Urban => Kind != CommuneKind.Xa;

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public long Population { get; set; }

    /// <summary>Remoteness percentile, 0 (best connected) to 1 (most remote).</summary>
    public double Remoteness { get; set; }

    /// <summary>Among the most remote communes, left thinly served (no fibre, no postal point, few towers).</summary>
    public bool Remote { get; set; }

    /// <summary>Distance from the centre to the nearest road, metres.</summary>
    public double RoadDistanceM { get; set; }

    /// <summary>Points along roads and rivers inside the commune, where villages line up.</summary>
    public List<Coordinate> Roadside { get; } = [];

    public List<SynthSettlement> Settlements { get; } = [];

    public bool Contains(Coordinate c)
    {
        locator ??= new IndexedPointInAreaLocator(Cell);
        return Cell.EnvelopeInternal.Contains(c) && locator.Locate(c) == Location.Interior;
    }

    /// <summary>A point inside the commune drawn around <paramref name="anchor"/> (Gaussian, σ in metres).</summary>
    public Coordinate Near(Random random, Coordinate anchor, double sigmaM)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var c = new Coordinate(anchor.X + (sigmaM * random.Gaussian()), anchor.Y + (sigmaM * random.Gaussian()));
            if (Contains(c))
            {
                return c;
            }
        }

        return Contains(anchor) ? anchor.Copy() : Centre.Copy();
    }

    /// <summary>A uniformly random point inside the commune.</summary>
    public Coordinate RandomInside(Random random) => SynthWorld.RandomPointIn(random, Cell, Contains);
}
