using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>The state of one generator run, filled stage by stage; all coordinates in the analysis CRS (metres).</summary>
internal sealed class SynthWorld
{
    private readonly int[] stageSeeds;
    private STRtree<SynthCommune>? communeIndex;
    private IndexedPointInAreaLocator? outlineLocator;

    public SynthWorld(SynthOptions options, CrsDefinition crs, int seed)
    {
        Options = options;
        Crs = crs;
        Factory = new GeometryFactory(new PrecisionModel(), crs.Epsg ?? 0);
        var master = new Random(seed);
        stageSeeds = [.. Enum.GetValues<SynthStage>().Select(_ => master.Next())];
    }

    public SynthOptions Options { get; }

    public CrsDefinition Crs { get; }

    /// <summary>The one factory of the run; its SRID is the EPSG code of <see cref="Crs"/>.</summary>
    public GeometryFactory Factory { get; }

    public bool IsNational => Options.Profile == SynthProfile.National;

    public bool IsMountain => Options.Profile == SynthProfile.Mountain;

    /// <summary>The terrain (DEM and valleys) of the mountain profile; null for the others.</summary>
    public MountainTerrain? Terrain { get; set; }

    /// <summary>Public sites of the mountain profile (commune offices, commune post-culture points, radio stations).</summary>
    public List<PublicSite> PublicSites { get; } = [];

    public Geometry Outline { get; set; } = Polygon.Empty;

    public List<SynthRegion> Regions { get; } = [];

    /// <summary>Communes in code order once named.</summary>
    public List<SynthCommune> Communes { get; } = [];

    /// <summary>Road polylines; the first <see cref="HighwayCount"/> are highways between seats.</summary>
    public List<Coordinate[]> Roads { get; } = [];

    public int HighwayCount { get; set; }

    public List<Coordinate[]> Rivers { get; } = [];

    public List<UrbanCore> Cores { get; } = [];

    /// <summary>Provincial People's Committee seats (one for the province profile, one per provincial unit nationally).</summary>
    public List<Coordinate> Committees { get; } = [];

    public List<SynthSettlement> Settlements { get; } = [];

    public List<Zone> Zones { get; } = [];

    public List<PostalPoint> PostalPoints { get; } = [];

    public List<Tower> Towers { get; } = [];

    /// <summary>Per tower (same order as <see cref="Towers"/>): whether it is urban and whether it is remote.</summary>
    public List<(bool Urban, bool Remote)> TowerSettings { get; } = [];

    public List<Bts> Bts { get; } = [];

    public List<FibreRoute> FibreRoutes { get; } = [];

    public List<NetworkNode> Nodes { get; } = [];

    public List<SubscriberCount> Subscribers { get; } = [];

    /// <summary>A fresh generator for a stage, seeded from the run's seed.</summary>
    public Random StageRandom(SynthStage stage) => new(stageSeeds[(int)stage]);

    public bool InOutline(Coordinate c)
    {
        outlineLocator ??= new IndexedPointInAreaLocator(Outline);
        return Outline.EnvelopeInternal.Contains(c) && outlineLocator.Locate(c) == Location.Interior;
    }

    /// <summary>A uniformly random point inside <paramref name="area"/>.</summary>
    public static Coordinate RandomPointIn(Random random, Geometry area, Func<Coordinate, bool> contains)
    {
        var env = area.EnvelopeInternal;
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var c = new Coordinate(random.Uniform(env.MinX, env.MaxX), random.Uniform(env.MinY, env.MaxY));
            if (contains(c))
            {
                return c;
            }
        }

        return area.InteriorPoint.Coordinate.Copy();
    }

    public void IndexCommunes()
    {
        communeIndex = new STRtree<SynthCommune>();
        foreach (var commune in Communes)
        {
            communeIndex.Insert(commune.Cell.EnvelopeInternal, commune);
        }

        communeIndex.Build();
    }

    /// <summary>The commune whose interior holds the point, or null.</summary>
    public SynthCommune? CommuneAt(Coordinate c)
    {
        if (communeIndex is null)
        {
            throw new InvalidOperationException("Communes are not indexed yet.");
        }

        foreach (var commune in communeIndex.Query(new Envelope(c)))
        {
            if (commune.Contains(c))
            {
                return commune;
            }
        }

        return null;
    }

    /// <summary>Whether the point lies in a town core.</summary>
    public bool InCore(Coordinate c) => Cores.Exists(core => core.Contains(c));

    /// <summary>A point of the run's factory, rounded to the centimetre the files carry.</summary>
    public Point CreatePoint(Coordinate c) => Factory.CreatePoint(new Coordinate(Round2(c.X), Round2(c.Y)));

    public static double Round2(double value) => Math.Round(value * 100.0, MidpointRounding.AwayFromZero) / 100.0;

    /// <summary>Formats a running number with at least four digits, or as many as <paramref name="count"/> needs.</summary>
    public static string Id(string prefix, int number, int count) =>
        prefix + number.ToString("D" + Math.Max(4, count.ToString().Length));
}
