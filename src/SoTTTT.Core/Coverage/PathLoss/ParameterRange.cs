using System.Globalization;

namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>A closed interval [<paramref name="Min"/>, <paramref name="Max"/>] of valid values of one input, in its unit.</summary>
public sealed record ParameterRange(double Min, double Max)
{
    /// <summary>True when <paramref name="value"/> lies in the interval, ends included.</summary>
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>"150–1500", or the single value when the interval is one point (e.g. UMa's hBS = 25 m).</summary>
    public override string ToString() =>
        Min == Max
            ? Min.ToString("0.###", CultureInfo.InvariantCulture)
            : $"{Min.ToString("0.###", CultureInfo.InvariantCulture)}–{Max.ToString("0.###", CultureInfo.InvariantCulture)}";
}
