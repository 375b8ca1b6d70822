using SoTTTT.Core.Coverage;

namespace SoTTTT.Core.Rules;

/// <summary>
/// A figure that differs by propagation environment (rules.json <c>{"urban": x, "suburban": y, "rural": z}</c>, or one
/// number for all three), in the unit of the key that holds it.
/// </summary>
public sealed record EnvironmentValues(double Urban, double Suburban, double Rural)
{
    /// <summary>The same value in every environment.</summary>
    public static EnvironmentValues All(double value) => new(value, value, value);

    /// <summary>The value of <paramref name="environment"/>.</summary>
    public double For(CoverageEnvironment environment) => environment switch
    {
        CoverageEnvironment.Urban => Urban,
        CoverageEnvironment.Suburban => Suburban,
        _ => Rural,
    };
}
