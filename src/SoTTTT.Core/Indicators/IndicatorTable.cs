using SoTTTT.Core.Model;

namespace SoTTTT.Core.Indicators;

/// <summary>The indicator rows of one level, with the settings they were computed with.</summary>
/// <param name="FibreReachM">Distance (m) used for the fibre indicators.</param>
/// <param name="Unassigned">Points that no code or polygon placed in a unit, by layer (they count in no row).</param>
public sealed record IndicatorTable(
    string Dataset,
    AdminLevel Level,
    string Crs,
    double FibreReachM,
    IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyDictionary<string, int> Unassigned);
