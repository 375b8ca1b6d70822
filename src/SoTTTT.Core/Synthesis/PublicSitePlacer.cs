using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Public sites of the mountain profile (<c>public_sites.csv</c>): the office of every commune's People's Committee at
/// its centre, a site for each commune post-culture point (the postal point's own position), and a commune radio
/// station in all but the most remote communes (<see cref="SynthOptions.RadioStationCommunes"/>; Điện Biên: 108 of 129).
/// Ids <c>PS0001</c>… in commune code order, office, post-culture point, radio station.
/// </summary>
internal static class PublicSitePlacer
{
    public static void Place(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.PublicSites);
        var radio = world.Communes
            .OrderBy(c => c.Remoteness).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(world.Options.RadioStationCommunes)
            .ToHashSet();
        var postal = world.PostalPoints.Where(p => p.Kind == PostalKind.CommunePostCulture).ToLookup(p => p.AdminCode, StringComparer.Ordinal);
        var sites = new List<(PublicSiteKind Kind, Coordinate At, SynthCommune Commune, string Name)>();
        foreach (var commune in world.Communes.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var lower = VietnameseNames.Lower(commune.Name);
            var taken = postal[commune.Code].Select(p => p.Location.Coordinate).ToList();
            var office = Apart(commune.Near(random, commune.Centre, 40), taken);
            taken.Add(office);
            sites.Add((PublicSiteKind.CommuneOffice, office, commune, "Trụ sở UBND " + lower));
            foreach (var point in postal[commune.Code])
            {
                sites.Add((PublicSiteKind.CommunePostCulture, point.Location.Coordinate, commune, point.Name ?? "Điểm Bưu điện – Văn hóa " + lower));
            }

            if (radio.Contains(commune))
            {
                sites.Add((PublicSiteKind.RadioStation, Apart(commune.Near(random, commune.Centre, 80), taken), commune, "Đài truyền thanh " + lower));
            }
        }

        for (var i = 0; i < sites.Count; i++)
        {
            var (kind, at, commune, name) = sites[i];
            world.PublicSites.Add(new PublicSite(SynthWorld.Id("PS", i + 1, sites.Count), world.CreatePoint(at), kind, name, commune.Code, null));
        }
    }

    /// <summary>
    /// <paramref name="at"/>, moved east in 30 m steps while it lies within 25 m of a site already placed: near a commune
    /// centre that lies off the commune's own polygon, <see cref="SynthCommune.Near"/> falls back to the centre itself,
    /// where another site may stand, and each site is a building of its own.
    /// </summary>
    private static Coordinate Apart(Coordinate at, List<Coordinate> taken)
    {
        var c = at;
        while (taken.Exists(t => t.Distance(c) < 25))
        {
            c = new Coordinate(c.X + 30, c.Y);
        }

        return c;
    }
}
