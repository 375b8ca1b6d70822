using SoTTTT.Core.Model;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Column names of the dataset contract and the other spellings planners use, Vietnamese ones
/// included (matching folds case and diacritics: <c>Kinh độ</c> = <c>kinh_do</c> = <c>KINHDO</c>).
/// In Vietnamese survey practice X is the northing and Y the easting, so <c>toa_do_x</c> maps to
/// <c>y</c> and <c>toa_do_y</c> to <c>x</c>.
/// </summary>
internal static class ColumnAliases
{
    private static readonly Dictionary<string, List<string>> Map = Build(new()
    {
        // tower_id comes first: in bts.csv "ma_cot" is the tower, in towers.csv (no tower_id column) the id.
        ["tower_id"] = ["tower_id", "ma_cot", "tower"],
        ["id"] = ["id", "ma", "ma_tram", "ma_cot", "ma_diem", "ma_tuyen", "ma_vung", "ma_ho_so", "fid"],
        ["code"] = ["code", "ma", "ma_dvhc", "ma_don_vi", "ma_xa"],
        ["name"] = ["name", "ten", "ten_don_vi", "ten_diem", "ten_thon", "ten_xa", "ten_huyen", "ten_tinh"],
        ["level"] = ["level", "cap", "cap_hanh_chinh", "cap_hoc"],
        ["parent_code"] = ["parent_code", "parent", "parent_cd", "ma_cha", "ma_don_vi_cha", "ma_huyen", "ma_tinh"],
        ["area_km2"] = ["area_km2", "area", "dien_tich", "dien_tich_km2"],
        ["population"] = ["population", "pop", "dan_so"],
        ["urban"] = ["urban", "do_thi", "la_do_thi"],
        ["wkt"] = ["wkt", "geometry", "geom", "hinh_hoc"],
        ["lon"] = ["lon", "lng", "long", "longitude", "kinh_do"],
        ["lat"] = ["lat", "latitude", "vi_do"],
        ["x"] = ["x", "easting", "toa_do_y"],
        ["y"] = ["y", "northing", "toa_do_x"],
        ["commune_code"] = ["commune_code", "commune", "commune_cd", "ma_xa"],
        ["admin_code"] = ["admin_code", "ma_xa", "ma_dvhc"],
        ["owner"] = ["owner", "chu_so_huu", "don_vi_so_huu"],
        ["type"] = ["type", "loai", "loai_cot", "phan_loai"],
        ["height_m"] = ["height_m", "height", "chieu_cao", "chieu_cao_m"],
        ["status"] = ["status", "trang_thai", "hien_trang"],
        ["max_tenants"] = ["max_tenants", "max_tenant", "so_doanh_nghiep_toi_da"],
        ["operator"] = ["operator", "nha_mang", "doanh_nghiep", "don_vi"],
        ["tech"] = ["tech", "technology", "cong_nghe"],
        ["band_mhz"] = ["band_mhz", "band", "bang_tan", "tan_so"],
        ["bandwidth_mhz"] = ["bandwidth_mhz", "bandwidth", "bw_mhz", "do_rong_kenh", "bang_thong"],
        ["antenna_height_m"] = ["antenna_height_m", "antenna_height", "ant_ht_m", "do_cao_anten"],
        ["eirp_dbm"] = ["eirp_dbm", "eirp"],
        ["azimuth_deg"] = ["azimuth_deg", "azimuth", "goc_phuong_vi"],
        ["beamwidth_deg"] = ["beamwidth_deg", "beamwidth", "beamw_deg", "do_rong_bup_song"],
        ["tilt_deg"] = ["tilt_deg", "tilt", "goc_nghieng"],
        ["placement"] = ["placement", "hinh_thuc", "loai_tuyen"],
        ["cores"] = ["cores", "so_soi"],
        ["kind"] = ["kind", "loai_hinh", "loai_diem", "loai_vung"],
        ["shares_tower_id"] = ["shares_tower_id", "share_twr", "dung_chung_cot"],
        ["unit_code"] = ["unit_code", "unit", "ma_don_vi", "ma_dvhc", "unit_cd"],
        ["service"] = ["service", "dich_vu", "loai_dich_vu"],
        ["count"] = ["count", "so_thue_bao", "thue_bao", "so_luong", "subscribers"],
        ["date"] = ["date", "ngay", "thoi_diem", "ky_bao_cao", "nam"],
        ["medium"] = ["medium", "loai_cap", "chat_lieu"],
        ["max_height_m"] = ["max_height_m", "max_ht_m", "chieu_cao_toi_da", "chieu_cao_toi_da_m"],
    });

    private static Dictionary<string, List<string>> Build(Dictionary<string, string[]> canonicalToAliases)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (canonical, aliases) in canonicalToAliases)
        {
            foreach (var alias in aliases)
            {
                var key = Codes.Fold(alias);
                if (!map.TryGetValue(key, out var list))
                {
                    map[key] = list = [];
                }

                list.Add(canonical);
            }
        }

        return map;
    }

    /// <summary>
    /// Headers (folded) the user mapped for the layer being read on this thread (import's <c>--column</c>); they win over
    /// every alias. Set and cleared around one layer's read (<see cref="DatasetLoader"/>), which runs on one thread.
    /// </summary>
    [ThreadStatic]
    internal static Dictionary<string, string>? Override;

    /// <summary>
    /// Resolves a header to its canonical name among those the layer knows; unknown headers keep their
    /// folded spelling so zone parameters such as <c>max_height_m</c> stay reachable.
    /// </summary>
    public static string Canonical(string header, IReadOnlySet<string> layerColumns)
    {
        var folded = Codes.Fold(header);
        if (Override?.TryGetValue(folded, out var chosen) == true)
        {
            return chosen;
        }

        foreach (var column in layerColumns)
        {
            if (Codes.Fold(column) == folded)
            {
                return column;
            }
        }

        // Several canonical columns share aliases (ma → id or code); take the one the layer knows.
        if (Map.TryGetValue(folded, out var candidates))
        {
            foreach (var canonical in candidates)
            {
                if (layerColumns.Contains(canonical))
                {
                    return canonical;
                }
            }
        }

        return header.Trim().ToLowerInvariant();
    }
}
