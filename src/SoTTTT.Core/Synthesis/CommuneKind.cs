namespace SoTTTT.Core.Synthesis;

/// <summary>Kind of a commune-level unit.</summary>
internal enum CommuneKind
{
    /// <summary>Xã: rural commune.</summary>
    Xa,

    /// <summary>Phường: urban ward.</summary>
    Phuong,

    /// <summary>Thị trấn: district seat township.</summary>
    ThiTran,
}
