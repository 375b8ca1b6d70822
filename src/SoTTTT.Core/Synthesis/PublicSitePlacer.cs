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
        var sites = new List<(string Kind, Coordinate At, SynthCommune Commune, string Name)>();
        foreach (var commune in world.Communes.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var lower = VietnameseNames.Lower(commune.Name);
            sites.Add((SynthPublicSite.CommuneOffice, commune.Near(random, commune.Centre, 40), commune, "Trụ sở UBND " + lower));
            foreach (var point in postal[commune.Code])
            {
                sites.Add((SynthPublicSite.CommunePostCulture, point.Location.Coordinate, commune, point.Name ?? "Điểm Bưu điện – Văn hóa " + lower));
            }

            if (radio.Contains(commune))
            {
                sites.Add((SynthPublicSite.RadioStation, commune.Near(random, commune.Centre, 80), commune, "Đài truyền thanh " + lower));
            }
        }

        for (var i = 0; i < sites.Count; i++)
        {
            var (kind, at, commune, name) = sites[i];
            world.PublicSites.Add(new SynthPublicSite(SynthWorld.Id("PS", i + 1, sites.Count), world.CreatePoint(at), kind, commune.Code, name));
        }
    }
}
