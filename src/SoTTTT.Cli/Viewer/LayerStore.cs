using System.Collections.Concurrent;
using SoTTTT.Core.Maps;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// The map layers of one dataset for the life of the server: each built and indexed once. <see cref="Get"/> builds a
/// layer on first use and waits for it (tests, static maps, start-up); once <see cref="BuildInBackground"/> has been
/// called — as <c>sotttt serve</c> does — every available layer is built one after another in the background and
/// <see cref="TryGet"/> never waits: a request for a layer still being computed (a national coverage layer takes
/// tens of seconds) is answered "computing" at once instead of holding the request and its connection.
/// </summary>
internal sealed class LayerStore(MapCatalogue catalogue, MapLayerSources sources, MapDataContext context)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LayerIndex?>>> cache = new(StringComparer.Ordinal);
    private Task? background;

    public MapCatalogue Catalogue { get; } = catalogue;

    public MapDataContext Context { get; } = context;

    /// <summary>True once layers are built in the background (requests never wait for one).</summary>
    public bool Background => background is not null;

    /// <summary>Whether a declared layer can be drawn on this dataset.</summary>
    public bool IsAvailable(string layer) => Catalogue.Layer(layer) is not null && sources.IsAvailable(layer, Context);

    /// <summary>True while an available layer is not built yet (it is or will be computed in the background).</summary>
    public bool IsComputing(string layer) => IsAvailable(layer) && !(cache.TryGetValue(layer, out var built) && built.IsValueCreated && built.Value.IsCompleted);

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

    /// <summary>
    /// Starts building every available layer of every view, one at a time, in the background; from now on requests
    /// use <see cref="TryGet"/> and never wait. Returns the task (done when every layer is built).
    /// </summary>
    public Task BuildInBackground()
    {
        lock (cache)
        {
            background ??= Task.Run(async () =>
            {
                foreach (var layer in Catalogue.Views.SelectMany(v => v.Layers).Distinct(StringComparer.Ordinal).Where(IsAvailable))
                {
                    try
                    {
                        await Start(layer).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        // The layer's request reports the failure; the other layers still get built.
                    }
                }
            });
            return background;
        }
    }

    /// <summary>The indexed layer, waiting for it to be built; null when it is not declared or not available.</summary>
    public LayerIndex? Get(string layer) => Catalogue.Layer(layer) is null ? null : Start(layer).GetAwaiter().GetResult();

    /// <summary>
    /// The indexed layer without waiting when building in the background: null with <paramref name="computing"/> set
    /// while it is being built (the build is started if it was not); otherwise as <see cref="Get"/>.
    /// </summary>
    public LayerIndex? TryGet(string layer, out bool computing)
    {
        computing = false;
        if (Catalogue.Layer(layer) is null)
        {
            return null;
        }

        var task = Start(layer);
        if (background is not null && !task.IsCompleted)
        {
            computing = true;
            return null;
        }

        return task.GetAwaiter().GetResult();
    }

    private Task<LayerIndex?> Start(string layer) =>
        cache.GetOrAdd(layer, name => new Lazy<Task<LayerIndex?>>(() => Task.Run(() => sources.Build(name, Context) is { } table ? new LayerIndex(table) : null))).Value;
}
