using SoTTTT.Core.Terrain;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Terrain;

/// <summary>A DEM read from a GeoTIFF file, or the problems that prevented it (then <paramref name="Grid"/> is null).</summary>
/// <param name="Grid">The elevation grid, or null.</param>
/// <param name="Problems">Every problem found (codes <see cref="ProblemCodes.DemUnreadable"/>, <see cref="ProblemCodes.DemUnsupported"/>, <see cref="ProblemCodes.DemNoCrs"/>); the file is the problem's <c>File</c>, the tag its <c>Column</c>.</param>
public sealed record GeoTiffReadResult(ElevationGrid? Grid, IReadOnlyList<ValidationProblem> Problems);
