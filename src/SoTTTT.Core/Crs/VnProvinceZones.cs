using System.Diagnostics.CodeAnalysis;

namespace SoTTTT.Core.Crs;

/// <summary>
/// The national table of VN-2000 TM-3 central meridians for the 63 provinces and centrally-run cities that
/// existed before the 2025 merger (Circular 973/2001/TT-TCĐC of the General Department of Land Administration,
/// as used by EPSG for the TM-3 CRSs 5897–5899 and 9205–9218). Zone: transverse Mercator, k0 = 0.9999,
/// false easting 500 000 m.
/// </summary>
public static class VnProvinceZones
{
    /// <summary>The 63 provinces, north to south, with their central meridians in decimal degrees.</summary>
    public static IReadOnlyList<VnProvinceZone> All { get; } =
    [
        Zone("Lai Châu", 103, 0),
        Zone("Điện Biên", 103, 0),
        Zone("Sơn La", 104, 0),
        Zone("Lào Cai", 104, 45),
        Zone("Yên Bái", 104, 45),
        Zone("Hà Giang", 105, 30),
        Zone("Tuyên Quang", 106, 0),
        Zone("Phú Thọ", 104, 45),
        Zone("Vĩnh Phúc", 105, 0),
        Zone("Cao Bằng", 105, 45),
        Zone("Lạng Sơn", 107, 15),
        Zone("Bắc Kạn", 106, 30),
        Zone("Thái Nguyên", 106, 30),
        Zone("Bắc Giang", 107, 0),
        Zone("Bắc Ninh", 105, 30),
        Zone("Quảng Ninh", 107, 45),
        Zone("Hải Phòng", 105, 45),
        Zone("Hải Dương", 105, 30),
        Zone("Hưng Yên", 105, 30),
        Zone("Hà Nội", 105, 0),
        Zone("Hòa Bình", 106, 0),
        Zone("Hà Nam", 105, 0),
        Zone("Nam Định", 105, 30),
        Zone("Thái Bình", 105, 30),
        Zone("Ninh Bình", 105, 0),
        Zone("Thanh Hóa", 105, 0),
        Zone("Nghệ An", 104, 45),
        Zone("Hà Tĩnh", 105, 30),
        Zone("Quảng Bình", 106, 0),
        Zone("Quảng Trị", 106, 15),
        Zone("Thừa Thiên Huế", 107, 0),
        Zone("Đà Nẵng", 107, 45),
        Zone("Quảng Nam", 107, 45),
        Zone("Quảng Ngãi", 108, 0),
        Zone("Bình Định", 108, 15),
        Zone("Kon Tum", 107, 30),
        Zone("Gia Lai", 108, 30),
        Zone("Đắk Lắk", 108, 30),
        Zone("Đắk Nông", 108, 30),
        Zone("Phú Yên", 108, 30),
        Zone("Khánh Hòa", 108, 15),
        Zone("Ninh Thuận", 108, 15),
        Zone("Bình Thuận", 108, 30),
        Zone("Lâm Đồng", 107, 45),
        Zone("Bình Dương", 105, 45),
        Zone("Bình Phước", 106, 15),
        Zone("Đồng Nai", 107, 45),
        Zone("Bà Rịa–Vũng Tàu", 107, 45),
        Zone("Tây Ninh", 105, 30),
        Zone("Long An", 105, 45),
        Zone("Tiền Giang", 105, 45),
        Zone("Bến Tre", 105, 45),
        Zone("Đồng Tháp", 105, 0),
        Zone("Vĩnh Long", 105, 30),
        Zone("Trà Vinh", 105, 30),
        Zone("Hậu Giang", 105, 0),
        Zone("Cần Thơ", 105, 0),
        Zone("Sóc Trăng", 105, 30),
        Zone("An Giang", 104, 45),
        Zone("Kiên Giang", 104, 30),
        Zone("Bạc Liêu", 105, 0),
        Zone("Cà Mau", 104, 30),
        Zone("Hồ Chí Minh", 105, 45),
    ];

    /// <summary>The distinct central meridians of the table, ascending, in decimal degrees.</summary>
    public static IReadOnlyList<double> CentralMeridiansDeg { get; } =
        All.Select(p => p.CentralMeridianDeg).Distinct().Order().ToArray();

    // Other spellings planners use; keys are in the form produced by VietnameseText.ToKey.
    private static readonly (string Alias, string Name)[] Aliases =
    [
        ("hcm", "Hồ Chí Minh"),
        ("saigon", "Hồ Chí Minh"),
        ("hochiminhcity", "Hồ Chí Minh"),
        ("hue", "Thừa Thiên Huế"),
        ("brvt", "Bà Rịa–Vũng Tàu"),
        ("vungtau", "Bà Rịa–Vũng Tàu"),
        ("daclac", "Đắk Lắk"),
        ("dacnong", "Đắk Nông"),
        ("baccan", "Bắc Kạn"),
    ];

    private static readonly Dictionary<string, VnProvinceZone> ByKey = BuildIndex();

    /// <summary>
    /// Finds a province by name, with or without diacritics, case, spaces, hyphens or a leading
    /// <c>Tỉnh</c> / <c>Thành phố</c> / <c>TP</c> (e.g. <c>Hải Dương</c>, <c>hai duong</c>, <c>HaiDuong</c>).
    /// </summary>
    public static bool TryFind(string name, [NotNullWhen(true)] out VnProvinceZone? province)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByKey.TryGetValue(StripPrefix(VietnameseText.ToKey(name)), out province);
    }

    private static VnProvinceZone Zone(string name, int degrees, int minutes) => new(name, degrees + (minutes / 60.0));

    private static string StripPrefix(string key)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["thanhpho", "tinh", "tp"])
        {
            if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return key[prefix.Length..];
            }
        }

        return key;
    }

    private static Dictionary<string, VnProvinceZone> BuildIndex()
    {
        var index = All.ToDictionary(p => VietnameseText.ToKey(p.Name), StringComparer.Ordinal);
        foreach (var (alias, name) in Aliases)
        {
            index.Add(alias, index[VietnameseText.ToKey(name)]);
        }

        return index;
    }
}
