namespace SoTTTT.IO.Layers;

/// <summary>Vietnamese titles of the dataset layers and their columns (PRODUCT.md contract names → planners' words).</summary>
public static class FieldTitles
{
    private static readonly Dictionary<string, string> Layers = new(StringComparer.Ordinal)
    {
        ["admin_units"] = "Đơn vị hành chính",
        ["settlements"] = "Thôn, bản, khu dân cư",
        ["towers"] = "Cột ăng ten",
        ["bts"] = "Trạm BTS",
        ["fibre_routes"] = "Tuyến cáp quang",
        ["postal_points"] = "Điểm phục vụ bưu chính",
        ["zones"] = "Vùng quy hoạch",
        ["public_sites"] = "Điểm công cộng (UBND xã, trường học, trạm y tế …)",
        ["nodes"] = "Nút mạng (tổng đài, điểm chuyển mạch, DSLAM, OLT, tủ cáp)",
        ["subscribers"] = "Số thuê bao",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["code"] = "Mã",
        ["id"] = "Mã",
        ["name"] = "Tên",
        ["level"] = "Cấp",
        ["parent_code"] = "Mã đơn vị cấp trên",
        ["area_km2"] = "Diện tích (km²)",
        ["population"] = "Dân số",
        ["urban"] = "Đô thị",
        ["commune_code"] = "Mã xã",
        ["owner"] = "Chủ sở hữu",
        ["type"] = "Loại cột",
        ["height_m"] = "Chiều cao (m)",
        ["status"] = "Trạng thái",
        ["max_tenants"] = "Số doanh nghiệp dùng chung tối đa",
        ["operator"] = "Doanh nghiệp",
        ["tech"] = "Công nghệ",
        ["tower_id"] = "Mã cột",
        ["band_mhz"] = "Băng tần (MHz)",
        ["bandwidth_mhz"] = "Độ rộng kênh (MHz)",
        ["antenna_height_m"] = "Độ cao anten (m)",
        ["eirp_dbm"] = "EIRP (dBm)",
        ["azimuth_deg"] = "Góc phương vị (°)",
        ["beamwidth_deg"] = "Độ rộng búp sóng (°)",
        ["tilt_deg"] = "Góc nghiêng (°)",
        ["placement"] = "Hình thức lắp đặt",
        ["cores"] = "Số sợi",
        ["kind"] = "Loại",
        ["medium"] = "Loại cáp",
        ["service"] = "Dịch vụ",
        ["count"] = "Số lượng",
        ["date"] = "Thời điểm",
        ["admin_code"] = "Mã đơn vị hành chính",
        ["max_height_m"] = "Chiều cao tối đa (m)",
        ["inferred"] = "Suy ra từ BTS",
        ["operators"] = "Các doanh nghiệp",
        ["shared"] = "Dùng chung",
        ["bts"] = "Số BTS",
        ["position_a"] = "Vị trí A",
        ["operator_a"] = "Doanh nghiệp A",
        ["position_b"] = "Vị trí B",
        ["operator_b"] = "Doanh nghiệp B",
        ["distance_m"] = "Khoảng cách (m)",
        ["limit_m"] = "Giới hạn (m)",
        ["unit_code"] = "Mã đơn vị hành chính",
        ["zone_id"] = "Mã vùng",
        ["zone_kind"] = "Loại vùng",
        ["zone_name"] = "Tên vùng",
        ["tower_a"] = "Cột A",
        ["type_a"] = "Loại cột A",
        ["height_a"] = "Chiều cao cột A (m)",
        ["tower_b"] = "Cột B",
        ["type_b"] = "Loại cột B",
        ["height_b"] = "Chiều cao cột B (m)",
        ["route_id"] = "Mã tuyến cáp",
        ["other_operator"] = "Doanh nghiệp đi cùng",
        ["part"] = "Phần tuyến",
        ["from_m"] = "Từ (m)",
        ["to_m"] = "Đến (m)",
        ["length_m"] = "Chiều dài (m)",
        ["tower_positions"] = "Số vị trí cột",
        ["bts_per_position"] = "Số BTS / vị trí",
        ["shared_positions"] = "Số vị trí dùng chung",
        ["sharing_rate_pct"] = "Tỷ lệ dùng chung (%)",
        ["spare_slots"] = "Số chỗ còn trống",
        ["tenants"] = "Số doanh nghiệp đang dùng",
        ["spare"] = "Còn trống",
        ["height_a_m"] = "Chiều cao cột A (m)",
        ["height_b_m"] = "Chiều cao cột B (m)",
        ["km"] = "Chiều dài (km)",
        ["stretches"] = "Số đoạn",
        ["aerial_km"] = "Cáp treo (km)",
        ["to_underground_km"] = "Cần ngầm hóa (km)",
        ["row"] = "Dòng",
        ["x"] = "Tọa độ X (m)",
        ["y"] = "Tọa độ Y (m)",
        ["lon"] = "Kinh độ",
        ["lat"] = "Vĩ độ",
        ["verdict"] = "Kết luận",
        ["failed"] = "Tiêu chí không đạt",
        ["coverage_gain_population"] = "Dân số được phủ sóng thêm",
        ["phase"] = "Giai đoạn",
        ["new_operators"] = "Doanh nghiệp lắp mới",
        ["reason"] = "Lý do",
        ["source"] = "Nguồn vị trí",
        ["host_id"] = "Vị trí chuyển đến",
        ["villages_gained"] = "Số thôn/bản được phủ thêm",
        ["population_gained"] = "Dân số được phủ thêm",
        ["purpose"] = "Mục đích",
        ["length_km"] = "Chiều dài (km)",
        ["from_id"] = "Điểm đầu",
        ["to_id"] = "Điểm cuối",
        ["shared_duct_km"] = "Dùng chung cống bể (km)",
        ["settlement_id"] = "Mã thôn/bản",
        ["detail"] = "Chi tiết",
        ["existing_positions"] = "Vị trí hiện có",
        ["existing_by_class"] = "Hiện có theo loại cột",
        ["keep"] = "Giữ nguyên",
        ["convert"] = "Cải tạo",
        ["remove"] = "Dỡ bỏ",
        ["new_by_class"] = "Xây mới theo loại cột",
        ["new_total"] = "Tổng xây mới",
        ["new_beyond_budget"] = "Xây mới ngoài ngân sách",
        ["sharing_rate_before_pct"] = "Tỷ lệ dùng chung trước (%)",
        ["sharing_rate_after_pct"] = "Tỷ lệ dùng chung sau (%)",
        ["previous_id"] = "Mã vị trí quy hoạch trước",
        ["previous_phase"] = "Giai đoạn (quy hoạch trước)",
        ["plan_id"] = "Mã vị trí quy hoạch mới",
    };

    /// <summary>The layer's Vietnamese title, or its name.</summary>
    public static string Layer(string name) => Layers.GetValueOrDefault(name, name);

    /// <summary>The column's Vietnamese title, or its name.</summary>
    public static string Field(string name) => Fields.GetValueOrDefault(name, name);

    /// <summary>The column's title in <paramref name="lang"/>: Vietnamese, or for <c>en</c> the name in words ("sharing_rate_pct" → "Sharing rate %").</summary>
    public static string Field(string name, string lang)
    {
        if (lang != "en")
        {
            return Field(name);
        }

        var words = name.Replace("_pct", " %", StringComparison.Ordinal).Replace("_km2", " (km²)", StringComparison.Ordinal).Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
