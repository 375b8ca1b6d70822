namespace SoTTTT.Core.Coverage;

/// <summary>The propagation environment class of a BTS: urban when its admin unit has <c>urban=true</c> or an <c>urban</c> zone contains it.</summary>
public enum CoverageEnvironment
{
    Rural,
    Urban,
}
