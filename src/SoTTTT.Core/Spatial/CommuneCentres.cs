using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// The one definition of a commune's centre that the indicators (fibre to the centre), coverage (communes covered) and
/// the plan (fibre to every commune centre) all use: the commune office (trụ sở UBND xã, a <c>public_sites.csv</c> row of
/// kind <c>commune_office</c>) when the dataset gives one — the place the departments' reports mean by "trung tâm xã" —,
/// else the interior point of the commune polygon (NetTopologySuite's <c>InteriorPoint</c>: a point inside the polygon,
/// near its centroid when the centroid lies inside). An office belongs to the commune its <c>commune_code</c> names, else
/// to the commune whose polygon holds it (<see cref="UnitLocator"/>); of several offices of one commune the first by id
/// counts. A commune with neither an office nor a polygon has no centre and is left out. Pure.
/// </summary>
public static class CommuneCentres
{
    /// <summary>The centre of every commune that has one, ordered by commune code.</summary>
    public static IReadOnlyList<CommuneCentre> Of(Dataset dataset, UnitLocator locator)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(locator);
        var offices = new Dictionary<string, PublicSite>(StringComparer.Ordinal);
        foreach (var site in dataset.PublicSites.Where(s => s.Kind == PublicSiteKind.CommuneOffice).OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            if (locator.Locate(site.Location, site.CommuneCode) is { Level: AdminLevel.Commune } commune)
            {
                offices.TryAdd(commune.Code, site);
            }
        }

        var centres = new List<CommuneCentre>();
        foreach (var unit in dataset.AdminUnits.Where(u => u.Level == AdminLevel.Commune).OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            if (offices.TryGetValue(unit.Code, out var office))
            {
                centres.Add(new CommuneCentre(unit, office.Location.Coordinate, office.Id));
            }
            else if (unit.Boundary is { IsEmpty: false } boundary)
            {
                centres.Add(new CommuneCentre(unit, boundary.InteriorPoint.Coordinate, null));
            }
        }

        return centres;
    }
}
