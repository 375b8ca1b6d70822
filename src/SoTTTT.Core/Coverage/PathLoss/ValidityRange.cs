namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// Where a model is valid, as its source states it: frequency in MHz, horizontal distance in km, base-station and
/// mobile antenna heights in m. A null height range means the model does not use that height.
/// </summary>
public sealed record ValidityRange(ParameterRange FreqMHz, ParameterRange DistanceKm, ParameterRange? BaseHeightM, ParameterRange? MobileHeightM)
{
    /// <summary>Every input of <paramref name="input"/> outside these ranges, in the order frequency, distance, hb, hm.</summary>
    public IReadOnlyList<OutOfRangeParameter> Check(PathLossInput input)
    {
        var outside = new List<OutOfRangeParameter>();
        Add(outside, PathLossParameters.FreqMHz, input.FreqMHz, FreqMHz, "MHz");
        Add(outside, PathLossParameters.DistanceKm, input.DistanceKm, DistanceKm, "km");
        if (BaseHeightM is not null && input.BaseHeightM is { } hb)
        {
            Add(outside, PathLossParameters.BaseHeightM, hb, BaseHeightM, "m");
        }

        if (MobileHeightM is not null && input.MobileHeightM is { } hm)
        {
            Add(outside, PathLossParameters.MobileHeightM, hm, MobileHeightM, "m");
        }

        return outside;
    }

    private static void Add(List<OutOfRangeParameter> outside, string name, double value, ParameterRange range, string unit)
    {
        if (!range.Contains(value))
        {
            outside.Add(new OutOfRangeParameter(name, value, range, unit));
        }
    }
}
