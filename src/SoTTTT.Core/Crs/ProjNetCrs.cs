using ProjNet.CoordinateSystems;

namespace SoTTTT.Core.Crs;

/// <summary>Builds ProjNet coordinate systems for <see cref="CrsDefinition"/>s. Every call returns new objects.</summary>
internal static class ProjNetCrs
{
    /// <summary>The geographic (lon/lat degrees) or transverse Mercator CRS.</summary>
    public static CoordinateSystem Build(CrsDefinition crs, Wgs84ConversionInfo vn2000ToWgs84)
    {
        var factory = new CoordinateSystemFactory();
        var geographic = Geographic(factory, crs.IsVn2000, vn2000ToWgs84);
        if (crs.IsGeographic)
        {
            return geographic;
        }

        var parameters = new List<ProjectionParameter>
        {
            new("latitude_of_origin", 0),
            new("central_meridian", crs.CentralMeridianDeg ?? throw new ArgumentException("A projected CRS needs a central meridian.", nameof(crs))),
            new("scale_factor", crs.ScaleFactor ?? throw new ArgumentException("A projected CRS needs a scale factor.", nameof(crs))),
            new("false_easting", crs.FalseEastingM),
            new("false_northing", 0),
        };
        var projection = factory.CreateProjection(crs.Name, "Transverse_Mercator", parameters);
        return factory.CreateProjectedCoordinateSystem(
            crs.Name,
            geographic,
            projection,
            LinearUnit.Metre,
            new AxisInfo("East", AxisOrientationEnum.East),
            new AxisInfo("North", AxisOrientationEnum.North));
    }

    /// <summary>The lon/lat CRS of the datum a CRS is based on.</summary>
    public static GeographicCoordinateSystem BuildGeographic(CrsDefinition crs, Wgs84ConversionInfo vn2000ToWgs84) =>
        Geographic(new CoordinateSystemFactory(), crs.IsVn2000, vn2000ToWgs84);

    /// <summary>The geocentric (earth-centred X, Y, Z metres) CRS of the datum a CRS is based on.</summary>
    public static GeocentricCoordinateSystem BuildGeocentric(CrsDefinition crs, Wgs84ConversionInfo vn2000ToWgs84)
    {
        var factory = new CoordinateSystemFactory();
        return factory.CreateGeocentricCoordinateSystem(
            crs.IsVn2000 ? "VN-2000 geocentric" : "WGS 84 geocentric",
            Datum(factory, crs.IsVn2000, vn2000ToWgs84),
            LinearUnit.Metre,
            PrimeMeridian.Greenwich);
    }

    private static GeographicCoordinateSystem Geographic(CoordinateSystemFactory factory, bool isVn2000, Wgs84ConversionInfo vn2000ToWgs84) =>
        factory.CreateGeographicCoordinateSystem(
            isVn2000 ? "VN-2000" : "WGS 84",
            AngularUnit.Degrees,
            Datum(factory, isVn2000, vn2000ToWgs84),
            PrimeMeridian.Greenwich,
            new AxisInfo("Lon", AxisOrientationEnum.East),
            new AxisInfo("Lat", AxisOrientationEnum.North));

    private static HorizontalDatum Datum(CoordinateSystemFactory factory, bool isVn2000, Wgs84ConversionInfo vn2000ToWgs84) =>
        isVn2000
            ? factory.CreateHorizontalDatum("VN-2000", DatumType.HD_Geocentric, Ellipsoid.WGS84, vn2000ToWgs84)
            : factory.CreateHorizontalDatum("WGS 84", DatumType.HD_Geocentric, Ellipsoid.WGS84, new Wgs84ConversionInfo());
}
