namespace SoTTTT.Core.Crs;

/// <summary>
/// A coordinate reference system SoTTTT knows: WGS84 or VN-2000 geographic (degrees, x = longitude,
/// y = latitude), or a VN-2000 transverse Mercator zone (metres, x = easting, y = northing).
/// </summary>
/// <param name="Name">Canonical name, parseable by <see cref="CrsRegistry.Parse"/> (e.g. <c>VN2000:105.5</c>).</param>
/// <param name="IsGeographic">True for lon/lat in degrees.</param>
/// <param name="IsVn2000">True for the VN-2000 datum, false for WGS84.</param>
/// <param name="CentralMeridianDeg">Central meridian of a projected zone.</param>
/// <param name="ScaleFactor">k0 of a projected zone (0.9999 for TM-3, 0.9996 for UTM).</param>
/// <param name="FalseEastingM">False easting in metres (500 000 for every VN-2000 zone).</param>
/// <param name="Epsg">EPSG code where one exists.</param>
public sealed record CrsDefinition(
    string Name,
    bool IsGeographic,
    bool IsVn2000,
    double? CentralMeridianDeg,
    double? ScaleFactor,
    double FalseEastingM,
    int? Epsg);
