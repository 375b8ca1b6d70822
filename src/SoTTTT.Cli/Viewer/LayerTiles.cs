using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using SoTTTT.IO.Layers;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// Mapbox vector tiles (MVT 2.1, <c>application/vnd.mapbox-vector-tile</c>) of one layer from its in-memory index,
/// encoded by NetTopologySuite.IO.VectorTiles.Mapbox: the features meeting the tile and an
/// <see cref="BufferPixels"/>-pixel margin, thinned and simplified to a tile pixel (<see cref="LayerIndex.Query(NetTopologySuite.Geometries.Envelope?, int, int)"/>, so a tile is bounded like any answer),
/// lines and polygons clipped to the margin, only the declared attributes, numbers kept as numbers. One MVT layer
/// named after the map layer.
/// </summary>
internal static class LayerTiles
{
    /// <summary>Tile coordinates across a tile (the MVT default; 8 per screen pixel of a 512-pixel tile).</summary>
    public const uint Extent = 4096;

    /// <summary>Margin around the tile, in screen pixels, so symbols and strokes crossing a tile edge are drawn whole.</summary>
    public const double BufferPixels = 16;

    public const string ContentType = "application/vnd.mapbox-vector-tile";

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>The tile's bytes and how many features it holds.</summary>
    /// <param name="fields">Indices of the fields to send.</param>
    public static (byte[] Bytes, int Features) Build(LayerIndex layer, IReadOnlyList<int> fields, TileAddress tile)
    {
        var box = tile.Buffered(BufferPixels);
        var clip = Wgs84.ToGeometry(box);
        var target = new Layer { Name = layer.Table.Name };
        foreach (var (index, geometry) in layer.Query(box, tile.PixelZoom, out _))
        {
            if (Clip(geometry, box, clip) is not { IsEmpty: false } clipped)
            {
                continue;
            }

            var attributes = new AttributesTable();
            var values = layer.Table.Rows[index].Values;
            foreach (var i in fields)
            {
                if (Value(values[i]) is { } value)
                {
                    attributes.Add(layer.Table.Fields[i].Name, value);
                }
            }

            target.Features.Add(new Feature(clipped, attributes));
        }

        return (Encode(target, tile), target.Features.Count);
    }

    /// <summary>Encodes one layer as the tile at <paramref name="tile"/> (geometries in WGS84 lon/lat).</summary>
    public static byte[] Encode(Layer layer, TileAddress tile)
    {
        var vectorTile = new VectorTile { TileId = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z).Id };
        vectorTile.Layers.Add(layer);
        using var stream = new MemoryStream();
        vectorTile.Write(stream, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent, Extent);
        return stream.ToArray();
    }

    private static Geometry? Clip(Geometry geometry, Envelope box, Geometry clip)
    {
        if (geometry is Point or MultiPoint)
        {
            return box.Intersects(geometry.EnvelopeInternal) ? geometry : null;
        }

        if (box.Contains(geometry.EnvelopeInternal))
        {
            return geometry;
        }

        try
        {
            return geometry.Intersection(clip);
        }
        catch (TopologyException)
        {
            // A simplified polygon the overlay cannot cut is sent whole; the tile is only larger.
            return geometry;
        }
    }

    /// <summary>A field value as an MVT value: text, 64-bit integer, double, boolean; null values are left out.</summary>
    private static object? Value(object? value) => value switch
    {
        null => null,
        string or long or double or bool => value,
        int n => (long)n,
        float f => (double)f,
        decimal m => (double)m,
        _ => DatasetLayers.CellText(value),
    };
}
