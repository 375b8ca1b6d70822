using SoTTTT.Core.Model;

namespace SoTTTT.IO.Layers;

/// <summary>
/// Headings of the indicator columns (<see cref="Writing.IndicatorColumns"/>) in Vietnamese, as the departments'
/// reports word them, and in English; breakdown columns (<c>bts_viettel</c>, <c>fibre_km_underground</c>) are titled
/// from their prefix and key.
/// </summary>
public static class IndicatorHeaders
{
    private static readonly Dictionary<string, (string Vi, string En)> Fixed = new(StringComparer.Ordinal)
    {
        ["code"] = ("Mã", "Code"),
        ["name"] = ("Đơn vị", "Unit"),
        ["level"] = ("Cấp", "Level"),
        ["parent_code"] = ("Mã đơn vị cấp trên", "Parent code"),
        ["area_km2"] = ("Diện tích (km²)", "Area (km²)"),
        ["area_source"] = ("Nguồn số liệu diện tích", "Area source"),
        ["population"] = ("Dân số (người)", "Population"),
        ["postal_points"] = ("Số điểm phục vụ bưu chính", "Postal service points"),
        ["service_radius_km"] = ("Bán kính phục vụ bình quân (km)", "Mean service radius (km)"),
        ["people_per_postal_point"] = ("Số dân phục vụ bình quân/điểm (người)", "People per service point"),
        ["settlements"] = ("Số thôn, bản, khu dân cư", "Villages / residential areas"),
        ["postal_access_mean_km"] = ("Khoảng cách bình quân tới điểm bưu chính (km)", "Mean distance to a postal point (km)"),
        ["postal_access_max_km"] = ("Khoảng cách lớn nhất tới điểm bưu chính (km)", "Largest distance to a postal point (km)"),
        ["bts"] = ("Số trạm BTS", "BTS"),
        ["tower_positions"] = ("Số vị trí cột ăng ten", "Tower positions"),
        ["bts_per_position"] = ("Số BTS bình quân/vị trí", "BTS per position"),
        ["fibre_km"] = ("Chiều dài tuyến cáp quang (km)", "Fibre route length (km)"),
        ["communes"] = ("Số xã, phường", "Communes"),
        ["communes_with_fibre_pct"] = ("Tỷ lệ xã có cáp quang đến trung tâm (%)", "Communes with fibre to the centre (%)"),
        ["settlements_within_fibre_pct"] = ("Tỷ lệ thôn, bản có cáp quang (%)", "Villages reached by fibre (%)"),
        ["settlements_covered_pct_2g"] = ("Tỷ lệ thôn, bản có sóng 2G (%)", "Villages with 2G coverage (%)"),
        ["settlements_covered_pct_3g"] = ("Tỷ lệ thôn, bản có sóng 3G (%)", "Villages with 3G coverage (%)"),
        ["settlements_covered_pct_4g"] = ("Tỷ lệ thôn, bản có sóng 4G (%)", "Villages with 4G coverage (%)"),
        ["settlements_covered_pct_5g"] = ("Tỷ lệ thôn, bản có sóng 5G (%)", "Villages with 5G coverage (%)"),
        ["communes_with_centre"] = ("Số xã xác định được trung tâm", "Communes with a known centre"),
        ["communes_fibre_to_centre"] = ("Số xã có cáp quang đến trung tâm", "Communes with fibre to the centre"),
        ["communes_with_postal"] = ("Số xã có điểm phục vụ bưu chính", "Communes with a postal point"),
        ["communes_with_postal_pct"] = ("Tỷ lệ xã có điểm phục vụ bưu chính (%) – tiêu chí 8", "Communes with a postal point (%) – criterion 8"),
        ["postal_points_needed"] = ("Số điểm phục vụ cần bổ sung", "Extra postal points needed"),
        ["fibre_routes"] = ("Số tuyến cáp quang", "Fibre routes"),
        ["fibre_underground_pct"] = ("Tỷ lệ cáp quang đi ngầm (%)", "Fibre underground (%)"),
        ["copper_routes"] = ("Số tuyến cáp đồng", "Copper routes"),
        ["copper_km"] = ("Chiều dài tuyến cáp đồng (km)", "Copper route length (km)"),
        ["nodes"] = ("Số nút mạng", "Network nodes"),
    };

