using NetTopologySuite.Geometries;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// A web map tile in the XYZ scheme (x from the antimeridian eastwards, y from the north downwards, as OpenLayers and
/// OpenStreetMap number them) and the envelope it covers in WGS84 lon/lat. Tiles are <see cref="SizePixels"/> screen
/// pixels wide, so tile zoom z shows the ground at the resolution of 256-pixel zoom z + 1.
/// </summary>
internal readonly record struct TileAddress(int Z, int X, int Y)
{
    /// <summary>Deepest zoom served.</summary>
    public const int MaxZoom = 22;

    /// <summary>Screen pixels across a tile (OpenLayers' default vector tile grid).</summary>
    public const int SizePixels = 512;

    /// <summary>Whether the address names a tile of the grid.</summary>
    public bool IsValid => Z is >= 0 and <= MaxZoom && X >= 0 && Y >= 0 && X < (1L << Z) && Y < (1L << Z);

    /// <summary>The 256-pixel zoom whose pixel is this tile's pixel (for simplification and thinning).</summary>
    public int PixelZoom => Z + 1;

    /// <summary>The tile's envelope in WGS84 degrees.</summary>
    public Envelope Envelope()
    {
        var n = Math.Pow(2, Z);
        return new Envelope((X / n * 360) - 180, ((X + 1) / n * 360) - 180, Latitude(Y + 1, n), Latitude(Y, n));
    }

    /// <summary>The envelope grown by <paramref name="pixels"/> screen pixels on every side (symbols drawn across tile edges).</summary>
    public Envelope Buffered(double pixels)
    {
        var e = Envelope();
        var dx = e.Width * pixels / SizePixels;
        var dy = e.Height * pixels / SizePixels;
        return new Envelope(e.MinX - dx, e.MaxX + dx, Math.Max(e.MinY - dy, -85.06), Math.Min(e.MaxY + dy, 85.06));
    }

    /// <summary>The x and y of the tile of zoom <paramref name="z"/> holding a lon/lat point (clamped to the grid).</summary>
    public static (int X, int Y) Containing(double lon, double lat, int z)
    {
        var n = Math.Pow(2, z);
        var rad = Math.Clamp(lat, -85.05, 85.05) * Math.PI / 180;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(rad) + (1 / Math.Cos(rad))) / Math.PI)) / 2 * n);
        var last = (1 << z) - 1;
        return (Math.Clamp(x, 0, last), Math.Clamp(y, 0, last));
    }

    private static double Latitude(int y, double n) => Math.Atan(Math.Sinh(Math.PI * (1 - (2 * y / n)))) * 180 / Math.PI;
}
