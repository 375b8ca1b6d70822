namespace SoTTTT.Core.Rules;

/// <summary>Where the handset is when coverage is judged (rules.json <c>coverage.place</c>, <c>coverage --place</c>).</summary>
public enum ReceiverPlace
{
    /// <summary>Outdoors at street level: no penetration loss.</summary>
    Outdoor,

    /// <summary>Inside a car: the in-car penetration loss (DOMAIN.md ≈ 6–8 dB).</summary>
    InCar,

    /// <summary>Inside a building: the indoor penetration loss of the environment (DOMAIN.md ≈ 10–20 dB).</summary>
    Indoor,
}
