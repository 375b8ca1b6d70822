namespace SoTTTT.Core.Model;

/// <summary>
/// Telecom services the departments count subscribers of ("điện thoại cố định, di động, băng rộng di động, băng rộng cố
/// định = 2,4 / 120 / 33,9 / 12,1 thuê bao/100 dân", Hải Dương 2019, DOMAIN.md), and pay television.
/// </summary>
public enum SubscriberService
{
    /// <summary>Fixed telephone (điện thoại cố định).</summary>
    FixedPhone,

    /// <summary>Mobile telephone (điện thoại di động).</summary>
    Mobile,

    /// <summary>Mobile broadband (băng rộng di động).</summary>
    MobileBroadband,

    /// <summary>Fixed broadband (băng rộng cố định).</summary>
    FixedBroadband,

    /// <summary>Pay television (truyền hình trả tiền).</summary>
    PayTv,
}
