namespace SoTTTT.Core.Model;

/// <summary>How a cable route is laid.</summary>
public enum CablePlacement
{
    Aerial,
    Underground,
}
