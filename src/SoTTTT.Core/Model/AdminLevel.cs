namespace SoTTTT.Core.Model;

/// <summary>Level of an administrative unit. The district level exists only in data from before 1 July 2025.</summary>
public enum AdminLevel
{
    Province,
    District,
    Commune,
}