    private static readonly Dictionary<string, (string Vi, string En)> Keys = new(StringComparer.Ordinal)
    {
        ["post_office_1"] = ("bưu cục cấp 1", "post office level 1"),
        ["post_office_2"] = ("bưu cục cấp 2", "post office level 2"),
        ["post_office_3"] = ("bưu cục cấp 3", "post office level 3"),
        ["commune_post_culture"] = ("điểm BĐ-VHX", "commune post-culture point"),
        ["agent"] = ("đại lý", "agent"),
        ["kiosk"] = ("ki-ốt", "kiosk"),
        ["letter_box"] = ("thùng thư công cộng", "public letter box"),
        ["other"] = ("khác", "other"),
        ["unspecified"] = ("không rõ", "unspecified"),
        ["commune_office"] = ("trụ sở UBND xã", "commune office"),
        ["school"] = ("trường học", "school"),
        ["clinic"] = ("trạm y tế", "clinic"),
        ["radio_station"] = ("đài truyền thanh", "radio station"),
        ["fixed_phone"] = ("điện thoại cố định", "fixed phone"),
        ["mobile"] = ("di động", "mobile"),
        ["mobile_broadband"] = ("băng rộng di động", "mobile broadband"),
        ["fixed_broadband"] = ("băng rộng cố định", "fixed broadband"),
        ["pay_tv"] = ("truyền hình trả tiền", "pay TV"),
        ["exchange"] = ("tổng đài", "exchange"),
        ["switching_point"] = ("điểm chuyển mạch", "switching point"),
        ["dslam"] = ("DSLAM", "DSLAM"),
        ["olt"] = ("OLT", "OLT"),
        ["cabinet"] = ("tủ cáp", "cabinet"),
        ["aerial"] = ("treo", "aerial"),
        ["underground"] = ("ngầm", "underground"),
    };

    /// <summary>The heading of an indicator column in <paramref name="lang"/> (<c>vi</c> or <c>en</c>).</summary>
    public static string Title(string column, string lang = "vi")
    {
        var en = lang == "en";
        if (Fixed.TryGetValue(column, out var t))
        {
            return en ? t.En : t.Vi;
        }

        foreach (var (prefix, vi, eng) in new[]
        {
            ("public_sites_fibre_", "{0} có cáp quang", "{0} reached by fibre"),
            ("public_sites_", "Số {0}", "{0}"),
            ("subscribers_per_100_", "Thuê bao {0}/100 dân", "{0} subscribers per 100 people"),
            ("postal_operator_", "Điểm phục vụ của {0}", "Postal points of {0}"),
            ("nodes_", "Số {0}", "{0}"),
            ("postal_points_", "Điểm phục vụ: {0}", "Service points: {0}"),
            ("fibre_km_", "Cáp quang {0} (km)", "Fibre {0} (km)"),
            ("bts_", "Trạm BTS {0}", "BTS {0}"),
        })
        {
            if (column.StartsWith(prefix, StringComparison.Ordinal))
            {
                var key = column[prefix.Length..];
                if (prefix == "postal_points_" && Codes.PostalKinds.All(k => k.Key != key) && key is not "unspecified")
                {
                    continue;
                }

                return string.Format(System.Globalization.CultureInfo.InvariantCulture, en ? eng : vi, KeyTitle(key, en));
            }
        }

        if (column.StartsWith("subscribers_", StringComparison.Ordinal))
        {
            var rest = column["subscribers_".Length..];
            var service = Codes.SubscriberServices.Select(s => s.Key).OrderByDescending(k => k.Length).FirstOrDefault(k => rest == k || rest.StartsWith(k + "_", StringComparison.Ordinal));
            if (service is not null)
            {
                var what = KeyTitle(service, en);
                return rest == service
                    ? (en ? $"{what} subscribers" : $"Số thuê bao {what}")
                    : (en ? $"{what} subscribers: {KeyTitle(rest[(service.Length + 1)..], en)}" : $"Số thuê bao {what}: {KeyTitle(rest[(service.Length + 1)..], en)}");
            }
        }

        return column;
    }

    private static string KeyTitle(string key, bool en)
    {
        if (Keys.TryGetValue(key, out var t))
        {
            return en ? t.En : t.Vi;
        }

        foreach (var name in Codes.Operators.Concat(Codes.FixedOperators).Select(o => o.Name).Concat(Codes.PostalOperators.Select(o => o.Name)))
        {
            if (Codes.Fold(name) == key)
            {
                return name;
            }
        }

        return key.ToUpperInvariant();
    }
}
