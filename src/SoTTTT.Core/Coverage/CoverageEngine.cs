using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The one place footprints are made for a dataset: its coverage rules, the environment class of a position
/// (<see cref="CoverageEnvironment"/>: urban zones and flagged units, suburban zones, else rural) and an imposed model,
/// so that the coverage analysis, the indicators' covered flags, the approval's coverage gain and the planner judge a
/// BTS alike. Thread-safe after construction.
/// </summary>
public sealed class CoverageEngine
{
    private readonly UrbanArea urbanArea;
    private readonly ZoneIndex zones;
    private readonly RangeSolutions solutions;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(double X, double Y), CoverageEnvironment> environments;

    public CoverageEngine(Dataset dataset, ModelOverride? modelOverride = null)
        : this(dataset, new UnitLocator(dataset), modelOverride)
    {
    }

    /// <param name="useTerrain">Judge over the dataset's DEM when it has one (false: flat ground, e.g. <c>coverage --no-terrain</c>).</param>
    public CoverageEngine(Dataset dataset, UnitLocator locator, ModelOverride? modelOverride = null, bool useTerrain = true)
    {
        Dataset = dataset;
        Rules = dataset.Rules.Coverage;

        // Sized for every BTS at once, so that neither table grows (and locks whole) under the parallel footprints.
        solutions = new RangeSolutions(dataset.Bts.Count);
        environments = new(concurrencyLevel: 64, capacity: Math.Max(dataset.Bts.Count, 31));
        Locator = locator;
        zones = new ZoneIndex(dataset.Zones);
        urbanArea = new UrbanArea(dataset, locator, zones);
        ModelOverride = modelOverride;
        Terrain = useTerrain && dataset.Dem is { } dem ? new CoverageTerrain(dem, dataset.Crs, Rules.Terrain, dataset.DemSource) : null;
    }

    /// <summary>The terrain footprints are judged over; null on flat ground (no DEM, or terrain switched off).</summary>
    public CoverageTerrain? Terrain { get; }

    public Dataset Dataset { get; }

    /// <summary>The coverage rules in force (rules.json <c>coverage</c>).</summary>
    public CoverageRules Rules { get; }

    /// <summary>The unit locator the engine shares with its callers.</summary>
    public UnitLocator Locator { get; }

    /// <summary>The model imposed on every BTS, or null for the choice by band and environment.</summary>
    public ModelOverride? ModelOverride { get; }

    /// <summary>
    /// The environment class at a position in the analysis CRS. Found once per position: the BTS of one tower share it
    /// (350,000 national BTS stand on about 120,000 positions).
    /// </summary>
    public CoverageEnvironment EnvironmentAt(Coordinate c) =>
        environments.TryGetValue((c.X, c.Y), out var known) ? known : environments.GetOrAdd((c.X, c.Y), Classify(c));

    private CoverageEnvironment Classify(Coordinate c)
    {
        // UrbanArea.IsUrban is "an urban zone here, else the unit's urban flag": the zones are looked up once for both.
        var here = zones.At(c);
        if (here.Any(z => z.Kind == ZoneKinds.Urban) || urbanArea.IsUrbanUnit(c))
        {
            return CoverageEnvironment.Urban;
        }

        return here.Any(z => z.Kind == ZoneKinds.Suburban) ? CoverageEnvironment.Suburban : CoverageEnvironment.Rural;
    }

    /// <summary>The footprint of <paramref name="bts"/> (its position in the dataset's BTS list, or −1 for a hypothetical site).</summary>
    public BtsFootprint Footprint(int index, Bts bts) =>
        FootprintCalculator.Compute(index, bts, Rules, EnvironmentAt(bts.Location.Coordinate), ModelOverride, Terrain, solutions);

    /// <summary>Distinct range solutions the engine has made (each shared by every footprint with the same inputs).</summary>
    public int RangeSolutionCount => solutions.Count;

    /// <summary>The footprints of the dataset's BTS at <paramref name="indexes"/> (every BTS when null), in parallel, in order.</summary>
    public BtsFootprint[] Footprints(IReadOnlyList<int>? indexes = null)
    {
        var bts = Dataset.Bts;
        var footprints = new BtsFootprint[indexes?.Count ?? bts.Count];
        Parallel.For(0, footprints.Length, i =>
        {
            var b = indexes is null ? i : indexes[i];
            footprints[i] = Footprint(b, bts[b]);
        });
        return footprints;
    }
}
