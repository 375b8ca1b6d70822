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
    private readonly Lock solvedLock = new();
    private readonly HashSet<RangeSolutions.Key> solvedKeys = [];

    public CoverageEngine(Dataset dataset, ModelOverride? modelOverride = null)
        : this(dataset, DatasetIndexes.Locator(dataset), modelOverride)
    {
    }

    /// <param name="useTerrain">Judge over the dataset's DEM when it has one (false: flat ground, e.g. <c>coverage --no-terrain</c>).</param>
    public CoverageEngine(Dataset dataset, UnitLocator locator, ModelOverride? modelOverride = null, bool useTerrain = true)
    {
        Dataset = dataset;
        Rules = dataset.Rules.Coverage;

        Locator = locator;
        zones = DatasetIndexes.Zones(dataset);
        urbanArea = DatasetIndexes.Holds(dataset, locator) ? DatasetIndexes.Urban(dataset) : new UrbanArea(dataset, locator, zones);
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

    /// <summary>The environment class at a position in the analysis CRS.</summary>
    public CoverageEnvironment EnvironmentAt(Coordinate c)
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
        FootprintCalculator.Compute(index, bts, Rules, EnvironmentAt(bts.Location.Coordinate), ModelOverride, Terrain);

    /// <summary>Distinct range solutions the engine's <see cref="Footprints"/> have made (each shared by every footprint with the same inputs).</summary>
    public int RangeSolutionCount
    {
        get
        {
            lock (solvedLock)
            {
                return solvedKeys.Count;
            }
        }
    }

    /// <summary>
    /// The footprints of the dataset's BTS at <paramref name="indexes"/> (every BTS when null), in parallel, in order.
    /// Each worker keeps its own state (no locks): the environment class of the last position it judged (the BTS of one
    /// tower share it, and stand next to each other in the list) and the range per configuration (<see cref="RangeSolutions"/>).
    /// </summary>
    public BtsFootprint[] Footprints(IReadOnlyList<int>? indexes = null)
    {
        var bts = Dataset.Bts;
        var footprints = new BtsFootprint[indexes?.Count ?? bts.Count];
        Parallel.For(
            0,
            footprints.Length,
            () => new Worker(),
            (i, _, local) =>
            {
                var b = indexes is null ? i : indexes[i];
                var at = bts[b].Location.Coordinate;
                if (!(local.HasLast && local.LastX == at.X && local.LastY == at.Y))
                {
                    (local.HasLast, local.LastX, local.LastY, local.LastEnvironment) = (true, at.X, at.Y, EnvironmentAt(at));
                }

                footprints[i] = FootprintCalculator.Compute(b, bts[b], Rules, local.LastEnvironment, ModelOverride, Terrain, local.Solutions);
                return local;
            },
            local =>
            {
                lock (solvedLock)
                {
                    solvedKeys.UnionWith(local.Solutions.Keys);
                }
            });
        return footprints;
    }

    /// <summary>One worker's state in <see cref="Footprints"/>.</summary>
    private sealed class Worker
    {
        public bool HasLast { get; set; }
        public double LastX { get; set; }
        public double LastY { get; set; }
        public CoverageEnvironment LastEnvironment { get; set; }

        public RangeSolutions Solutions { get; } = new();
    }
}
