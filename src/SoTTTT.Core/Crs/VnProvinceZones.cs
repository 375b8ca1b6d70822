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
    /// <summary>
    /// The 63 provinces, north to south, with their central meridians in decimal degrees, their two-digit codes in the
    /// national list of administrative units (Decision 124/2004/QĐ-TTg, used by the General Statistics Office) and a
    /// reference point near each province's middle (SoTTTT's own rounded figures, for choosing the province of data
    /// that name none).
    /// </summary>
    public static IReadOnlyList<VnProvinceZone> All { get; } =
    [
        Zone("Lai Châu", 103, 0, "12", 103.20, 22.30),
        Zone("Điện Biên", 103, 0, "11", 103.00, 21.60),
        Zone("Sơn La", 104, 0, "14", 104.00, 21.20),
        Zone("Lào Cai", 104, 45, "10", 104.10, 22.30),
        Zone("Yên Bái", 104, 45, "15", 104.50, 21.75),
        Zone("Hà Giang", 105, 30, "02", 104.95, 22.75),
        Zone("Tuyên Quang", 106, 0, "08", 105.25, 22.05),
        Zone("Phú Thọ", 104, 45, "25", 105.15, 21.30),
        Zone("Vĩnh Phúc", 105, 0, "26", 105.55, 21.35),
        Zone("Cao Bằng", 105, 45, "04", 106.10, 22.70),
        Zone("Lạng Sơn", 107, 15, "20", 106.60, 21.85),
        Zone("Bắc Kạn", 106, 30, "06", 105.85, 22.20),
        Zone("Thái Nguyên", 106, 30, "19", 105.85, 21.65),
        Zone("Bắc Giang", 107, 0, "24", 106.45, 21.35),
        Zone("Bắc Ninh", 105, 30, "27", 106.10, 21.10),
        Zone("Quảng Ninh", 107, 45, "22", 107.30, 21.20),
        Zone("Hải Phòng", 105, 45, "31", 106.60, 20.80),
        Zone("Hải Dương", 105, 30, "30", 106.35, 20.95),
        Zone("Hưng Yên", 105, 30, "33", 106.05, 20.80),
        Zone("Hà Nội", 105, 0, "01", 105.70, 21.00),
        Zone("Hòa Bình", 106, 0, "17", 105.35, 20.70),
        Zone("Hà Nam", 105, 0, "35", 105.95, 20.55),
        Zone("Nam Định", 105, 30, "36", 106.20, 20.25),
        Zone("Thái Bình", 105, 30, "34", 106.40, 20.50),
        Zone("Ninh Bình", 105, 0, "37", 105.90, 20.20),
        Zone("Thanh Hóa", 105, 0, "38", 105.40, 20.00),
        Zone("Nghệ An", 104, 45, "40", 104.90, 19.20),
        Zone("Hà Tĩnh", 105, 30, "42", 105.75, 18.30),
        Zone("Quảng Bình", 106, 0, "44", 106.30, 17.50),
        Zone("Quảng Trị", 106, 15, "45", 106.90, 16.75),
        Zone("Thừa Thiên Huế", 107, 0, "46", 107.50, 16.35),
        Zone("Đà Nẵng", 107, 45, "48", 108.10, 16.05),
        Zone("Quảng Nam", 107, 45, "49", 108.00, 15.55),
        Zone("Quảng Ngãi", 108, 0, "51", 108.65, 15.00),
        Zone("Bình Định", 108, 15, "52", 108.90, 14.10),
        Zone("Kon Tum", 107, 30, "62", 107.90, 14.70),
        Zone("Gia Lai", 108, 30, "64", 108.10, 13.80),
        Zone("Đắk Lắk", 108, 30, "66", 108.20, 12.80),
        Zone("Đắk Nông", 108, 30, "67", 107.70, 12.20),
        Zone("Phú Yên", 108, 30, "54", 109.05, 13.15),
        Zone("Khánh Hòa", 108, 15, "56", 109.05, 12.30),
        Zone("Ninh Thuận", 108, 15, "58", 108.85, 11.70),
        Zone("Bình Thuận", 108, 30, "60", 108.10, 11.10),
        Zone("Lâm Đồng", 107, 45, "68", 108.00, 11.75),
        Zone("Bình Dương", 105, 45, "74", 106.65, 11.20),
        Zone("Bình Phước", 106, 15, "70", 106.90, 11.75),
        Zone("Đồng Nai", 107, 45, "75", 107.20, 11.10),
        Zone("Bà Rịa–Vũng Tàu", 107, 45, "77", 107.25, 10.55),
        Zone("Tây Ninh", 105, 30, "72", 106.15, 11.35),
        Zone("Long An", 105, 45, "80", 106.20, 10.70),
        Zone("Tiền Giang", 105, 45, "82", 106.30, 10.40),
        Zone("Bến Tre", 105, 45, "83", 106.45, 10.15),
        Zone("Đồng Tháp", 105, 0, "87", 105.65, 10.55),
        Zone("Vĩnh Long", 105, 30, "86", 106.00, 10.15),
        Zone("Trà Vinh", 105, 30, "84", 106.30, 9.80),
        Zone("Hậu Giang", 105, 0, "93", 105.60, 9.80),
        Zone("Cần Thơ", 105, 0, "92", 105.60, 10.10),
        Zone("Sóc Trăng", 105, 30, "94", 105.95, 9.55),
        Zone("An Giang", 104, 45, "89", 105.20, 10.50),
        Zone("Kiên Giang", 104, 30, "91", 105.10, 10.00),
        Zone("Bạc Liêu", 105, 0, "95", 105.50, 9.30),
        Zone("Cà Mau", 104, 30, "96", 105.05, 8.95),
        Zone("Hồ Chí Minh", 105, 45, "79", 106.70, 10.80),
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
        if (ByKey.TryGetValue(StripPrefix(VietnameseText.ToKey(name)), out province))
        {
            return true;
        }

        // "Tỉnh Hải Dương (tổng hợp)": a remark in brackets is not part of the name.
        var bracket = name.IndexOf('(', StringComparison.Ordinal);
        return bracket > 0 && ByKey.TryGetValue(StripPrefix(VietnameseText.ToKey(name[..bracket])), out province);
    }

    private static readonly Dictionary<int, VnProvinceZone> ByCode = All.ToDictionary(p => int.Parse(p.Code, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Finds a province by its code in the national list (<c>30</c> or <c>030</c> for Hải Dương); codes of lower
    /// units (<c>3001</c>) are not province codes and match nothing.
    /// </summary>
    public static bool TryFindByCode(string code, [NotNullWhen(true)] out VnProvinceZone? province)
    {
        ArgumentNullException.ThrowIfNull(code);
        province = null;
        var trimmed = code.Trim();
        return trimmed.Length is > 0 and <= 3 && trimmed.All(char.IsAsciiDigit) &&
            ByCode.TryGetValue(int.Parse(trimmed, System.Globalization.CultureInfo.InvariantCulture), out province);
    }

    /// <summary>
    /// The province whose reference point is nearest to a WGS84 position: an approximation of "the province containing
    /// it" that is right well inside a province and may pick a neighbour near a border.
    /// </summary>
    public static VnProvinceZone NearestTo(double lonDeg, double latDeg)
    {
        var best = All[0];
        var bestD = double.MaxValue;
        var cosLat = Math.Cos(latDeg * Math.PI / 180);
        foreach (var p in All)
        {
            var dx = (p.ReferenceLonDeg - lonDeg) * cosLat;
            var dy = p.ReferenceLatDeg - latDeg;
            var d = (dx * dx) + (dy * dy);
            if (d < bestD)
            {
                bestD = d;
                best = p;
            }
        }

        return best;
    }

    private static VnProvinceZone Zone(string name, int degrees, int minutes, string code, double lonDeg, double latDeg) =>
        new(name, degrees + (minutes / 60.0)) { Code = code, ReferenceLonDeg = lonDeg, ReferenceLatDeg = latDeg };

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
