using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace SoTTTT.IO.Postgis;

/// <summary>
/// Mapbox vector tiles (XYZ scheme, 512-pixel tiles, 4096 units across) of the layers of a PostGIS schema written by
/// <see cref="PostgisWriter"/>, made by the database: <c>ST_AsMVT</c> over <c>ST_AsMVTGeom</c> of the rows whose
/// geometry meets the tile and a margin (the layer's GiST index; one province's rows with <c>province=</c>), lines and
/// polygons simplified to a tile pixel first, points thinned to one per tile pixel (three below tile zoom
/// <see cref="DenseBelowZoom"/>) and lines and polygons under two pixels across left out below 256-pixel zoom 15 (as the
/// in-memory viewer does in dense views). Nothing of the layer is held in this process.
/// </summary>
public sealed class PostgisTileReader
{
    /// <summary>Tile units across a tile (8 per screen pixel).</summary>
    public const int Extent = 4096;

    /// <summary>Screen pixels across a tile.</summary>
    public const int TilePixels = 512;

    /// <summary>Margin around a tile in screen pixels, so symbols and strokes crossing its edge are drawn whole.</summary>
    public const int BufferPixels = 16;

    /// <summary>Tile zoom from which every point is sent (256-pixel zoom 15, as the in-memory viewer).</summary>
    public const int FullDetailZoom = 14;

    /// <summary>Tile zoom below which points are thinned to one per three pixels.</summary>
    public const int DenseBelowZoom = 10;

    private const double WebMercatorWorldMetres = 40_075_016.685578488;

    private readonly PostgisConnection source;
    private readonly Dictionary<string, (int Srid, bool Points, HashSet<string> Columns)> layers = new(StringComparer.Ordinal);

    /// <summary>Reads which layers the schema has (with at least one row of the province, when one is named), their SRIDs and columns.</summary>
    public PostgisTileReader(PostgisConnection source)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        using var c = source.Open();
        var found = new List<(string Layer, string? Type)>();
        using (var cmd = new NpgsqlCommand($"SELECT layer, geometry_type FROM {source.Table(PostgisWriter.LayersTable)} WHERE srid IS NOT NULL ORDER BY layer", c))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        using (var names = new NpgsqlCommand($"SELECT DISTINCT dataset_name, lang FROM {source.Table(PostgisWriter.ProvincesTable)} WHERE @p::text IS NULL OR province_code = @p ORDER BY 1", c))
        {
            names.Parameters.AddWithValue("p", NpgsqlDbType.Text, (object?)source.Province ?? DBNull.Value);
            using var reader = names.ExecuteReader();
            var list = new List<string>();
            while (reader.Read())
            {
                list.Add(reader.GetString(0));
                Lang ??= reader.GetString(1);
            }

            Name = list.Count == 0 ? source.Schema : string.Join(" + ", list.Distinct(StringComparer.Ordinal));
        }

        foreach (var (layer, type) in found)
        {
            using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {source.Table(layer)} WHERE @p::text IS NULL OR province_code = @p)", c);
            any.Parameters.AddWithValue("p", NpgsqlDbType.Text, (object?)source.Province ?? DBNull.Value);
            if (any.ExecuteScalar() is not true)
            {
                continue;
            }

