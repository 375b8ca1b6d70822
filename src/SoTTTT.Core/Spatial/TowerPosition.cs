using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>
/// A tower position: a tower of towers.csv (with or without BTS), or a position inferred from BTS that name no tower
/// and stand near no tower (see <see cref="BtsPositionGrouping"/>).
/// </summary>
/// <param name="Id">The tower id, or <c>~</c> + the smallest BTS id of an inferred position.</param>
/// <param name="Location">The tower's location; for an inferred position the mean of its BTS (analysis CRS, metres).</param>
/// <param name="Tower">The tower record; null for an inferred position.</param>
/// <param name="BtsIndices">Indices into the dataset's BTS list of the BTS at this position, ascending.</param>
/// <param name="Operators">Distinct operators of those BTS (the tenants), in ordinal order.</param>
public sealed record TowerPosition(string Id, Point Location, Tower? Tower, IReadOnlyList<int> BtsIndices, IReadOnlyList<string> Operators)
{
    public bool Inferred => Tower is null;

    /// <summary>Shared: two or more operators stand here.</summary>
    public bool Shared => Operators.Count >= 2;
}
