namespace SoTTTT.Core.Crs;

/// <summary>
/// Chooses the VN-2000 TM-3 zone a dataset in lon/lat is analysed in, from the national table of Circular
/// 973/2001/TT-TCĐC (<see cref="VnProvinceZones"/>): a dataset of one province takes that province's zone, found by the
/// province's code in the national list or its name, else by the data's centre; data of several provinces take the
/// table's meridian nearest to their median longitude (their areas and lengths per unit are then scaled to each unit's
/// own province zone, see <c>UnitZoneScale</c>). Also says how far data lie from a zone's meridian and whether a zone's
/// EPSG area of use (the provinces using its meridian) holds them.
/// </summary>
public static class AnalysisZone
{
    /// <summary>
    /// Half the width of a TM-3 zone, degrees: beyond this from the central meridian a TM-3 grid stretches distances by
    /// more than ≈ 0.03 % at Vietnam's latitudes (scale ≈ k0 (1 + Δλ² cos²φ / 2)), so the loader warns.
    /// </summary>
    public const double MaxOffMeridianDeg = 1.5;

    /// <summary>Chooses the analysis zone for data in lon/lat.</summary>
    /// <param name="provinces">Code and name of every province-level unit of the dataset (may be empty).</param>
    /// <param name="medianLonDeg">Median longitude of the data (WGS84 degrees), when any position is known.</param>
    /// <param name="medianLatDeg">Median latitude of the data (WGS84 degrees), when any position is known.</param>
    public static ZoneChoice Choose(IReadOnlyList<(string Code, string Name)> provinces, double? medianLonDeg, double? medianLatDeg)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        // With several provinces the centre of all of them says nothing about one.
        var found = provinces.Select(p => provinces.Count == 1 ? Find(p.Code, p.Name, medianLonDeg, medianLatDeg) : Find(p.Code, p.Name)).ToList();
        var meridians = found.Where(f => f.Province is not null).Select(f => f.Province!.CentralMeridianDeg).Distinct().ToList();
        if (provinces.Count > 0 && found.All(f => f.Province is not null) && meridians.Count == 1)
        {
            var (province, basis) = found[0];
            return new ZoneChoice(CrsRegistry.Tm3(province!.CentralMeridianDeg), basis, provinces.Count == 1 ? province : null);
        }

        if (meridians.Count > 1 && medianLonDeg is { } lon)
        {
            return new ZoneChoice(CrsRegistry.Tm3NearestTo(lon), "median_longitude", null);
        }

        if (medianLonDeg is { } x && medianLatDeg is { } y)
        {
            var nearest = VnProvinceZones.NearestTo(x, y);
            return new ZoneChoice(CrsRegistry.Tm3(nearest.CentralMeridianDeg), "data_centre", nearest);
        }

        return new ZoneChoice(CrsRegistry.Tm3(105.5), "default", null);
    }

    /// <summary>
    /// Farthest the data's centre may lie from the reference point of the province its code or name points at, degrees
    /// (about 220 km, more than any province's half-width): farther, the code or name is taken to be someone else's
    /// numbering (synthetic or local codes) and the data's position decides.
    /// </summary>
    public const double MaxProvinceOffsetDeg = 2;

    /// <summary>
    /// A province of the national table by its code in the national list, else by its name, when the data's position
    /// (WGS84 degrees, if known) lies within <see cref="MaxProvinceOffsetDeg"/> of it; null otherwise.
    /// </summary>
    public static (VnProvinceZone? Province, string Basis) Find(string? code, string? name, double? lonDeg = null, double? latDeg = null)
    {
        bool Plausible(VnProvinceZone p) =>
            lonDeg is not { } x || latDeg is not { } y ||
            Math.Sqrt(Math.Pow((p.ReferenceLonDeg - x) * Math.Cos(y * Math.PI / 180), 2) + Math.Pow(p.ReferenceLatDeg - y, 2)) <= MaxProvinceOffsetDeg;

        if (code is not null && VnProvinceZones.TryFindByCode(code, out var byCode) && Plausible(byCode))
        {
            return (byCode, "province_code");
        }

        return name is not null && VnProvinceZones.TryFind(name, out var byName) && Plausible(byName) ? (byName, "province_name") : (null, string.Empty);
    }

    /// <summary>
    /// Whether the EPSG area of use of a VN-2000 CRS holds data of the given provinces: for a TM-3 zone the provinces
    /// using its meridian (EPSG lists them, see the national table), for UTM 48N / 49N the part of Vietnam west / east
    /// of 108°E (by each province's reference point). A CRS without an EPSG code claims no area of use.
    /// </summary>
    public static bool AreaOfUseHolds(CrsDefinition crs, IEnumerable<VnProvinceZone> provinces)
    {
        ArgumentNullException.ThrowIfNull(crs);
        ArgumentNullException.ThrowIfNull(provinces);
        if (crs.Epsg is null || crs.IsGeographic)
        {
            return true;
        }

        return crs.Epsg switch
        {
            3405 => provinces.All(p => p.ReferenceLonDeg < 108),
            3406 => provinces.All(p => p.ReferenceLonDeg >= 108),
            _ => provinces.All(p => Math.Abs(p.CentralMeridianDeg - crs.CentralMeridianDeg!.Value) < 1e-9),
        };
    }
}
