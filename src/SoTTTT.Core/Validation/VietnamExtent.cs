namespace SoTTTT.Core.Validation;

/// <summary>
/// A generous WGS84 box around Vietnam's territory, islands included (Hoàng Sa to 112.8°E, Trường Sa to
/// 117.3°E, Cà Mau cape 8.55°N, Lũng Cú 23.39°N). It catches wrong units, swapped axes and wrong CRS, not
/// the border: points just across it pass.
/// </summary>
public static class VietnamExtent
{
    public const double MinLon = 102.0;
    public const double MaxLon = 117.5;
    public const double MinLat = 6.0;
    public const double MaxLat = 23.5;

    public static bool Contains(double lon, double lat) => lon is >= MinLon and <= MaxLon && lat is >= MinLat and <= MaxLat;
}
