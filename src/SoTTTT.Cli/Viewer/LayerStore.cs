using System.Collections.Concurrent;
using SoTTTT.Core.Maps;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Postgis;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// The map layers of one dataset for the life of the server: each built and indexed once. With a
/// <see cref="PostgisTileReader"/> (the dataset is a PostGIS schema), the schema's layers are tiled by the database and
/// never held here; result layers load the dataset on their first request. <see cref="Get"/> builds a layer on first use
/// and waits for it (tests, static maps, start-up); once <see cref="BuildInBackground"/> has been called — as
/// <c>sotttt serve</c> does — every available layer is built one after another in the background and
/// <see cref="TryGet"/> and <see cref="Tile(string, TileAddress, out bool)"/> never wait: a request for a layer still being computed (a national
/// coverage layer takes tens of seconds) is answered "computing" at once instead of holding the request.
/// </summary>
internal sealed class LayerStore(MapCatalogue catalogue, MapLayerSources sources, MapDataContext context, PostgisTileReader? database = null)
{
    /// <summary>Bytes of encoded tiles kept for the life of the server (a dataset does not change while it is served).</summary>
    public const long TileCacheBytes = 256L << 20;

    private readonly ConcurrentDictionary<string, Lazy<Task<LayerIndex?>>> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Layer, TileAddress Tile), byte[]> tiles = new();
    private long tileBytes;
    private Task? background;

    public MapCatalogue Catalogue { get; } = catalogue;

    /// <summary>The GeoJSON of features already sent, for the life of the server (bounded).</summary>
    public GeoJsonFragmentCache Fragments { get; } = new();

    public MapDataContext Context { get; } = context;

    /// <summary>The database that tiles the input layers, when the dataset is a PostGIS schema.</summary>
    public PostgisTileReader? Database { get; } = database;

    /// <summary>True once layers are built in the background (requests never wait for one).</summary>
    public bool Background => background is not null;

    /// <summary>Whether a declared layer can be drawn on this dataset.</summary>
    public bool IsAvailable(string layer) => Catalogue.Layer(layer) is not null && (InDatabase(layer)
        || (Database is not null && !IsInputLayer(layer) ? sources.MayBeAvailable(layer, Context) : sources.IsAvailable(layer, Context)));

    /// <summary>Whether the layer's tiles come from the database.</summary>
    public bool InDatabase(string layer) => Database is not null && Database.Layers.Contains(layer);

    /// <summary>True while an available layer held here is not built yet (it is or will be computed in the background).</summary>
    public bool IsComputing(string layer) =>
        IsAvailable(layer) && !InDatabase(layer) && !(cache.TryGetValue(layer, out var built) && built.IsValueCreated && built.Value.IsCompleted);

    /// <summary>
    /// Builds the available layers of <paramref name="view"/> ahead of the first request, with their simplified
    /// geometries at the zooms that show the whole extent on a screen (<paramref name="extent"/>, WGS84); returns how
    /// many layers.
    /// </summary>
    public int Warm(string view, NetTopologySuite.Geometries.Envelope? extent = null)
    {
        // Layers the database tiles need no warming; the others are built (loading a deferred dataset if one needs it).
        var layers = Catalogue.View(view)?.Layers.Where(l => IsAvailable(l) && !InDatabase(l)).ToList() ?? [];
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
    /// Starts building every available layer of every view held here, one at a time, in the background, after
    /// <paramref name="first"/> (some layers to build before the others, e.g. a view's, see <see cref="Warm"/>); from
    /// now on requests use <see cref="TryGet"/> and never wait. Returns the task (done when every layer is built).
    /// </summary>
    public Task BuildInBackground(Action? first = null)
    {
        lock (cache)
        {
            background ??= Task.Run(async () =>
            {
                try
                {
                    first?.Invoke();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A layer that fails is reported by its requests; the other layers still get built.
                }

                foreach (var layer in Catalogue.Views.SelectMany(v => v.Layers).Distinct(StringComparer.Ordinal).Where(l => IsAvailable(l) && !InDatabase(l)))
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

    /// <summary>
    /// The layer's vector tile at <paramref name="tile"/>; null when the layer is not declared or not available, or —
    /// with <paramref name="computing"/> set — while it is still being built in the background.
    /// </summary>
    public byte[]? Tile(string layer, TileAddress tile, out bool computing)
    {
        computing = false;
        if (tiles.TryGetValue((layer, tile), out var kept))
        {
            return kept;
        }

        var bytes = Encode(layer, tile, out computing);
        if (bytes is not null && Interlocked.Read(ref tileBytes) + bytes.Length <= TileCacheBytes && tiles.TryAdd((layer, tile), bytes))
        {
            Interlocked.Add(ref tileBytes, bytes.Length);
        }

        return bytes;
    }

    /// <summary>The layer's tile when it is kept already (nothing is computed).</summary>
    public bool TryCachedTile(string layer, TileAddress tile, out byte[]? bytes)
    {
        var found = tiles.TryGetValue((layer, tile), out var kept);
        bytes = kept;
        return found;
    }

    /// <summary>
    /// Makes the tiles of <paramref name="view"/>'s visible layers that show <paramref name="extent"/> (WGS84) whole on a
    /// 700–1400 px map, so the first page draws from the tile cache; returns how many tiles.
    /// </summary>
    public int WarmTiles(string view, NetTopologySuite.Geometries.Envelope extent)
    {
        ArgumentNullException.ThrowIfNull(extent);
        if (extent.IsNull || extent.Width <= 0)
        {
            return 0;
        }

        var layers = Catalogue.View(view)?.Layers.Where(l => IsAvailable(l) && Catalogue.Layer(l)!.Visible).ToList() ?? [];
        var fit = (int)Math.Floor(Math.Log2(360.0 * 1000 / (TileAddress.SizePixels * extent.Width)));
        var wanted = new List<(string, TileAddress)>();
        foreach (var z in new[] { fit - 1, fit, fit + 1 }.Where(z => z is >= 0 and <= 12))
        {
            var (x0, y0) = TileAddress.Containing(extent.MinX, extent.MaxY, z);
            var (x1, y1) = TileAddress.Containing(extent.MaxX, extent.MinY, z);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    wanted.AddRange(layers.Select(l => (l, new TileAddress(z, x, y))));
                }
            }
        }

        Parallel.ForEach(wanted, new ParallelOptions { MaxDegreeOfParallelism = 2 }, w => Tile(w.Item1, w.Item2));
        return wanted.Count;
    }

    private byte[]? Encode(string layer, TileAddress tile, out bool computing)
    {
        computing = false;
        if (InDatabase(layer))
        {
            return Database!.Tile(layer, tile.Z, tile.X, tile.Y, Catalogue.Layer(layer)!.Attributes);
        }

        if (Database is not null && IsInputLayer(layer))
        {
            // An input layer the schema does not have (or has no rows of).
            return null;
        }

        if (TryGet(layer, out computing) is not { } index)
        {
            return null;
        }

        var declared = Catalogue.Layer(layer)!.Attributes;
        var fields = Enumerable.Range(0, index.Table.Fields.Count).Where(i => declared.Contains(index.Table.Fields[i].Name)).ToList();
        return LayerTiles.Build(index, fields, tile).Bytes;
    }

    /// <summary>As <see cref="Tile(string, TileAddress, out bool)"/>, waiting for a layer being built.</summary>
    public byte[]? Tile(string layer, TileAddress tile) => background is null ? Tile(layer, tile, out _) : WaitAndTile(layer, tile);

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

    private byte[]? WaitAndTile(string layer, TileAddress tile)
    {
        if (!InDatabase(layer))
        {
            Get(layer);
        }

        return Tile(layer, tile, out _);
    }

    private Task<LayerIndex?> Start(string layer) =>
        cache.GetOrAdd(layer, name => new Lazy<Task<LayerIndex?>>(() => Task.Run(() => sources.Build(name, Context) is { } table ? new LayerIndex(table) : null))).Value;

    private static bool IsInputLayer(string layer) => DatasetLayers.Sources.Any(s => s.Name == layer);
}
