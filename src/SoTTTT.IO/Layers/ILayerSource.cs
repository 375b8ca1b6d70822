using SoTTTT.Core.Model;

namespace SoTTTT.IO.Layers;

/// <summary>
/// Something that turns a dataset into one exportable layer: an input layer, an indicator table, or a result layer
/// of an analysis (coverage gaps, sharing pairs, plan positions …) that plugs in by name. Writers take the
/// <see cref="FeatureTable"/>s; commands choose sources by <see cref="Name"/>.
/// </summary>
public interface ILayerSource
{
    /// <summary>The layer's table name, unique among sources.</summary>
    string Name { get; }

    /// <summary>Whether the dataset has what the layer needs (e.g. the admin level of an indicator table).</summary>
    bool AppliesTo(Dataset dataset);

    /// <summary>Builds the layer; pure (no I/O).</summary>
    FeatureTable Build(Dataset dataset);
}
