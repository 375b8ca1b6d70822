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
    /// <summary>The columns that always lead a table of chosen columns: the unit itself.</summary>
    public static readonly IReadOnlyList<string> Identity = ["code", "name", "level", "parent_code"];

    /// <summary>
    /// Column names and a cell formatter (invariant culture, fixed decimals; empty for null): every column, or for a
    /// table of chosen columns (<see cref="IndicatorTable.Columns"/>) the unit's <see cref="Identity"/> and then the chosen
    /// ones in the order asked (a prefix ending in <c>*</c> gives its columns in table order).
    /// </summary>
    public static IReadOnlyList<(string Name, Func<IndicatorRow, string> Cell)> For(IndicatorTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var all = All(table);
        if (table.Columns is not { } chosen)
        {
            return all;
        }

        var byName = all.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var names = new List<string>(Identity);
        foreach (var pattern in chosen)
        {
            // A column whose part was not computed would show zeros that are not the unit's: never.
            var missing = IndicatorPartsOf.For(pattern) & ~table.Parts;
            if (missing != IndicatorParts.None)
            {
                throw new InvalidOperationException($"column {pattern} needs {missing}, which this table was computed without");
            }

            names.AddRange(Matches(all, pattern));
        }

        return [.. names.Distinct(StringComparer.Ordinal).Select(n => byName[n])];
    }

    /// <summary>The chosen columns (names or prefixes ending in <c>*</c>) that name no column of the table, in the order given.</summary>
    public static IReadOnlyList<string> Unknown(IndicatorTable table, IEnumerable<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var all = All(table);
        return [.. chosen.Where(p => !Matches(all, p).Any())];
    }

    /// <summary>Every column name of the table, in order (for the message that lists them).</summary>
    public static IReadOnlyList<string> Names(IndicatorTable table) => [.. All(table).Select(c => c.Name)];

    private static IEnumerable<string> Matches(List<(string Name, Func<IndicatorRow, string> Cell)> all, string pattern) =>
        pattern.EndsWith('*')
            ? all.Select(c => c.Name).Where(n => n.StartsWith(pattern[..^1], StringComparison.Ordinal))
            : all.Select(c => c.Name).Where(n => n == pattern);

    /// <summary>Every column of each table, built once per table object (a table is immutable; the CSV, the check of
    /// <c>--columns</c> and the spreadsheet each ask).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndicatorTable, List<(string Name, Func<IndicatorRow, string> Cell)>> AllOf = [];

    private static List<(string Name, Func<IndicatorRow, string> Cell)> All(IndicatorTable table) => AllOf.GetValue(table, Build);

    private static List<(string Name, Func<IndicatorRow, string> Cell)> Build(IndicatorTable table)
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

        AddIssue12(table, columns);
        return columns;
    }

    /// <summary>
    /// The columns added by issue 12, after the older ones so existing readers keep their positions: X/Y forms
    /// (<c>communes_with_centre</c>, <c>communes_fibre_to_centre</c>), public sites per kind and those within fibre reach,
    /// subscribers and subscribers per 100 inhabitants per service (and per operator), the postal criterion and points
    /// per operator, outside plant (route counts, underground share, copper, nodes). Breakdown columns appear only for
    /// keys the table has.
    /// </summary>
    private static void AddIssue12(IndicatorTable table, List<(string, Func<IndicatorRow, string>)> columns)
    {
        var siteKinds = Keys(table, r => r.PublicSitesByKind.Keys);
        var fibreKnown = table.Rows.Any(r => r.PublicSitesFibreByKind is not null);
        var services = Codes.SubscriberServices.Select(s => s.Key).Where(k => table.Rows.Any(r => r.SubscribersByService.ContainsKey(k))).ToList();
        var postalOperators = Keys(table, r => r.PostalPointsByOperator.Keys);
        var nodeKinds = Codes.NodeKinds.Select(n => n.Key).Where(k => table.Rows.Any(r => r.NodesByKind.ContainsKey(k))).ToList();

        columns.Add(("communes_with_centre", r => r.CommunesWithCentre.ToString(Inv)));
        columns.Add(("communes_fibre_to_centre", r => r.CommunesFibreToCentre.ToString(Inv)));
        foreach (var kind in siteKinds)
        {
            columns.Add(($"public_sites_{kind}", r => r.PublicSitesByKind.GetValueOrDefault(kind).ToString(Inv)));
            if (fibreKnown)
            {
                columns.Add(($"public_sites_fibre_{kind}", r => r.PublicSitesFibreByKind?.GetValueOrDefault(kind).ToString(Inv) ?? string.Empty));
            }
        }

        foreach (var service in services)
        {
            columns.Add(($"subscribers_{service}", r => r.SubscribersByService.TryGetValue(service, out var n) ? n.ToString(Inv) : string.Empty));
            columns.Add(($"subscribers_per_100_{service}", r => Fixed(r.SubscribersPer100ByService.TryGetValue(service, out var v) ? v : null, 1)));
            var operators = Keys(table, r => r.SubscribersByServiceOperator.TryGetValue(service, out var ops) ? ops.Keys : []);
            foreach (var op in operators)
            {
                columns.Add(($"subscribers_{service}_{Slug(op)}", r => r.SubscribersByServiceOperator.TryGetValue(service, out var ops) && ops.TryGetValue(op, out var n) ? n.ToString(Inv) : string.Empty));
            }
        }

        columns.Add(("communes_with_postal", r => r.CommunesWithPostal.ToString(Inv)));
        columns.Add(("communes_with_postal_pct", r => Fixed(r.CommunesWithPostalPct, 1)));
        columns.AddRange(postalOperators.Select(o => ($"postal_operator_{Slug(o)}", (Func<IndicatorRow, string>)(r => r.PostalPointsByOperator.GetValueOrDefault(o).ToString(Inv)))));
        if (table.Rows.Any(r => r.PostalPointsNeeded is not null))
        {
            columns.Add(("postal_points_needed", r => r.PostalPointsNeeded?.ToString(Inv) ?? string.Empty));
        }

        columns.Add(("fibre_routes", r => r.FibreRoutes.ToString(Inv)));
        columns.Add(("fibre_underground_pct", r => Fixed(r.FibreUndergroundPct, 1)));
        if (table.Rows.Any(r => r.CopperRoutes > 0))
        {
            columns.Add(("copper_routes", r => r.CopperRoutes.ToString(Inv)));
            columns.Add(("copper_km", r => Fixed(r.CopperKm, 3)));
        }

        if (nodeKinds.Count > 0)
        {
            columns.Add(("nodes", r => r.Nodes.ToString(Inv)));
            columns.AddRange(nodeKinds.Select(k => ($"nodes_{k}", (Func<IndicatorRow, string>)(r => r.NodesByKind.GetValueOrDefault(k).ToString(Inv)))));
        }
    }

    private static System.Globalization.CultureInfo Inv => System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>A breakdown key as a column suffix: lower case, ASCII (Viettel → viettel, 4G → 4g, S-Fone → sfone).</summary>
    public static string Slug(string key) => Codes.Fold(key);

    public static string Fixed(double? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString(decimals is >= 0 and < 10 ? FixedFormats[decimals] : "F" + decimals, System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    private static readonly string[] FixedFormats = [.. Enumerable.Range(0, 10).Select(d => "F" + d)];

    private static List<string> Keys(IndicatorTable table, Func<IndicatorRow, IEnumerable<string>> keys) =>
        table.Rows.SelectMany(keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
