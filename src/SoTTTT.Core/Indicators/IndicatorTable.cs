using SoTTTT.Core.Model;

namespace SoTTTT.Core.Indicators;

/// <summary>The indicator rows of one level, with the settings they were computed with.</summary>
/// <param name="FibreReachM">Distance (m) used for the fibre indicators.</param>
/// <param name="Unassigned">
/// Items counted in no row of the level, by layer (points; fibre routes with unassigned length): outside every polygon,
/// or inside a higher unit but in none of its children. Σ rows + unassigned = the dataset's total at every level.
/// </param>
public sealed record IndicatorTable(
    string Dataset,
    AdminLevel Level,
    string Crs,
    double FibreReachM,
    IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyDictionary<string, int> Unassigned)
{
    /// <summary>Every unassigned item with its id, lon/lat and the unit above the level holding it, by layer and id.</summary>
    public IReadOnlyList<UnassignedItem> UnassignedItems { get; init; } = [];

    /// <summary>Points given to the nearest unit within the tolerance, with their distance.</summary>
    public IReadOnlyList<NearestUnitItem> NearestUnitItems { get; init; } = [];

    /// <summary>The tolerance for giving a point to the nearest unit, metres.</summary>
    public double NearestUnitM { get; init; } = Spatial.UnitLocator.DefaultNearestUnitM;

    /// <summary>How fibre lengths were shared among the units a route crosses.</summary>
    public FibreSplit FibreSplit { get; init; }

    /// <summary>The costly parts computed (<see cref="IndicatorParts.All"/> but for a table of chosen columns).</summary>
    public IndicatorParts Parts { get; init; } = IndicatorParts.All;

    /// <summary>
    /// The flat columns chosen (<c>indicators --columns</c>: names, or prefixes ending in <c>*</c>), or null for all;
    /// the CSV, JSON, spreadsheet and console show only these, after the unit's code, name, level and parent.
    /// </summary>
    public IReadOnlyList<string>? Columns { get; init; }
}
