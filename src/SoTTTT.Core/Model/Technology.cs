namespace SoTTTT.Core.Model;

/// <summary>Mobile radio technology generation.</summary>
public enum Technology
{
    G2,
    G3,
    G4,
    G5,
}
