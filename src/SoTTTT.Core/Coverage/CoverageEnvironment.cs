namespace SoTTTT.Core.Coverage;

/// <summary>
/// The propagation environment class of a BTS: urban when an <c>urban</c> zone contains it or its admin unit (or nearest
/// flagged ancestor) has <c>urban=true</c>; suburban when a <c>suburban</c> zone contains it; else rural. Denser
/// environments never lose less than more open ones (<see cref="CoverageModelChoice"/>).
/// </summary>
public enum CoverageEnvironment
{
    Rural,
    Urban,
    Suburban,
}
