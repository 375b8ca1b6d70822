using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Planning zones of the kinds provincial plans use (DOMAIN.md): A1-only areas (a 200 m radius in front of the
/// provincial People's Committee, the city core), a heritage area where no new bulky tower may go, and a
/// height-limited area.
/// </summary>
internal static class ZonePlacer
{
    public const string A1Only = "a1_only";
    public const string NoNewBulky = "no_new_bulky";
    public const string HeightLimit = "height_limit";
    public const string MaxHeightParameter = "max_height_m";

    public static void Place(SynthWorld world)
    {
        var random = world.StageRandom(SynthStage.Zones);
        var zones = new List<(string Kind, Geometry Area, string Name, double? MaxHeightM)>();
        var cityRegions = world.Regions.Where(r => r.Kind == RegionKind.City).ToList();

        for (var i = 0; i < world.Committees.Count; i++)
        {
            var committee = world.Committees[i];
            var unit = world.IsNational ? world.Regions[i].Name : "tỉnh";
            zones.Add((A1Only, world.Factory.CreatePoint(committee).Buffer(200, 16),
                $"Phạm vi bán kính 200 m trước trụ sở UBND {VietnameseNames.Lower(unit)}", null));
        }

        foreach (var city in cityRegions)
        {
            var radius = world.IsNational ? 2_500.0 : world.IsMountain ? 900.0 : 1_200.0;
            zones.Add((A1Only, Blob(random, world, city.Seat, radius),
                $"Khu vực trung tâm hành chính – chính trị {VietnameseNames.Lower(city.Name)}", null));
        }

        var heritageCount = world.IsNational ? 8 : 1;
        for (var i = 0; i < heritageCount; i++)
        {
            // Historic sites sit a few kilometres out of a town (province profile: the town, as Côn Sơn – Kiếp Bạc
            // lies out of Chí Linh; mountain profile: the provincial city, as the Điện Biên Phủ battlefield sites do).
            var anchor = world.IsNational ? world.Regions[random.Next(world.Regions.Count)].Seat : world.Regions[world.IsMountain ? 0 : 1].Seat;
            var centre = PointAround(random, world, anchor, 3_000, 5_000);
            zones.Add((NoNewBulky, Blob(random, world, centre, world.IsNational ? 2_000 : 1_500),
                $"Khu di tích lịch sử – văn hóa {VietnameseNames.TwoSyllable(random, [])} (khu vực bảo vệ)", null));
        }

        var heightCount = world.IsNational ? 10 : 1;
        for (var i = 0; i < heightCount; i++)
        {
            var anchor = world.Regions[world.IsNational ? random.Next(world.Regions.Count) : 0].Seat;
            // The mountain city's airport lies in its basin, a few kilometres from the centre.
            var centre = world.IsMountain ? PointAround(random, world, anchor, 2_500, 4_000) : PointAround(random, world, anchor, 7_000, 11_000);
            zones.Add((HeightLimit, Blob(random, world, centre, world.IsNational ? 4_000 : world.IsMountain ? 1_800 : 2_500),
                "Khu vực hạn chế chiều cao công trình (tĩnh không sân bay quân sự)", 45));
        }

        for (var i = 0; i < zones.Count; i++)
        {
            var (kind, area, name, maxHeight) = zones[i];
            IReadOnlyDictionary<string, string> parameters = maxHeight is { } h
                ? new Dictionary<string, string>(StringComparer.Ordinal) { [MaxHeightParameter] = h.ToString("0.##") }
                : new Dictionary<string, string>(StringComparer.Ordinal);
            area.Normalize();
            world.Zones.Add(new Zone("Z" + (i + 1).ToString("D2"), kind, area, name, parameters));
        }
    }

    /// <summary>A point inside the outline at a random distance in [min, max] metres from an anchor.</summary>
    private static Coordinate PointAround(Random random, SynthWorld world, Coordinate anchor, double minM, double maxM)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var theta = random.Uniform(0, 2 * Math.PI);
            var d = random.Uniform(minM, maxM);
            var c = new Coordinate(anchor.X + (d * Math.Cos(theta)), anchor.Y + (d * Math.Sin(theta)));
            if (world.InOutline(c))
            {
                return c;
            }
        }

        return anchor.Copy();
    }

    /// <summary>An irregular roundish polygon of about the given radius, clipped to the outline.</summary>
    private static Geometry Blob(Random random, SynthWorld world, Coordinate centre, double radiusM)
    {
        const int n = 36;
        var phase = random.Uniform(0, 2 * Math.PI);
        var amp = random.Uniform(0.08, 0.2);
        var coords = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            var theta = 2 * Math.PI * i / n;
            var r = radiusM * (1 + (amp * Math.Sin((3 * theta) + phase)) + random.Uniform(-0.04, 0.04));
            coords[i] = new Coordinate(SynthWorld.Round2(centre.X + (r * Math.Cos(theta))), SynthWorld.Round2(centre.Y + (r * Math.Sin(theta))));
        }

        coords[n] = coords[0].Copy();
        var blob = world.Factory.CreatePolygon(coords);
        return world.Outline.Contains(blob) ? blob : OverlayNGRobust.Overlay(blob, world.Outline, SpatialFunction.Intersection);
    }
}
