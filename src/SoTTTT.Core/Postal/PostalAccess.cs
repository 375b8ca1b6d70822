namespace SoTTTT.Core.Postal;

/// <summary>A settlement's access to postal service: its nearest service point and the straight-line distance to it.</summary>
/// <param name="SettlementIndex">Index into the dataset's settlements.</param>
/// <param name="PostalPointIndex">Index into the dataset's postal points.</param>
/// <param name="DistanceM">Straight-line distance in the analysis CRS, metres.</param>
public sealed record PostalAccess(int SettlementIndex, int PostalPointIndex, double DistanceM);
