using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// Areas and lengths of each admin unit as measured in its own province's VN-2000 TM-3 zone (Circular 973/2001), the
/// figures official statistics use, when the dataset is analysed in another zone (data of several provinces). A unit's
/// province is its province-level ancestor, found in the national table by code or name, else the province whose
/// reference point is nearest to that ancestor's (or the unit's) centroid. The factor is the ratio of the two zones'
/// point scale factors at the unit's centroid, measured on 1 km steps east and north; transverse Mercator is conformal,
/// so a length scales by it and an area by its square. Across a province 1° wide the ratio varies by less than
/// 0.005 % of an area. Thread-safe after construction.
/// </summary>
public sealed class UnitZoneScale
{
    private readonly Dictionary<string, double> lengthFactorByCode = new(StringComparer.Ordinal);

    public UnitZoneScale(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Crs.IsGeographic)
        {
            return;
        }

        var toWgs84 = new Lazy<CoordinateTransformer>(() => CoordinateTransformer.Create(dataset.Crs, CrsRegistry.Wgs84));
        var zoneByProvince = new Dictionary<string, CrsDefinition?>(StringComparer.Ordinal);
        var transformers = new Dictionary<string, CoordinateTransformer>(StringComparer.Ordinal);
        foreach (var unit in dataset.AdminUnits)
        {
            var province = dataset.Hierarchy.SelfAndAncestors(unit.Code).FirstOrDefault(u => u.Level == AdminLevel.Province);
            var anchor = province ?? unit;
            if (!zoneByProvince.TryGetValue(anchor.Code, out var zone))
            {
                zoneByProvince[anchor.Code] = zone = ZoneOf(anchor, toWgs84);
            }

            if (zone is null || SameZone(zone, dataset.Crs) || unit.Boundary is not { IsEmpty: false } boundary)
            {
                continue;
            }

            if (!transformers.TryGetValue(zone.Name, out var toZone))
            {
                transformers[zone.Name] = toZone = CoordinateTransformer.Create(dataset.Crs, zone);
            }

            lengthFactorByCode[unit.Code] = Factor(boundary.Centroid.Coordinate, toZone);
        }
    }

    /// <summary>Length in the unit's own province zone ÷ length in the analysis CRS (1 when they are the same zone or unknown).</summary>
    public double LengthFactor(AdminUnit? unit) => unit is not null && lengthFactorByCode.TryGetValue(unit.Code, out var f) ? f : 1;

    /// <summary>Area in the unit's own province zone ÷ area in the analysis CRS.</summary>
    public double AreaFactor(AdminUnit? unit) => Math.Pow(LengthFactor(unit), 2);

    private static bool SameZone(CrsDefinition a, CrsDefinition b) =>
        a.CentralMeridianDeg == b.CentralMeridianDeg && a.ScaleFactor == b.ScaleFactor && a.IsVn2000 == b.IsVn2000 && a.IsGeographic == b.IsGeographic;

    private static CrsDefinition? ZoneOf(AdminUnit unit, Lazy<CoordinateTransformer> toWgs84)
    {
        double? lon = null, lat = null;
        if (unit.Boundary is { IsEmpty: false } boundary)
        {
            var c = boundary.Centroid.Coordinate;
            (var x, var y) = toWgs84.Value.Transform(c.X, c.Y);
            (lon, lat) = (x, y);
        }

        if (unit.Level == AdminLevel.Province && AnalysisZone.Find(unit.Code, unit.Name, lon, lat).Province is { } known)
        {
            return CrsRegistry.Tm3(known.CentralMeridianDeg);
        }

        return lon is { } lo && lat is { } la ? CrsRegistry.Tm3(VnProvinceZones.NearestTo(lo, la).CentralMeridianDeg) : null;
    }

    private static double Factor(Coordinate c, CoordinateTransformer toZone)
    {
        const double stepM = 1000;
        var (x0, y0) = toZone.Transform(c.X, c.Y);
        var (x1, y1) = toZone.Transform(c.X + stepM, c.Y);
        var (x2, y2) = toZone.Transform(c.X, c.Y + stepM);
        var east = Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0)));
        var north = Math.Sqrt(((x2 - x0) * (x2 - x0)) + ((y2 - y0) * (y2 - y0)));
        return (east + north) / (2 * stepM);
    }
}
