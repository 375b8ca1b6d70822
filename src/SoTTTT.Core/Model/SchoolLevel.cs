namespace SoTTTT.Core.Model;

/// <summary>Level of a school (cấp học) in the Vietnamese education system (Law on Education 2019, art. 6).</summary>
public enum SchoolLevel
{
    /// <summary>Pre-school (mầm non, mẫu giáo).</summary>
    Kindergarten,

    /// <summary>Primary (tiểu học).</summary>
    Primary,

    /// <summary>Lower secondary (trung học cơ sở, THCS).</summary>
    LowerSecondary,

    /// <summary>Upper secondary (trung học phổ thông, THPT).</summary>
    UpperSecondary,

    /// <summary>A school of several levels (liên cấp, e.g. TH &amp; THCS).</summary>
    Combined,

    /// <summary>Any other (continuing education, vocational …).</summary>
    Other,
}
