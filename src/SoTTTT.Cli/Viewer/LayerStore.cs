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

    /// <summary>
    /// Builds the available layers of <paramref name="view"/> ahead of the first request, with their simplified
    /// geometries at the zooms that show the whole extent on a screen (<paramref name="extent"/>, WGS84); returns how
    /// many layers.
    /// </summary>
    public int Warm(string view, NetTopologySuite.Geometries.Envelope? extent = null)
    {
        var layers = Catalogue.View(view)?.Layers.Where(IsAvailable).ToList() ?? [];
        Parallel.ForEach(layers, layer => Get(layer));
        if (extent is { IsNull: false, Width: > 0 })
        {
            // A 700–1400 px wide map fits the extent at about this zoom (256-px tiles).
            var fit = (int)Math.Floor(Math.Log2(360.0 * 1000 / (256 * extent.Width)));
            foreach (var zoom in new[] { fit, fit + 1, fit - 1 }.Where(z => z is >= 0 and < LayerIndex.FullDetailZoom))
            {
                foreach (var layer in layers)
                {
                    Get(layer)?.Query(null, zoom, out _);
                }
            }
        }

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
