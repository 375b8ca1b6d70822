namespace SoTTTT.Core.Rules;

/// <summary>A distance in metres that differs between urban and non-urban areas.</summary>
/// <param name="UrbanM">Metres in urban areas (đô thị).</param>
/// <param name="NonUrbanM">Metres elsewhere (ngoài đô thị).</param>
public sealed record DistancePair(double UrbanM, double NonUrbanM)
{
    public double For(bool urban) => urban ? UrbanM : NonUrbanM;

    /// <summary>The larger of the two: the search radius that covers both cases.</summary>
    public double MaxM => Math.Max(UrbanM, NonUrbanM);
}
