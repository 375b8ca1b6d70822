namespace SoTTTT.Core.Model;

/// <summary>
/// Kind of public site (<c>public_sites.csv</c>): the places the departments' reports count fibre and broadband to
/// ("cáp quang đến trung tâm xã", schools, clinics) and the radio station of New Rural Development criterion 8
/// (DOMAIN.md, "Postal indicators").
/// </summary>
public enum PublicSiteKind
{
    /// <summary>Commune People's Committee office (trụ sở UBND xã): the commune centre.</summary>
    CommuneOffice,

    /// <summary>School (trường học), with its level.</summary>
    School,

    /// <summary>Commune health station (trạm y tế).</summary>
    Clinic,

    /// <summary>Commune post-culture point (điểm Bưu điện – Văn hóa xã).</summary>
    CommunePostCulture,

    /// <summary>Commune radio station with loudspeakers to the villages (đài truyền thanh xã).</summary>
    RadioStation,

    /// <summary>Any other public site.</summary>
    Other,
}
