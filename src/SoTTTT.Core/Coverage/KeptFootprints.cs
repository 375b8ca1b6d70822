using System.Runtime.CompilerServices;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Every BTS's footprint on flat ground, under the dataset's rules and the models chosen by band and environment, with
/// the grid of their boresight ranges: made once per dataset (by reference, as <see cref="DatasetIndexes"/> keeps its
/// indexes) and kept while it lives. A footprint depends on nothing but its BTS row, the coverage rules and the zones
/// and units that fix its environment, all of them in the (immutable) dataset, so each analysis that asks gets exactly
/// the footprints a fresh <see cref="CoverageEngine"/> would make: in a one-command process the parts of one command
/// share them (the plan, the approval's gain), in the resident process (<c>sotttt daemon</c>) the commands that
/// follow, as a database keeps a computed column. Not kept: footprints over a DEM (each run counts its terrain paths)
/// and under an imposed model. Read-only and thread-safe.
/// </summary>
public static class KeptFootprints
{
    private static readonly ConditionalWeakTable<Dataset, Set> Sets = [];

    /// <summary>
    /// The kept footprints of <paramref name="dataset"/> when the analysis runs on flat ground (no DEM, or
    /// <paramref name="terrain"/> off) with the models chosen by band (<paramref name="model"/> null); else null, and the
    /// caller makes its own.
    /// </summary>
    public static Set? For(Dataset dataset, ModelOverride? model = null, bool terrain = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return model is null && (dataset.Dem is null || !terrain) ? Sets.GetValue(dataset, static d => new Set(d)) : null;
    }

    /// <summary>One dataset's footprints and their range grid, each made on first use, once, whichever thread asks.</summary>
    public sealed class Set
    {
        private readonly Lazy<BtsFootprint[]> all;
        private readonly Lazy<PointQueryGrid<int>> ranges;
        private readonly Lazy<(IReadOnlyList<CoverageLayer> Layers, int[] LayerOf)> layers;

        internal Set(Dataset dataset)
        {
            all = new(() => new CoverageEngine(dataset, DatasetIndexes.Locator(dataset), null, useTerrain: false).Footprints());
            ranges = new(() => CoverageAnalysis.RangeTree(all.Value));
            layers = new(() => CoverageAnalysis.LayersOf(all.Value));
        }

        /// <summary>The footprint of every BTS, in dataset order (index b is BTS b). Shared: read it only.</summary>
        public IReadOnlyList<BtsFootprint> All => all.Value;

        /// <summary>The footprints whose boresight range reaches a point (<see cref="CoverageAnalysis"/>'s range grid over <see cref="All"/>).</summary>
        internal PointQueryGrid<int> Ranges => ranges.Value;

        /// <summary>The layers of <see cref="All"/> and each footprint's layer (<see cref="CoverageAnalysis.LayersOf"/>). Shared: read them only.</summary>
        internal (IReadOnlyList<CoverageLayer> Layers, int[] LayerOf) Layers => layers.Value;

        /// <summary>The array behind <see cref="All"/>, for the analyses of this assembly, which only read it.</summary>
        internal BtsFootprint[] Array => all.Value;
    }
}
