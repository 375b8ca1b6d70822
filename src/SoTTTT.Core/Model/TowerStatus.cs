namespace SoTTTT.Core.Model;

/// <summary>Life-cycle state of an antenna tower.</summary>
public enum TowerStatus
{
    Existing,
    Planned,
    Proposed,

    /// <summary>Taken down or out of service (ngừng hoạt động, đã tháo dỡ): kept in the list, never a position.</summary>
    Decommissioned,
}
