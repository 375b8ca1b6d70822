using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Planning;

/// <summary>
/// The planner's one seam to the coverage engine (<see cref="Coverage"/>): the current coverage of every settlement per
/// operator × technology (<see cref="CoverageAnalysis.Run"/> without the raster), and which settlements a BTS of a
/// technology with its antenna at a given height would cover from a position (<see cref="CoverageEngine.Footprint"/>,
/// <see cref="BtsFootprint.Covers"/>, as <see cref="CoverageGainEstimator"/> asks it for approval: an omni BTS with the
/// technology's default band and EIRP of rules.json <c>coverage</c>, the engine's environment at the position). The
/// level of a planned BTS does not depend on its operator, so one footprint serves every operator of a position. When
/// the engine changes (link budget, terrain from the DEM) only this class follows it. Thread-safe after construction.
/// </summary>
public sealed class PlanCoverage
{
    private readonly Dataset dataset;
    private readonly CoverageEngine engine;
    private readonly STRtree<int> settlementIndex = new();
    private readonly Dictionary<CoverageLayer, bool[]> before = [];
    private readonly bool[][] anyBefore = new bool[4][];

    public PlanCoverage(Dataset dataset, UnitLocator locator)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        this.dataset = dataset;
        engine = new CoverageEngine(dataset, locator);
        for (var s = 0; s < dataset.Settlements.Count; s++)
        {
            settlementIndex.Insert(dataset.Settlements[s].Location.EnvelopeInternal, s);
        }

        settlementIndex.Build();
        for (var t = 0; t < 4; t++)
        {
            anyBefore[t] = new bool[dataset.Settlements.Count];
        }

        if (dataset.Bts.Count == 0 || dataset.Settlements.Count == 0)
        {
            return;
        }

        var result = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Commune) { Raster = false, Polygons = false });
        for (var l = 0; l < result.Layers.Count; l++)
        {
            var layer = result.Layers[l];
            var threshold = dataset.Rules.Coverage.For(layer.Tech).ThresholdDbm;
            var covered = new bool[dataset.Settlements.Count];
            for (var s = 0; s < covered.Length; s++)
            {
                covered[s] = result.Settlements[s].BestLevelDbm[l] >= threshold;
                anyBefore[(int)layer.Tech][s] |= covered[s];
            }

            before[layer] = covered;
        }
    }

    /// <summary>Operators with at least one BTS, sorted.</summary>
    public IReadOnlyList<string> Operators => [.. dataset.Bts.Select(b => b.Operator).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Whether any operator's BTS of <paramref name="tech"/> cover settlement <paramref name="s"/> now.</summary>
    public bool CoveredByAny(Technology tech, int s) => anyBefore[(int)tech][s];

    /// <summary>Whether the operator's BTS of <paramref name="tech"/> cover settlement <paramref name="s"/> now.</summary>
    public bool CoveredBy(string op, Technology tech, int s) => before.TryGetValue(new CoverageLayer(op, tech), out var c) && c[s];

    /// <summary>
    /// The settlements (indices, ascending) an omni BTS of <paramref name="tech"/> at <paramref name="location"/> with its
    /// antenna at <paramref name="antennaHeightM"/> would cover, among those <paramref name="include"/> accepts.
    /// </summary>
    public int[] Covered(Point location, Technology tech, double antennaHeightM, Func<int, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var footprint = Footprint(location, tech, antennaHeightM);
        var r = footprint.MaxRangeKm * 1000;
        if (r <= 0)
        {
            return [];
        }

        var found = new List<int>();
        foreach (var s in settlementIndex.Query(new Envelope(footprint.X - r, footprint.X + r, footprint.Y - r, footprint.Y + r)))
        {
            var p = dataset.Settlements[s].Location;
            if ((include is null || include(s)) && footprint.Covers(p.X, p.Y))
            {
                found.Add(s);
            }
        }

        found.Sort();
        return [.. found];
    }

    /// <summary>
    /// The farthest a planned BTS of <paramref name="tech"/> at <paramref name="antennaHeightM"/> reaches in any
    /// environment, m: the radius within which candidate positions are sought around an uncovered settlement.
    /// </summary>
    public double MaxRangeM(Technology tech, double antennaHeightM)
    {
        var site = new Bts("~range", "~", tech, GeometryFactories.For(dataset.Crs).CreatePoint(new Coordinate(0, 0)), null, null, antennaHeightM, null, null, null, null, null);
        return Enum.GetValues<CoverageEnvironment>().Max(e => FootprintCalculator.Compute(-1, site, engine.Rules, e, engine.ModelOverride).MaxRangeKm) * 1000;
    }

    private BtsFootprint Footprint(Point location, Technology tech, double antennaHeightM) =>
        engine.Footprint(-1, new Bts("~plan", "~", tech, location, null, null, antennaHeightM > 0 ? antennaHeightM : null, null, null, null, null, null));
}
