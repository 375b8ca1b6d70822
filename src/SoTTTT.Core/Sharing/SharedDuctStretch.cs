namespace SoTTTT.Core.Sharing;

/// <summary>
/// A stretch of one route that runs within the duct corridor of another operator's routes for at least the minimum
/// length (rules.json <c>shared_duct</c>): a shared-duct candidate. Measured along the route of
/// <paramref name="Operator"/>, which sorts before <paramref name="OtherOperator"/>.
/// </summary>
/// <param name="FromM">Start, metres along the route part from its first vertex.</param>
/// <param name="ToM">End, metres along the route part.</param>
/// <param name="Part">Index of the line within a MultiLineString route (0 for a LineString).</param>
public sealed record SharedDuctStretch(string RouteId, string Operator, string OtherOperator, int Part, double FromM, double ToM)
{
    public double LengthM => ToM - FromM;
}
