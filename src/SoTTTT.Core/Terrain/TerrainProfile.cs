namespace SoTTTT.Core.Terrain;

/// <summary>
/// Ground elevations along a straight line of the analysis CRS, equally spaced from the start to the end point, both
/// included (see <see cref="TerrainProfiler"/>). Immutable.
/// </summary>
public sealed class TerrainProfile
{
    private readonly double[] _elevations;

    /// <summary>A profile of <paramref name="elevationsM"/> (copied) spaced <paramref name="stepM"/> apart.</summary>
    /// <exception cref="ArgumentException">Fewer than two samples, a non-finite elevation or a step that is not positive and finite.</exception>
    public TerrainProfile(ReadOnlySpan<double> elevationsM, double stepM)
    {
        if (elevationsM.Length < 2)
        {
            throw new ArgumentException("A profile needs at least two samples.", nameof(elevationsM));
        }

        if (!(double.IsFinite(stepM) && stepM > 0))
        {
            throw new ArgumentException($"The step ({stepM} m) must be positive and finite.", nameof(stepM));
        }

        foreach (var z in elevationsM)
        {
            if (!double.IsFinite(z))
            {
                throw new ArgumentException("Every elevation of a profile must be finite.", nameof(elevationsM));
            }
        }

        _elevations = elevationsM.ToArray();
        StepM = stepM;
    }

    /// <summary>Distance between neighbouring samples, metres.</summary>
    public double StepM { get; }

    /// <summary>Number of samples.</summary>
    public int Points => _elevations.Length;

    /// <summary>Length of the path, metres: (<see cref="Points"/> − 1) × <see cref="StepM"/>.</summary>
    public double DistanceM => (_elevations.Length - 1) * StepM;

    /// <summary>Ground elevations in metres above mean sea level, from the start to the end.</summary>
    public ReadOnlySpan<double> ElevationsM => _elevations;
}
