using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The coverage engine behind the approval's <see cref="ICoverageGain"/> seam: the settlements an applied-for site would
/// newly cover for the applicant's operator and technology. The site is taken as an omni BTS at the application's
/// position with the antenna at the tower height, the band of the application (else the technology default) and the
/// technology's default EIRP (rules.json <c>coverage</c>); a settlement counts when the site's level there meets the
/// threshold and no existing BTS of the same operator and technology covers it already (<see cref="CoverageAnalysis"/>).
/// Existing coverage is computed once per operator × technology on first use; thread-safe.
/// </summary>
public sealed class CoverageGainEstimator : ICoverageGain
{
    private readonly Dataset dataset;
    private readonly CoverageEngine engine;
    private readonly BtsFootprint[] footprints;
    private readonly STRtree<int> settlementIndex = new();
    private readonly Dictionary<CoverageLayer, bool[]> coveredByLayer = [];
    private readonly Lock gate = new();

    public CoverageGainEstimator(Dataset dataset)
    {
        this.dataset = dataset;
        engine = new CoverageEngine(dataset);
        footprints = KeptFootprints.For(dataset)?.Array ?? engine.Footprints();
        for (var s = 0; s < dataset.Settlements.Count; s++)
        {
            settlementIndex.Insert(dataset.Settlements[s].Location.EnvelopeInternal, s);
        }

        settlementIndex.Build();
    }

    /// <inheritdoc />
    public CoverageGain? Estimate(TowerApplication application)
    {
        if (application.Tech is not { } tech)
        {
            return null;
        }

        var site = new Bts(application.Id, application.Operator, tech, application.Location, null, application.BandMHz, application.HeightM > 0 ? application.HeightM : null, null, null, null, null, null);
        var footprint = engine.Footprint(-1, site);
        var covered = Covered(new CoverageLayer(application.Operator, tech));
        var r = footprint.MaxRangeKm * 1000;
        var gained = new List<int>();
        foreach (var s in settlementIndex.Query(new Envelope(footprint.X - r, footprint.X + r, footprint.Y - r, footprint.Y + r)))
        {
            var p = dataset.Settlements[s].Location;
            if (!covered[s] && footprint.Covers(p.X, p.Y))
            {
                gained.Add(s);
            }
        }

        gained.Sort();
        return new CoverageGain(
            application.Operator,
            tech,
            gained.Count,
            gained.Sum(s => dataset.Settlements[s].Population ?? 0),
            [.. gained.Select(s => dataset.Settlements[s].Id)]);
    }

    /// <summary>Per settlement, whether the existing BTS of the layer cover it.</summary>
    private bool[] Covered(CoverageLayer layer)
    {
        lock (gate)
        {
            if (coveredByLayer.TryGetValue(layer, out var done))
            {
                return done;
            }
        }

        var covered = new bool[dataset.Settlements.Count];
        foreach (var f in footprints)
        {
            if (f.Operator != layer.Operator || f.Tech != layer.Tech || f.MaxRangeKm <= 0)
            {
                continue;
            }

            var r = f.MaxRangeKm * 1000;
            foreach (var s in settlementIndex.Query(new Envelope(f.X - r, f.X + r, f.Y - r, f.Y + r)))
            {
                var p = dataset.Settlements[s].Location;
                if (!covered[s] && f.Covers(p.X, p.Y))
                {
                    covered[s] = true;
                }
            }
        }

        lock (gate)
        {
            coveredByLayer[layer] = covered;
        }

        return covered;
    }
}
