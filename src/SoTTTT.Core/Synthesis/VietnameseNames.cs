namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Vietnamese-sounding place names for synthetic units and villages. Two-syllable names are drawn from fixed
/// syllable lists; none is meant to denote a real place.
/// </summary>
internal static class VietnameseNames
{
    private static readonly string[] First =
    [
        "An", "Bình", "Cẩm", "Cao", "Chí", "Đại", "Đoàn", "Đông", "Đức", "Gia", "Hà", "Hải", "Hồng", "Hưng", "Hợp",
        "Kim", "Lai", "Lạc", "Liên", "Long", "Minh", "Nam", "Nghĩa", "Ngọc", "Nhân", "Phú", "Phúc", "Quang", "Quảng",
        "Tân", "Thái", "Thanh", "Thượng", "Tiên", "Toàn", "Trung", "Văn", "Việt", "Vĩnh", "Xuân", "Yên", "Hòa",
    ];

    private static readonly string[] Second =
    [
        "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hòa", "Hưng", "Hải", "Khê", "Lạc", "Lâm", "Lợi", "Long",
        "Minh", "Mỹ", "Nghĩa", "Phong", "Phúc", "Phượng", "Quang", "Sơn", "Tân", "Thành", "Thắng", "Thịnh", "Thọ",
        "Thuận", "Tiến", "Trung", "Tường", "Uyên", "Việt", "Xá", "Xuyên", "Yên", "Điền", "Đồng", "Châu",
    ];

    /// <summary>Names of wards in town cores, after people and events, as Vietnamese towns name them.</summary>
    private static readonly string[] Ward =
    [
        "Trần Hưng Đạo", "Lê Lợi", "Quang Trung", "Nguyễn Trãi", "Trần Phú", "Phạm Ngũ Lão", "Hai Bà Trưng",
        "Lý Thường Kiệt", "Ngô Quyền", "Hoàng Văn Thụ", "Lê Hồng Phong", "Nguyễn Du", "Tô Hiệu", "Bạch Đằng",
        "Trần Quốc Toản", "Cộng Hòa", "Độc Lập", "Thống Nhất", "Hùng Vương", "Võ Thị Sáu", "Chu Văn An", "Phan Bội Châu",
    ];

    private static readonly string[] VillagePrefix = ["Đông", "Đoài", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Tây"];

    /// <summary>Syllables of north-western highland place names (Thái and H'Mông-sounding), for the mountain profile.</summary>
    private static readonly string[] HighlandFirst =
    [
        "Mường", "Nậm", "Na", "Pa", "Huổi", "Sín", "Tà", "Si", "Pú", "Phìn", "Xá", "Hừa", "Chiềng", "Noong", "Co",
        "Pá", "Tủa", "Lọng", "Háng", "Khua", "Nà", "Hua", "Ten", "Búng", "Phì", "Keo", "Tìa", "Nặm", "Ló", "Xuân",
    ];

    private static readonly string[] HighlandSecond =
    [
        "Lói", "Luông", "Pồ", "Chua", "Tênh", "Lèng", "Sáng", "Ngam", "Mùn", "Phăng", "Pao", "Khoang", "Đun", "Sạn", "Chải",
        "Hỏm", "Lịch", "Cang", "Tở", "Pết", "Ban", "Dề", "Lìu", "Nưa", "Hẹ", "Phung", "Xén", "Tỉnh", "Púng", "Chăn",
        "Thín", "Kè", "Són", "Lanh", "Vang", "Giắt", "Mứn", "Sang", "Lay", "Ún",
    ];

    /// <summary>A two-syllable name not yet in <paramref name="used"/> (which is updated).</summary>
    public static string TwoSyllable(Random random, HashSet<string> used)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = random.Pick(First);
            var second = random.Pick(Second);
            if (first == second)
            {
                continue;
            }

            var name = first + " " + second;
            if (used.Add(name))
            {
                return name;
            }
        }

        // The lists give about 1,700 names; a larger set gets numbered names.
        var numbered = random.Pick(First) + " " + random.Pick(Second) + " " + (used.Count + 1);
        used.Add(numbered);
        return numbered;
    }

    /// <summary>A two-syllable highland name not yet in <paramref name="used"/> (which is updated); numbered when the lists run out.</summary>
    public static string Highland(Random random, HashSet<string> used)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var name = random.Pick(HighlandFirst) + " " + random.Pick(HighlandSecond);
            if (used.Add(name))
            {
                return name;
            }
        }

        var numbered = random.Pick(HighlandFirst) + " " + random.Pick(HighlandSecond) + " " + (used.Count + 1);
        used.Add(numbered);
        return numbered;
    }

    /// <summary>A highland village name within one commune: "Bản …" (urban residential areas numbered as in <see cref="Village"/>).</summary>
    public static string HighlandVillage(Random random, bool urban, int ordinal, HashSet<string> used)
    {
        if (urban)
        {
            return Village(random, urban, ordinal, used);
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var name = random.Chance(0.85) ? "Bản " + random.Pick(HighlandFirst) + " " + random.Pick(HighlandSecond) : "Bản " + random.Pick(HighlandSecond) + " " + ordinal;
            if (used.Add(name))
            {
                return name;
            }
        }

        var fallback = "Bản " + ordinal;
        used.Add(fallback);
        return fallback;
    }

    /// <summary>A ward name (people and events first, then two-syllable names) not yet in <paramref name="used"/>.</summary>
    public static string WardName(Random random, HashSet<string> used)
    {
        foreach (var _ in Ward)
        {
            var name = random.Pick(Ward);
            if (used.Add(name))
            {
                return name;
            }
        }

        return TwoSyllable(random, used);
    }

    /// <summary>A village name within one commune: urban residential areas are numbered, rural ones named.</summary>
    public static string Village(Random random, bool urban, int ordinal, HashSet<string> used)
    {
        if (urban)
        {
            var numbered = random.Chance(0.5) ? "Tổ dân phố số " + ordinal : "Khu dân cư số " + ordinal;
            used.Add(numbered);
            return numbered;
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var roll = random.NextDouble();
            var name = roll switch
            {
                < 0.55 => "Thôn " + random.Pick(First) + " " + random.Pick(Second),
                < 0.8 => "Thôn " + random.Pick(VillagePrefix),
                _ => "Thôn " + ordinal,
            };
            if (used.Add(name))
            {
                return name;
            }
        }

        var fallback = "Xóm " + ordinal;
        used.Add(fallback);
        return fallback;
    }

    /// <summary>The unit name with a lower-case first letter, as it reads inside a sentence ("Bưu điện huyện …").</summary>
    public static string Lower(string unitName) =>
        unitName.Length > 0 ? char.ToLowerInvariant(unitName[0]) + unitName[1..] : unitName;

    /// <summary>The name without its unit prefix ("Xã An Lâm" → "An Lâm").</summary>
    public static string Short(string unitName)
    {
        foreach (var prefix in new[] { "Thành phố ", "Thị xã ", "Thị trấn ", "Huyện ", "Phường ", "Xã ", "Tỉnh " })
        {
            if (unitName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return unitName[prefix.Length..];
            }
        }

        return unitName;
    }
}
