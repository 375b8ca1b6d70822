using System.Collections.Concurrent;
using SoTTTT.Core.Maps;

namespace SoTTTT.Cli.Viewer;

/// <summary>The map layers of one dataset for the life of the server: each built and indexed once, on first request.</summary>
internal sealed class LayerStore(MapCatalogue catalogue, MapLayerSources sources, MapDataContext context)
{
    private readonly ConcurrentDictionary<string, Lazy<LayerIndex?>> cache = new(StringComparer.Ordinal);

    public MapCatalogue Catalogue { get; } = catalogue;

    public MapDataContext Context { get; } = context;

    /// <summary>Whether a declared layer can be drawn on this dataset.</summary>
    public bool IsAvailable(string layer) => Catalogue.Layer(layer) is not null && sources.IsAvailable(layer, Context);

    /// <summary>Builds the available layers of <paramref name="view"/> ahead of the first request (in parallel); returns how many.</summary>
    public int Warm(string view)
    {
        var layers = Catalogue.View(view)?.Layers.Where(IsAvailable).ToList() ?? [];
        Parallel.ForEach(layers, layer => Get(layer));
        return layers.Count;
    }

    /// <summary>The indexed layer; null when it is not declared or not available.</summary>
    public LayerIndex? Get(string layer)
    {
        if (Catalogue.Layer(layer) is null)
        {
            return null;
        }

        return cache.GetOrAdd(layer, name => new Lazy<LayerIndex?>(() => sources.Build(name, Context) is { } table ? new LayerIndex(table) : null)).Value;
    }
}
