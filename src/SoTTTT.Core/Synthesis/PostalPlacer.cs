using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Places postal service points: level-1 post offices at provincial seats, level-2 at district (or large town)
/// seats, level-3 in populous communes, commune post-culture points in rural communes, agents, kiosks and letter
/// boxes mostly in towns. The most remote communes get none, so access gaps exist.
/// </summary>
internal static class PostalPlacer
{
    private const string VnPost = "VNPost";
    private const string ViettelPost = "Viettel Post";

    public static void Place(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Postal);
        var options = world.Options;
        var communes = world.Communes;
        var points = new List<(PostalKind Kind, SynthCommune Commune, Coordinate At, string Name, string Operator)>();
        var hasOffice = new HashSet<SynthCommune>();
        string Short(SynthCommune c) => VietnameseNames.Short(c.Name);

        var seatCommunes = world.Regions.Select(r => r.Communes[0]).ToList();
        foreach (var (region, commune) in world.Regions.Zip(seatCommunes).Take(options.PostOffices1))
        {
            hasOffice.Add(commune);
            var name = world.IsNational ? "Bưu điện " + VietnameseNames.Lower(region.Name) : "Bưu điện " + VietnameseNames.Lower(world.Options.ProvinceName.Replace(" (tổng hợp)", string.Empty, StringComparison.Ordinal));
            points.Add((PostalKind.PostOffice1, commune, commune.Near(random, region.Seat, 150), name, VnPost));
        }

        var level2 = seatCommunes.Where(c => !hasOffice.Contains(c)).Take(options.PostOffices2).ToList();
        level2.AddRange(Pick(random, communes, c => hasOffice.Contains(c) || level2.Contains(c) || c.Remote ? 0 : c.Population * (c.Urban ? 3.0 : 1.0), 1, options.PostOffices2 - level2.Count));
        foreach (var commune in level2)
        {
            hasOffice.Add(commune);
            var name = commune.Region is { Kind: not RegionKind.Province } region && commune == region.Communes[0]
                ? "Bưu điện " + VietnameseNames.Lower(region.Name)
                : "Bưu điện " + Short(commune);
            points.Add((PostalKind.PostOffice2, commune, commune.Near(random, commune.Centre, 200), name, VnPost));
        }

        foreach (var commune in Pick(random, communes, c => c.Urban || c.Remote ? 0 : 1.0 / (0.15 + c.Remoteness), world.IsNational ? 4 : 1, options.CommunePostCulturePoints))
        {
            var anchor = world.IsNational ? random.Pick(commune.Settlements).Location : commune.Centre;
            points.Add((PostalKind.CommunePostCulture, commune, commune.Near(random, anchor, 150), "Điểm Bưu điện – Văn hóa xã " + Short(commune), VnPost));
        }

        var served = points.Select(p => p.Commune).ToHashSet();
        foreach (var commune in Pick(random, communes, c => hasOffice.Contains(c) || c.Remote ? 0 : c.Population * (c.Urban ? 2.0 : 1.0) * (served.Contains(c) ? 1.0 : 6.0), world.IsNational ? 2 : 1, options.PostOffices3))
        {
            points.Add((PostalKind.PostOffice3, commune, commune.Near(random, commune.Centre, 300), "Bưu cục " + Short(commune), VnPost));
        }

        served.UnionWith(points.Select(p => p.Commune));
        foreach (var commune in Pick(random, communes, c => c.Remote ? 0 : c.Population * (c.Urban ? 2.0 : 1.0) * (served.Contains(c) ? 1.0 : 4.0), world.IsNational ? 6 : 3, options.Agents))
        {
            var op = random.Chance(0.6) ? VnPost : ViettelPost;
            var anchor = PopulousSettlement(random, commune);
            var name = (op == VnPost ? "Đại lý bưu điện " : "Đại lý Viettel Post ") + Short(commune);
            points.Add((PostalKind.Agent, commune, commune.Near(random, anchor, 150), name, op));
        }

        foreach (var commune in Pick(random, communes, c => c.Urban ? c.Population : 0, 2, options.Kiosks))
        {
            var op = random.Chance(0.5) ? VnPost : ViettelPost;
            points.Add((PostalKind.Kiosk, commune, commune.Near(random, commune.Centre, 400), "Ki-ốt bưu chính " + Short(commune), op));
        }

        foreach (var commune in Pick(random, communes, c => c.Urban ? c.Population : c.Remote ? 0 : c.Population * 0.1, 3, options.LetterBoxes))
        {
            var anchor = PopulousSettlement(random, commune);
            points.Add((PostalKind.LetterBox, commune, commune.Near(random, anchor, 100), "Thùng thư công cộng " + Short(commune), VnPost));
        }

        var ordered = points
            .Select((p, i) => (Point: p, Index: i))
            .OrderBy(p => p.Point.Kind)
            .ThenBy(p => p.Point.Commune.Code, StringComparer.Ordinal)
            .ThenBy(p => p.Index)
            .ToList();
        var total = ordered.Count;
        for (var i = 0; i < ordered.Count; i++)
        {
            var (kind, commune, at, name, op) = ordered[i].Point;
            world.PostalPoints.Add(new PostalPoint(SynthWorld.Id("P", i + 1, total), world.CreatePoint(at), name, kind, op, commune.Code));
        }
    }

    /// <summary>
    /// <paramref name="count"/> communes drawn by weight, each at most <paramref name="cap"/> times (a later slot of
    /// a commune weighs less), in code order.
    /// </summary>
    private static List<SynthCommune> Pick(Random random, List<SynthCommune> communes, Func<SynthCommune, double> weight, int cap, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var slots = new List<(SynthCommune Commune, double Weight)>();
        foreach (var commune in communes)
        {
            var w = weight(commune);
            for (var s = 0; s < cap; s++)
            {
                slots.Add((commune, w * Math.Pow(0.6, s)));
            }
        }

        return [.. random.SampleWithoutReplacement([.. slots.Select(s => s.Weight)], count).Select(i => slots[i].Commune)];
    }

    private static Coordinate PopulousSettlement(Random random, SynthCommune commune)
    {
        if (commune.Settlements.Count == 0)
        {
            return commune.Centre;
        }

        var index = random.PickWeighted([.. commune.Settlements.Select(s => (double)s.Population)]);
        return commune.Settlements[index].Location;
    }
}
