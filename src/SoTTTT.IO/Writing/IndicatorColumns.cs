using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;

namespace SoTTTT.IO.Writing;

/// <summary>
/// The flat columns of an indicator table (CSV, spreadsheets): fixed fields in contract order, with the
/// per-kind, per-operator, per-technology and per-placement breakdowns (union over rows, sorted) after
/// their total, named <c>postal_points_&lt;kind&gt;</c>, <c>bts_&lt;operator&gt;</c>, <c>bts_&lt;tech&gt;</c>,
/// <c>fibre_km_&lt;operator&gt;</c>, <c>fibre_km_&lt;placement&gt;</c>.
/// </summary>
public static class IndicatorColumns
{
    /// <summary>Column names and a cell formatter (invariant culture, fixed decimals; empty for null).</summary>
    public static IReadOnlyList<(string Name, Func<IndicatorRow, string> Cell)> For(IndicatorTable table)
    {
        var kinds = Keys(table, r => r.PostalPointsByKind.Keys);
        var operators = Keys(table, r => r.BtsByOperator.Keys);
        var techs = Keys(table, r => r.BtsByTech.Keys);
        var fibreOperators = Keys(table, r => r.FibreKmByOperator.Keys);
        var placements = Keys(table, r => r.FibreKmByPlacement.Keys);

        var columns = new List<(string, Func<IndicatorRow, string>)>
        {
            ("code", r => r.Code),
            ("name", r => r.Name),
            ("level", r => Codes.Key(r.Level)),
            ("parent_code", r => r.ParentCode ?? string.Empty),
            ("area_km2", r => Fixed(r.AreaKm2, 2)),
            ("area_source", r => r.AreaSource ?? string.Empty),
            ("population", r => r.Population?.ToString() ?? string.Empty),
            ("postal_points", r => r.PostalPoints.ToString()),
        };
        columns.AddRange(kinds.Select(k => ($"postal_points_{k}", (Func<IndicatorRow, string>)(r => r.PostalPointsByKind.GetValueOrDefault(k).ToString()))));
        columns.Add(("service_radius_km", r => Fixed(r.ServiceRadiusKm, 3)));
        columns.Add(("people_per_postal_point", r => Fixed(r.PeoplePerPostalPoint, 0)));
        columns.Add(("settlements", r => r.Settlements.ToString()));
        columns.Add(("postal_access_mean_km", r => Fixed(r.PostalAccessMeanKm, 3)));
        columns.Add(("postal_access_max_km", r => Fixed(r.PostalAccessMaxKm, 3)));
        columns.Add(("bts", r => r.Bts.ToString()));
        columns.AddRange(operators.Select(o => ($"bts_{Slug(o)}", (Func<IndicatorRow, string>)(r => r.BtsByOperator.GetValueOrDefault(o).ToString()))));
        columns.AddRange(techs.Select(t => ($"bts_{Slug(t)}", (Func<IndicatorRow, string>)(r => r.BtsByTech.GetValueOrDefault(t).ToString()))));
        columns.Add(("tower_positions", r => r.TowerPositions.ToString()));
        columns.Add(("bts_per_position", r => Fixed(r.BtsPerPosition, 2)));
        columns.Add(("fibre_km", r => Fixed(r.FibreKm, 3)));
        columns.AddRange(fibreOperators.Select(o => ($"fibre_km_{Slug(o)}", (Func<IndicatorRow, string>)(r => Fixed(r.FibreKmByOperator.GetValueOrDefault(o), 3)))));
        columns.AddRange(placements.Select(p => ($"fibre_km_{Slug(p)}", (Func<IndicatorRow, string>)(r => Fixed(r.FibreKmByPlacement.GetValueOrDefault(p), 3)))));
        columns.Add(("communes", r => r.Communes.ToString()));
        columns.Add(("communes_with_fibre_pct", r => Fixed(r.CommunesWithFibrePct, 1)));
        columns.Add(("settlements_within_fibre_pct", r => Fixed(r.SettlementsWithinFibrePct, 1)));
        foreach (var tech in Enum.GetValues<Technology>())
        {
            columns.Add(($"settlements_covered_pct_{Slug(Codes.Label(tech))}", r => Fixed(r.SettlementsCoveredPctByTech.TryGetValue(tech, out var pct) ? pct : null, 1)));
        }

        return columns;
    }

    /// <summary>A breakdown key as a column suffix: lower case, ASCII (Viettel → viettel, 4G → 4g, S-Fone → sfone).</summary>
    public static string Slug(string key) => Codes.Fold(key);

    public static string Fixed(double? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    private static List<string> Keys(IndicatorTable table, Func<IndicatorRow, IEnumerable<string>> keys) =>
        table.Rows.SelectMany(keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
