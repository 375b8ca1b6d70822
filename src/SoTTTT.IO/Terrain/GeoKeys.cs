using System.Globalization;
using BitMiracle.LibTiff.Classic;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Terrain;

/// <summary>
/// The GeoKeyDirectory of a GeoTIFF (OGC 19-008r4, §7.1.3): short keys held in the directory itself, double keys in
/// GeoDoubleParams, text keys in GeoAsciiParams; and the CRS they describe, among those SoTTTT knows.
/// </summary>
internal sealed class GeoKeys
{
    private readonly Dictionary<ushort, ushort> _shorts = [];
    private readonly Dictionary<ushort, double[]> _doubles = [];

    private GeoKeys()
    {
    }

    /// <summary>The keys of <paramref name="tif"/>, or null when it has no GeoKeyDirectory.</summary>
    public static GeoKeys? Read(Tiff tif, string file, List<ValidationProblem> problems)
    {
        var field = tif.GetField(GeoTiffTags.GeoKeyDirectory);
        if (field is not { Length: >= 2 })
        {
            return null;
        }

        var directory = field[1].ToUShortArray() ?? [];
        if (directory.Length < 4 || directory[0] != 1 || directory.Length < 4 + (4 * directory[3]))
        {
            problems.Add(GeoTiffReader.Problem(ProblemCodes.DemUnsupported, file, GeoTiffTags.Name(GeoTiffTags.GeoKeyDirectory), "the key directory is malformed or of an unknown version"));
            return null;
        }

        var doubleField = tif.GetField(GeoTiffTags.GeoDoubleParams);
        var doubles = doubleField is { Length: >= 2 } ? doubleField[1].ToDoubleArray() : [];
        var keys = new GeoKeys();
        for (var k = 0; k < directory[3]; k++)
        {
            var id = directory[4 + (4 * k)];
            var location = directory[5 + (4 * k)];
            var count = directory[6 + (4 * k)];
            var value = directory[7 + (4 * k)];
            if (location == 0)
            {
                keys._shorts[id] = value;
            }
            else if (location == (ushort)GeoTiffTags.GeoDoubleParams && count >= 1 && value + count <= doubles.Length)
            {
                keys._doubles[id] = doubles[value..(value + count)];
            }
        }

        return keys;
    }

    /// <summary>A short key's value, or null.</summary>
    public ushort? Get(ushort key) => _shorts.TryGetValue(key, out var v) ? v : null;

    /// <summary>A double key's value, or null.</summary>
    public double? GetDouble(ushort key) => _doubles.TryGetValue(key, out var v) ? v[0] : null;

    /// <summary>The CRS the keys describe, or null after adding a problem.</summary>
    public CrsDefinition? Crs(string file, List<ValidationProblem> problems)
    {
        var model = Get(GeoTiffTags.GTModelTypeGeoKey);
        switch (model)
        {
            case GeoTiffTags.ModelTypeGeographic:
                return Geographic(file, problems);
            case GeoTiffTags.ModelTypeProjected:
                return Projected(file, problems);
            case null:
                problems.Add(Problem(ProblemCodes.DemNoCrs, file, "GTModelTypeGeoKey (1024)", "the GeoKeyDirectory does not say whether the raster is geographic or projected"));
                return null;
            default:
                problems.Add(Problem(ProblemCodes.DemUnsupported, file, "GTModelTypeGeoKey (1024)", $"model type {model}; supported: 1 (projected), 2 (geographic)"));
                return null;
        }
    }

    private CrsDefinition? Geographic(string file, List<ValidationProblem> problems)
    {
        if (Get(GeoTiffTags.GeogAngularUnitsGeoKey) is { } unit && unit != GeoTiffTags.AngularDegree)
        {
            problems.Add(Problem(ProblemCodes.DemUnsupported, file, "GeogAngularUnitsGeoKey (2054)", $"angular unit {unit}; supported: 9102 (degree)"));
            return null;
        }

        var isVn2000 = Datum(file, problems);
        return isVn2000 switch
        {
            null => null,
            true => CrsRegistry.Vn2000,
            false => CrsRegistry.Wgs84,
        };
    }

    /// <summary>True for VN-2000, false for WGS84, null after adding a problem.</summary>
    private bool? Datum(string file, List<ValidationProblem> problems)
    {
        var code = Get(GeoTiffTags.GeographicTypeGeoKey);
        switch (code)
        {
            case 4326:
                return false;
            case 4756:
                return true;
            case null or GeoTiffTags.UserDefined:
                var datum = Get(GeoTiffTags.GeogGeodeticDatumGeoKey);
                if (datum == GeoTiffTags.DatumWgs84)
                {
                    return false;
                }

                if (datum == GeoTiffTags.DatumVn2000)
                {
                    return true;
                }

                // A user-defined datum on the WGS84 ellipsoid (as GDAL writes a PROJ string with +towgs84): VN-2000 when
                // its TOWGS84 are the seven parameters of Decision 05/2007/QĐ-BTNMT, WGS84 when they are zero.
                if (datum == GeoTiffTags.UserDefined && _doubles.TryGetValue(GeoTiffTags.GeogTOWGS84GeoKey, out var shift) && OnWgs84Ellipsoid())
                {
                    if (shift.All(v => v == 0))
                    {
                        return false;
                    }

                    var vn2000 = CrsWkt.Vn2000ToWgs84.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                    if (shift.Length == 7 && shift.Zip(vn2000).All(p => Math.Abs(p.First - p.Second) < 1e-6))
                    {
                        return true;
                    }
                }

                if (code is null && datum is null)
                {
                    problems.Add(Problem(ProblemCodes.DemNoCrs, file, "GeographicTypeGeoKey (2048)", "no geographic CRS or datum is given"));
                }
                else
                {
                    problems.Add(Problem(ProblemCodes.DemUnsupported, file, "GeogGeodeticDatumGeoKey (2050)", $"datum {datum?.ToString(CultureInfo.InvariantCulture) ?? "missing"}; supported: 6326 (WGS84), 6756 (VN-2000)"));
                }

                return null;
            default:
                problems.Add(Problem(ProblemCodes.DemUnsupported, file, "GeographicTypeGeoKey (2048)", $"geographic CRS EPSG:{code}; supported: 4326 (WGS84), 4756 (VN-2000)"));
                return null;
        }
    }

