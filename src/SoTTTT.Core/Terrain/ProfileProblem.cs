using System.Globalization;
using SoTTTT.Core.Validation;

namespace SoTTTT.Core.Terrain;

/// <summary>
/// Why a terrain profile could not be built: the first sample (from the transmitter end) that lies outside the DEM
/// (<see cref="ProblemCodes.DemOutsideExtent"/>) or on a pixel without data (<see cref="ProblemCodes.DemNoData"/>).
/// </summary>
/// <param name="Code"><see cref="ProblemCodes.DemOutsideExtent"/> or <see cref="ProblemCodes.DemNoData"/>.</param>
/// <param name="X">x of the sample in the analysis CRS (easting, metres).</param>
/// <param name="Y">y of the sample in the analysis CRS (northing, metres).</param>
/// <param name="DistanceM">Distance of the sample from the start of the profile, metres.</param>
public sealed record ProfileProblem(string Code, double X, double Y, double DistanceM)
{
    /// <summary>"DEM_NO_DATA at (601100.0, 2331300.0), 1250 m along the path".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Code} at ({X:F1}, {Y:F1}), {DistanceM:F0} m along the path");
}
