namespace SoTTTT.Core.Crs;

/// <summary>
/// One province (tỉnh / thành phố trực thuộc trung ương) of the national VN-2000 TM-3 table and the
/// central meridian of its local zone (Circular 973/2001/TT-TCĐC).
/// </summary>
/// <param name="Name">Official Vietnamese name with diacritics, e.g. <c>Hải Dương</c>.</param>
/// <param name="CentralMeridianDeg">Central meridian of the province's TM-3 zone in decimal degrees east.</param>
public sealed record VnProvinceZone(string Name, double CentralMeridianDeg);