    private CrsDefinition? Projected(string file, List<ValidationProblem> problems)
    {
        var code = Get(GeoTiffTags.ProjectedCSTypeGeoKey);
        if (code is { } epsg and not GeoTiffTags.UserDefined)
        {
            if (CrsRegistry.FromEpsg(epsg) is { IsGeographic: false } known)
            {
                return known;
            }

            if (epsg is >= 32601 and <= 32660)
            {
                return CrsRegistry.Wgs84Utm(epsg - 32600);
            }

            problems.Add(Problem(ProblemCodes.DemUnsupported, file, "ProjectedCSTypeGeoKey (3072)", $"projected CRS EPSG:{epsg}; supported: WGS 84 / UTM north (32601–32660) and the VN-2000 codes 3405, 3406, 5896–5899, 9205–9218"));
            return null;
        }

        if (Get(GeoTiffTags.ProjLinearUnitsGeoKey) is { } unit && unit != GeoTiffTags.LinearMetre)
        {
            problems.Add(Problem(ProblemCodes.DemUnsupported, file, "ProjLinearUnitsGeoKey (3076)", $"linear unit {unit}; supported: 9001 (metre)"));
            return null;
        }

        var isVn2000 = Datum(file, problems);
        if (isVn2000 is null)
        {
            return null;
        }

        double? centralMeridian, scale, falseEasting, falseNorthing, latitudeOfOrigin;
        if (Get(GeoTiffTags.ProjectionGeoKey) is { } projection and >= 16001 and <= 16060)
        {
            // EPSG projection codes 16001–16060: UTM zones 1–60 north.
            centralMeridian = (6 * (projection - 16000)) - 183;
            (scale, falseEasting, falseNorthing, latitudeOfOrigin) = (CrsRegistry.UtmScaleFactor, CrsRegistry.FalseEastingM, 0, 0);
        }
        else if (Get(GeoTiffTags.ProjCoordTransGeoKey) == GeoTiffTags.TransverseMercator)
        {
            centralMeridian = GetDouble(GeoTiffTags.ProjNatOriginLongGeoKey) ?? GetDouble(GeoTiffTags.ProjCenterLongGeoKey);
            scale = GetDouble(GeoTiffTags.ProjScaleAtNatOriginGeoKey);
            falseEasting = GetDouble(GeoTiffTags.ProjFalseEastingGeoKey) ?? 0;
            falseNorthing = GetDouble(GeoTiffTags.ProjFalseNorthingGeoKey) ?? 0;
            latitudeOfOrigin = GetDouble(GeoTiffTags.ProjNatOriginLatGeoKey) ?? 0;
        }
        else
        {
            problems.Add(code is null && Get(GeoTiffTags.ProjCoordTransGeoKey) is null
                ? Problem(ProblemCodes.DemNoCrs, file, "ProjectedCSTypeGeoKey (3072)", "no projected CRS is given")
                : Problem(ProblemCodes.DemUnsupported, file, "ProjCoordTransGeoKey (3075)", $"projection {Get(GeoTiffTags.ProjCoordTransGeoKey)?.ToString(CultureInfo.InvariantCulture) ?? "missing"}; supported: 1 (transverse Mercator)"));
            return null;
        }

        if (centralMeridian is { } cm && scale is { } k && falseEasting == CrsRegistry.FalseEastingM && falseNorthing == 0 && latitudeOfOrigin == 0 && cm is >= 0 and <= 180)
        {
            if (isVn2000.Value && k == CrsRegistry.Tm3ScaleFactor)
            {
                return CrsRegistry.Tm3(cm);
            }

            if (isVn2000.Value && k == CrsRegistry.UtmScaleFactor && cm is 105 or 111)
            {
                return cm == 105 ? CrsRegistry.Utm48 : CrsRegistry.Utm49;
            }

            var zone = (cm + 183) / 6;
            if (!isVn2000.Value && k == CrsRegistry.UtmScaleFactor && zone == Math.Floor(zone))
            {
                return CrsRegistry.Wgs84Utm((int)zone);
            }
        }

        problems.Add(Problem(
            ProblemCodes.DemUnsupported,
            file,
            "ProjNatOriginLongGeoKey/ProjScaleAtNatOriginGeoKey (3080/3092)",
            string.Create(CultureInfo.InvariantCulture, $"transverse Mercator with central meridian {centralMeridian}, k0 {scale}, false easting {falseEasting}, false northing {falseNorthing}: not a VN-2000 TM-3 or UTM zone, nor WGS 84 / UTM")));
        return null;
    }

    private bool OnWgs84Ellipsoid() =>
        Get(GeoTiffTags.GeogEllipsoidGeoKey) == GeoTiffTags.EllipsoidWgs84
        || (GetDouble(GeoTiffTags.GeogSemiMajorAxisGeoKey) == 6_378_137 && GetDouble(GeoTiffTags.GeogInvFlatteningGeoKey) is { } f && Math.Abs(f - 298.257223563) < 1e-9);

    private static ValidationProblem Problem(string code, string file, string key, string message) =>
        GeoTiffReader.Problem(code, file, key, message);
}
