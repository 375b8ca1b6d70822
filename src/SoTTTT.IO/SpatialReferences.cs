using SoTTTT.Core.Crs;

namespace SoTTTT.IO;

/// <summary>
/// Spatial reference ids for GeoPackage and PostGIS: the EPSG code where one exists; a VN-2000 TM-3 zone without one
/// gets <see cref="CustomBase"/> + its central meridian in hundredths of a degree (e.g. 910525 for 105.25°), under
/// the organisation <see cref="Organization"/>, within PostGIS's user range (≤ 998999).
/// </summary>
public static class SpatialReferences
{
    public const int CustomBase = 900_000;

    public const string Organization = "SOTTTT";

    public static int Srid(CrsDefinition crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        return crs.Epsg ?? CustomBase + (int)Math.Round(crs.CentralMeridianDeg!.Value * 100);
    }

    /// <summary>The CRS of a stored reference: by EPSG code, by our own id, else by its name (<c>VN2000:105.25</c>, <c>WGS 84</c>).</summary>
    public static CrsDefinition? Find(int srid, string? organization, string? name)
    {
        if (string.Equals(organization, "EPSG", StringComparison.OrdinalIgnoreCase) || organization is null)
        {
            if (CrsRegistry.FromEpsg(srid) is { } byCode)
            {
                return byCode;
            }
        }

        if (string.Equals(organization, Organization, StringComparison.OrdinalIgnoreCase) && srid > CustomBase && srid < CustomBase + 18_001)
        {
            return CrsRegistry.Tm3((srid - CustomBase) / 100.0);
        }

        return name is not null && CrsRegistry.TryParse(name, out var byName, out _) ? byName : null;
    }
}
