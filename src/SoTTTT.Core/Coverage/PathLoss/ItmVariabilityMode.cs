namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// How the ITM combines time, location and situation variability (the mode of variability <c>mdvar</c>, Hufford,
/// "The ITS Irregular Terrain Model, version 1.2.2: The Algorithm", §5).
/// </summary>
public enum ItmVariabilityMode
{
    /// <summary>0: single message mode — one confidence (the situation percentage) for everything.</summary>
    SingleMessage = 0,

    /// <summary>1: accidental (individual) mode — reliability is the time percentage, confidence the situation one.</summary>
    Accidental = 1,

    /// <summary>2: mobile mode — time and location combined in one reliability (the time percentage); SPLAT!'s mode.</summary>
    Mobile = 2,

    /// <summary>3: broadcast mode — time, location and situation percentages each act on their own.</summary>
    Broadcast = 3,
}
