namespace SoTTTT.Core.Crs;

/// <summary>
/// One province (tỉnh / thành phố trực thuộc trung ương) of the national VN-2000 TM-3 table and the
/// central meridian of its local zone (Circular 973/2001/TT-TCĐC).
/// </summary>
/// <param name="Name">Official Vietnamese name with diacritics, e.g. <c>Hải Dương</c>.</param>
/// <param name="CentralMeridianDeg">Central meridian of the province's TM-3 zone in decimal degrees east.</param>
public sealed record VnProvinceZone(string Name, double CentralMeridianDeg)
{
    /// <summary>Two-digit code in the national list of administrative units (e.g. <c>30</c> for Hải Dương).</summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>Longitude (WGS84, degrees east) of a point near the province's middle.</summary>
    public double ReferenceLonDeg { get; init; }

    /// <summary>Latitude (WGS84, degrees north) of a point near the province's middle.</summary>
    public double ReferenceLatDeg { get; init; }
}