            var columns = PostgisLayerReader.Columns(c, source, layer).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            layers[layer] = (PostgisLayerReader.Srid(c, source, layer), type == "Point", columns);
        }
    }

    /// <summary>Called with the SQL of each tile query and how long it took (for a log).</summary>
    public event Action<string, TimeSpan>? Queried;

    /// <summary>The dataset's name (the names of its provinces' datasets, joined, as <see cref="PostgisDatasetReader"/> names it).</summary>
    public string Name { get; } = string.Empty;

    /// <summary>The dataset's language (the first province's), null when the schema holds no province.</summary>
    public string? Lang { get; }

    /// <summary>The spatial layers with rows.</summary>
    public IReadOnlyCollection<string> Layers => layers.Keys;

    /// <summary>The envelope of a layer in WGS84 lon/lat (null when it has no geometry).</summary>
    public Envelope? ExtentOf(string layer)
    {
        if (!layers.TryGetValue(layer, out var info))
        {
            return null;
        }

        using var c = source.Open();
        using var cmd = new NpgsqlCommand(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, {info.Srid}), 4326) AS e FROM {source.Table(layer)} WHERE @p::text IS NULL OR province_code = @p) x WHERE e IS NOT NULL",
            c);
        cmd.Parameters.AddWithValue("p", NpgsqlDbType.Text, (object?)source.Province ?? DBNull.Value);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read() || reader.IsDBNull(0))
        {
            return null;
        }

        // The envelope of the converted box (a polygon) is a little larger than the data's: fine for fitting a map.
        return new Envelope(reader.GetDouble(0), reader.GetDouble(2), reader.GetDouble(1), reader.GetDouble(3));
    }

    /// <summary>
    /// The tile <paramref name="z"/>/<paramref name="x"/>/<paramref name="y"/> of <paramref name="layer"/> with the
    /// <paramref name="attributes"/> the table has; null when the schema has no such layer with rows.
    /// </summary>
    public byte[]? Tile(string layer, int z, int x, int y, IEnumerable<string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (!layers.TryGetValue(layer, out var info))
        {
            return null;
        }

        var sql = Sql(source, layer, info.Srid, info.Points, z, attributes.Where(info.Columns.Contains).Distinct(StringComparer.Ordinal).ToList());
        var clock = Stopwatch.StartNew();
        using var c = source.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("p", NpgsqlDbType.Text, (object?)source.Province ?? DBNull.Value);
        var bytes = cmd.ExecuteScalar() as byte[] ?? [];
        Queried?.Invoke(sql, clock.Elapsed);
        return bytes;
    }

    private static string Sql(PostgisConnection source, string layer, int srid, bool points, int z, IReadOnlyList<string> attributes)
    {
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var margin = N((double)BufferPixels / TilePixels);
        var buffer = BufferPixels * Extent / TilePixels;

        // A tile pixel in the layer's units: degrees for WGS84, else metres (the TM-3 and UTM scale is near 1).
        var pixel = srid == 4326 ? 360.0 / (TilePixels * Math.Pow(2, z)) : WebMercatorWorldMetres / (TilePixels * Math.Pow(2, z));
        var detailed = z >= FullDetailZoom;
        var where = "t.geom && b.box AND (@p::text IS NULL OR t.province_code = @p)";
        string rows;
        if (points)
        {
            // One point per cell, the first in dataset order, chosen before any point is converted: a tile pixel, three
            // at the zooms that show a country or a province whole (markers there hide each other anyway).
            var cell = N(z < DenseBelowZoom ? 3 * pixel : pixel);
            rows = detailed
                ? $"SELECT t.* FROM {source.Table(layer)} t, b WHERE {where}"
                : $"SELECT DISTINCT ON (floor(ST_X(t.geom) / {cell}), floor(ST_Y(t.geom) / {cell})) t.* FROM {source.Table(layer)} t, b WHERE {where} ORDER BY floor(ST_X(t.geom) / {cell}), floor(ST_Y(t.geom) / {cell}), t.fid";
        }
        else
        {
            // Lines and polygons under two pixels across would draw as specks (their stored bounding box says so cheaply).
            rows = detailed
                ? $"SELECT t.* FROM {source.Table(layer)} t, b WHERE {where}"
                : $"SELECT t.* FROM {source.Table(layer)} t, b WHERE {where} AND greatest(ST_XMax(t.geom) - ST_XMin(t.geom), ST_YMax(t.geom) - ST_YMin(t.geom)) >= {N(2 * pixel)}";
        }

        var geometry = points || detailed ? "r.geom" : $"ST_Simplify(r.geom, {N(pixel)}, true)";
        var columns = string.Concat(attributes.Select(a => ", r." + PostgisWriter.Quote(a)));
        var name = layer.Replace("'", "''", StringComparison.Ordinal);
        return $"""
            WITH b AS (SELECT ST_TileEnvelope(@z, @x, @y) AS tile, ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => {margin}), {srid}) AS box)
            SELECT ST_AsMVT(q, '{name}', {Extent}, 'geom') FROM (
              SELECT ST_AsMVTGeom(ST_Transform({geometry}, 3857), b.tile, {Extent}, {buffer}, true) AS geom{columns}
              FROM ({rows}) r, b ORDER BY r.fid) q
            WHERE q.geom IS NOT NULL
            """;
    }
}
