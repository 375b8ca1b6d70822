using SoTTTT.Core.Model;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.Layers;

/// <summary>
/// The layers an export can write, by name: the dataset's input layers and the indicator tables; result layers of
/// the analyses are added with <see cref="With"/>. Immutable.
/// </summary>
public sealed class LayerCatalog(IReadOnlyList<ILayerSource> sources)
{
    public static LayerCatalog Default { get; } = new([.. DatasetLayers.Sources, .. IndicatorLayers.Sources, .. SharingLayers.Sources, .. CoverageLayers.Sources]);

    public IReadOnlyList<ILayerSource> Sources { get; } = sources;

    /// <summary>A catalog with one more source (replacing one of the same name).</summary>
    public LayerCatalog With(ILayerSource source) => new([.. Sources.Where(s => s.Name != source.Name), source]);

    /// <summary>
    /// The tables for a dataset: the named ones (unknown names are returned in <paramref name="unknown"/>), or every
    /// source that applies when <paramref name="names"/> is null.
    /// </summary>
    public IReadOnlyList<FeatureTable> Build(Dataset dataset, IReadOnlyCollection<string>? names, out IReadOnlyList<string> unknown)
    {
        unknown = names?.Where(n => Sources.All(s => s.Name != n)).ToList() ?? [];
        var sources = Sources.Where(s => names is null ? s.AppliesTo(dataset) : names.Contains(s.Name)).ToList();

        // Two layers at a time, in the catalogue's order: the analyses behind them (coverage, sharing, indicators) each
        // have stretches on one core, which the other fills. Layers of one analysis share its result (computed once).
        var tables = new FeatureTable[sources.Count];
        Beside.For(sources.Count, 2, k => tables[k] = sources[k].Build(dataset));
        return tables;
    }
}
