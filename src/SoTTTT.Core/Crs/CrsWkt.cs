using System.Globalization;

namespace SoTTTT.Core.Crs;

/// <summary>
/// OGC WKT 1 (OGC 01-009, as GeoPackage's <c>gpkg_spatial_ref_sys.definition</c> and PostGIS's <c>srtext</c> hold it)
/// and PROJ strings of the CRSs SoTTTT knows. VN-2000 carries its datum shift as TOWGS84 in the position-vector
/// convention GDAL and PROJ read there: the translations of Decision 05/2007/QĐ-BTNMT and its coordinate-frame
/// rotations with the opposite sign (see <see cref="Vn2000Datum"/>). EPSG authorities are written where codes exist.
/// </summary>
public static class CrsWkt
{
    private const string Spheroid = "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]]";
    private const string Degree = "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";

    /// <summary>The seven TOWGS84 numbers (metres, arc-seconds position vector, ppm) of VN-2000.</summary>
    public static string Vn2000ToWgs84 { get; } = string.Join(
        ',',
        new[] { Vn2000Datum.DxM, Vn2000Datum.DyM, Vn2000Datum.DzM, -Vn2000Datum.RxCoordinateFrameArcSec, -Vn2000Datum.RyCoordinateFrameArcSec, -Vn2000Datum.RzCoordinateFrameArcSec, Vn2000Datum.ScalePpm }
            .Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>A readable name: <c>WGS 84</c>, <c>VN-2000</c>, <c>VN-2000 / TM-3 105.5</c>, <c>VN-2000 / UTM zone 48N</c>, <c>WGS 84 / UTM zone 48N</c>.</summary>
    public static string Title(CrsDefinition crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (crs.IsGeographic)
        {
            return crs.IsVn2000 ? "VN-2000" : "WGS 84";
        }

        if (!crs.IsVn2000)
        {
            return $"WGS 84 / UTM zone {(int)Math.Round((crs.CentralMeridianDeg!.Value + 183) / 6)}N";
        }

        return crs.ScaleFactor == CrsRegistry.UtmScaleFactor
            ? $"VN-2000 / UTM zone {(crs.CentralMeridianDeg == 105 ? "48N" : "49N")}"
            : $"VN-2000 / TM-3 {Number(crs.CentralMeridianDeg!.Value)}";
    }

    /// <summary>The CRS as OGC WKT 1.</summary>
    public static string Wkt(CrsDefinition crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        var geographic = crs.IsVn2000
            ? $"GEOGCS[\"VN-2000\",DATUM[\"Vietnam_2000\",{Spheroid},TOWGS84[{Vn2000ToWgs84}],AUTHORITY[\"EPSG\",\"6756\"]],{Degree},AUTHORITY[\"EPSG\",\"4756\"]]"
            : $"GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",{Spheroid},AUTHORITY[\"EPSG\",\"6326\"]],{Degree},AUTHORITY[\"EPSG\",\"4326\"]]";
        if (crs.IsGeographic)
        {
            return geographic;
        }

        var authority = crs.Epsg is { } code ? $",AUTHORITY[\"EPSG\",\"{code}\"]" : string.Empty;
        return $"PROJCS[\"{Title(crs)}\",{geographic},PROJECTION[\"Transverse_Mercator\"]," +
            $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{Number(crs.CentralMeridianDeg!.Value)}]," +
            $"PARAMETER[\"scale_factor\",{Number(crs.ScaleFactor!.Value)}],PARAMETER[\"false_easting\",{Number(crs.FalseEastingM)}]," +
            $"PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]{authority}]";
    }

    /// <summary>The CRS as a PROJ string (PostGIS <c>proj4text</c>).</summary>
    public static string Proj(CrsDefinition crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        var datum = crs.IsVn2000 ? $"+ellps=WGS84 +towgs84={Vn2000ToWgs84}" : "+datum=WGS84";
        return crs.IsGeographic
            ? $"+proj=longlat {datum} +no_defs"
            : $"+proj=tmerc +lat_0=0 +lon_0={Number(crs.CentralMeridianDeg!.Value)} +k={Number(crs.ScaleFactor!.Value)} +x_0={Number(crs.FalseEastingM)} +y_0=0 {datum} +units=m +no_defs";
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
