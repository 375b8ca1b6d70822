using SoTTTT.Cli.Viewer;

namespace SoTTTT.Tests.Support;

/// <summary>Web map tile arithmetic written from the OpenStreetMap wiki ("Slippy map tilenames"), independent of the viewer's.</summary>
internal static class Tiles
{
    /// <summary>The XYZ tile holding a lon/lat point at zoom <paramref name="z"/>.</summary>
    public static TileAddress At(double lon, double lat, int z)
    {
        var n = Math.Pow(2, z);
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var rad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(rad) + (1 / Math.Cos(rad))) / Math.PI)) / 2 * n);
        return new TileAddress(z, x, y);
    }
}
