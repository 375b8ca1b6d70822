namespace SoTTTT.Core.Model;

/// <summary>Kind of network node (<c>nodes.csv</c>), as the reports count them ("129 điểm chuyển mạch", Hải Dương).</summary>
public enum NodeKind
{
    /// <summary>Exchange, host (tổng đài).</summary>
    Exchange,

    /// <summary>Switching point (điểm chuyển mạch): a remote switch or access node of the exchange.</summary>
    SwitchingPoint,

    /// <summary>DSLAM (copper broadband access).</summary>
    Dslam,

    /// <summary>OLT (fibre GPON access).</summary>
    Olt,

    /// <summary>Street cabinet (tủ cáp).</summary>
    Cabinet,
}
