namespace SoTTTT.Core.Validation;

/// <summary>One point of a layer as the data-quality checks see it (<see cref="PositionQualityValidator"/>).</summary>
/// <param name="Layer">Layer name (<c>bts</c>, <c>towers</c> …).</param>
/// <param name="File">File (or file and sheet) the row comes from.</param>
/// <param name="Row">The row as the user sees it.</param>
/// <param name="Id">The row's id.</param>
/// <param name="LonDeg">WGS84 longitude, degrees east.</param>
/// <param name="LatDeg">WGS84 latitude, degrees north.</param>
/// <param name="X">Easting in the analysis CRS, metres.</param>
/// <param name="Y">Northing in the analysis CRS, metres.</param>
/// <param name="Decimals">
/// Decimals of the coordinates as written, the fewer of the two, when they were written in degrees; null when they
/// were metres (then neither the round-degree nor the precision check applies).
/// </param>
/// <param name="DistinctKey">
/// Points with different keys may share a position by design (BTS of different operators, technologies or sectors on
/// one tower: <c>operator|tech|azimuth</c>); only points with the same key are checked for stacking. Null for layers
/// whose every point is a place of its own.
/// </param>
public sealed record PositionSample(string Layer, string File, int Row, string Id, double LonDeg, double LatDeg, double X, double Y, int? Decimals, string? DistinctKey);
