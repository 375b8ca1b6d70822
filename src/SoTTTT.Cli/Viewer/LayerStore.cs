using System.Collections.Concurrent;
using SoTTTT.Core.Maps;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Postgis;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// The map layers of one dataset for the life of the server: each built and indexed once, on first request. With a
/// <see cref="PostgisTileReader"/> (the dataset is a PostGIS schema), the schema's layers are tiled by the database and
/// never held here; result layers load the dataset on their first request.
/// </summary>
internal sealed class LayerStore(MapCatalogue catalogue, MapLayerSources sources, MapDataContext context, PostgisTileReader? database = null)
{
    /// <summary>Bytes of encoded tiles kept for the life of the server (a dataset does not change while it is served).</summary>
    public const long TileCacheBytes = 256L << 20;

    private readonly ConcurrentDictionary<string, Lazy<LayerIndex?>> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Layer, TileAddress Tile), byte[]> tiles = new();
    private long tileBytes;

    public MapCatalogue Catalogue { get; } = catalogue;

    public MapDataContext Context { get; } = context;

    /// <summary>The database that tiles the input layers, when the dataset is a PostGIS schema.</summary>
    public PostgisTileReader? Database { get; } = database;

    /// <summary>Whether a declared layer can be drawn on this dataset.</summary>
    public bool IsAvailable(string layer) => Catalogue.Layer(layer) is not null && (InDatabase(layer)
        || (Database is not null && !IsInputLayer(layer) ? sources.MayBeAvailable(layer, Context) : sources.IsAvailable(layer, Context)));

    /// <summary>Whether the layer's tiles come from the database.</summary>
    public bool InDatabase(string layer) => Database is not null && Database.Layers.Contains(layer);

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

    /// <summary>The layer's vector tile at <paramref name="tile"/>; null when the layer is not declared or not available.</summary>
    public byte[]? Tile(string layer, TileAddress tile)
    {
        if (tiles.TryGetValue((layer, tile), out var kept))
        {
            return kept;
        }

        var bytes = Encode(layer, tile);
        if (bytes is not null && Interlocked.Read(ref tileBytes) + bytes.Length <= TileCacheBytes && tiles.TryAdd((layer, tile), bytes))
        {
            Interlocked.Add(ref tileBytes, bytes.Length);
        }

        return bytes;
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

    private byte[]? Encode(string layer, TileAddress tile)
    {
        if (InDatabase(layer))
        {
            return Database!.Tile(layer, tile.Z, tile.X, tile.Y, Catalogue.Layer(layer)!.Attributes);
        }

        if (Database is not null && IsInputLayer(layer))
        {
            // An input layer the schema does not have (or has no rows of).
            return null;
        }

        if (Get(layer) is not { } index)
        {
            return null;
        }

        var declared = Catalogue.Layer(layer)!.Attributes;
        var fields = Enumerable.Range(0, index.Table.Fields.Count).Where(i => declared.Contains(index.Table.Fields[i].Name)).ToList();
        return LayerTiles.Build(index, fields, tile).Bytes;
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

    private static bool IsInputLayer(string layer) => DatasetLayers.Sources.Any(s => s.Name == layer);
}
