namespace SoTTTT.Core.Model;

/// <summary>Life-cycle state of an antenna tower.</summary>
public enum TowerStatus
{
    Existing,
    Planned,
    Proposed,
}
