using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// The layers the yearly report needs besides the network (province profile only; the mountain profile places its own public sites): a commune office (trụ sở UBND), a
/// primary school and a clinic (trạm y tế) per commune; an exchange at each district seat and switching points
/// (Hải Dương 2019: 129, DOMAIN.md) at the offices of the most populous communes, with OLTs in the wards; subscriber
/// counts at the snapshot date from the published Hải Dương 2019 ratios (fixed phone, mobile, mobile broadband, fixed
/// broadband = 2.4 / 120 / 33.9 / 12.1 per 100 people) for the province, and fixed broadband per district and operator.
/// Draws only from its own stage, so the other layers are unchanged by it.
/// </summary>
internal static class ReportLayerPlacer
{
    /// <summary>The snapshot date of the sample province: the Hải Dương report it is calibrated to (2019).</summary>
    public const string SnapshotDate = "2019-12-31";

    private const int SwitchingPoints = 129;

    public static void Place(SynthWorld world)
    {
        if (world.IsNational || world.IsMountain)
        {
            return;
        }

        var random = world.StageRandom(SynthStage.ReportLayers);
        var offices = new Dictionary<SynthCommune, NetTopologySuite.Geometries.Coordinate>();
        var n = world.Communes.Count;
        for (var i = 0; i < n; i++)
        {
            var commune = world.Communes[i];
            var anchor = commune.Settlements.Count > 0 ? commune.Settlements.MaxBy(s => s.Population)!.Location : commune.Centre;
            var office = commune.Near(random, anchor, 150);
            offices[commune] = office;
            world.PublicSites.Add(new PublicSite(SynthWorld.Id("UB", i + 1, n), world.CreatePoint(office), PublicSiteKind.CommuneOffice, "Trụ sở UBND " + VietnameseNames.Lower(commune.Name), commune.Code, null));
            world.PublicSites.Add(new PublicSite(SynthWorld.Id("TH", i + 1, n), world.CreatePoint(commune.Near(random, office, 400)), PublicSiteKind.School, "Trường Tiểu học " + VietnameseNames.Short(commune.Name), commune.Code, SchoolLevel.Primary));
            world.PublicSites.Add(new PublicSite(SynthWorld.Id("YT", i + 1, n), world.CreatePoint(commune.Near(random, office, 300)), PublicSiteKind.Clinic, "Trạm Y tế " + VietnameseNames.Short(commune.Name), commune.Code, null));
        }

        var nodeId = 0;
        string NextId() => "N" + (++nodeId).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var region in world.Regions)
        {
            world.Nodes.Add(new NetworkNode(NextId(), world.CreatePoint(region.Communes[0].Near(random, region.Seat, 100)), NodeKind.Exchange, "VNPT", "Tổng đài " + VietnameseNames.Lower(region.Name)));
        }

        foreach (var commune in world.Communes.Where(c => !c.Remote).OrderByDescending(c => c.Population).ThenBy(c => c.Code, StringComparer.Ordinal).Take(SwitchingPoints).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            world.Nodes.Add(new NetworkNode(NextId(), world.CreatePoint(commune.Near(random, offices[commune], 60)), NodeKind.SwitchingPoint, "VNPT", "Điểm chuyển mạch " + VietnameseNames.Short(commune.Name)));
        }

        foreach (var commune in world.Communes.Where(c => c.Urban))
        {
            world.Nodes.Add(new NetworkNode(NextId(), world.CreatePoint(commune.Near(random, offices[commune], 300)), NodeKind.Olt, random.Chance(0.5) ? "Viettel" : "VNPT", null));
        }

        var population = world.Communes.Sum(c => c.Population);
        foreach (var (service, per100) in new[]
        {
            (SubscriberService.FixedPhone, 2.4), (SubscriberService.Mobile, 120.0), (SubscriberService.MobileBroadband, 33.9), (SubscriberService.FixedBroadband, 12.1),
        })
        {
            world.Subscribers.Add(new SubscriberCount("30", null, service, (long)Math.Round(per100 * population / 100), SnapshotDate));
        }

        foreach (var region in world.Regions)
        {
            var people = region.Communes.Sum(c => c.Population);
            var per100 = (region.Kind is RegionKind.City or RegionKind.Town ? 20.0 : 9.0) * (0.85 + (0.3 * random.NextDouble()));
            var total = per100 * people / 100;
            foreach (var (op, share) in new[] { ("FPT Telecom", 0.15), ("VNPT", 0.45), ("Viettel", 0.40) })
            {
                world.Subscribers.Add(new SubscriberCount(region.Code, op, SubscriberService.FixedBroadband, (long)Math.Round(total * share), SnapshotDate));
            }
        }
    }
}
