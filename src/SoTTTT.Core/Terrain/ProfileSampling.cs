namespace SoTTTT.Core.Terrain;

/// <summary>
/// How a path of a given length is sampled: <paramref name="Points"/> equally spaced samples from one end to the other,
/// both ends included, <paramref name="StepM"/> apart (the ITM / SPLAT! profile form [n − 1, step, z0 … zn−1]).
/// </summary>
/// <param name="Points">Number of samples, ≥ 2.</param>
/// <param name="StepM">Horizontal distance between neighbouring samples, metres in the analysis CRS.</param>
public readonly record struct ProfileSampling(int Points, double StepM)
{
    /// <summary>Number of intervals, <see cref="Points"/> − 1.</summary>
    public int Intervals => Points - 1;

    /// <summary>Length of the path, metres: <see cref="Intervals"/> × <see cref="StepM"/>.</summary>
    public double DistanceM => Intervals * StepM;
}
