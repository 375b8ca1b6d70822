using SoTTTT.Core.Model;

namespace SoTTTT.IO.Layers;

/// <summary>An <see cref="ILayerSource"/> from two functions, for registering result layers without a class each.</summary>
public sealed class LayerSource(string name, Func<Dataset, bool> appliesTo, Func<Dataset, FeatureTable> build) : ILayerSource
{
    public string Name { get; } = name;

    public bool AppliesTo(Dataset dataset) => appliesTo(dataset);

    public FeatureTable Build(Dataset dataset) => build(dataset);
}
