namespace SoTTTT.Core.Indicators;

/// <summary>
/// The parts of an indicator table, which a table of chosen columns (<c>indicators --columns</c>) may leave out. Every
/// other figure (public sites, nodes, copper, subscribers, communes, areas) is always computed: it is cheap. A figure whose part was left out is not computed, so a table made
/// without a part must not show that part's columns (<see cref="IndicatorPartsOf.For"/> says which part a column needs).
/// </summary>
[Flags]
public enum IndicatorParts
{
    None = 0,

    /// <summary>Each settlement's distance to its nearest postal point (<c>postal_access_*</c>).</summary>
    PostalAccess = 1,

    /// <summary>BTS counts per unit, operator and technology (<c>bts*</c>).</summary>
    Bts = 2,

    /// <summary>BTS grouped into tower positions (<c>tower_positions</c>, <c>bts_per_position</c>).</summary>
    Positions = 4,

    /// <summary>Fibre routes cut by unit (<c>fibre_km*</c>, <c>fibre_routes</c>, <c>fibre_underground_pct</c>).</summary>
    FibreRoutes = 8,

    /// <summary>
    /// Fibre reach: settlements, public sites and commune centres within the rules' distance of a route
    /// (<c>settlements_within_fibre_pct</c>, <c>public_sites_fibre_*</c>, <c>communes_with_fibre_pct</c>,
    /// <c>communes_fibre_to_centre</c> and its denominator <c>communes_with_centre</c>, counted where fibre is known).
    /// </summary>
    FibreReach = 16,

    /// <summary>Settlements covered by each technology (<c>settlements_covered_pct_*</c>; with <see cref="Bts"/>).</summary>
    Coverage = 32,

    /// <summary>Settlements placed in units (<c>settlements*</c>; <c>population</c> where a unit has none of its own, and what divides by it).</summary>
    Settlements = 64,

    /// <summary>Postal points placed in units (<c>postal_points*</c>, <c>service_radius_km</c>, <c>communes_with_postal*</c>, <c>postal_operator_*</c>).</summary>
    Postal = 128,

    All = PostalAccess | Bts | Positions | FibreRoutes | FibreReach | Coverage | Settlements | Postal,
}

/// <summary>Which <see cref="IndicatorParts"/> a column of the flat table needs.</summary>
public static class IndicatorPartsOf
{
    /// <summary>The parts the flat column <paramref name="column"/> (a name of the CSV, or a prefix ending in <c>*</c>) needs.</summary>
    public static IndicatorParts For(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = column.TrimEnd('*');
        var wildcard = name.Length < column.Length;

        // A wildcard needs every part that a column it may match needs: "bts*" matches bts_per_position too.
        IndicatorParts Matching(string full, IndicatorParts parts) =>
            (wildcard ? full.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(full, StringComparison.Ordinal) : name.StartsWith(full, StringComparison.Ordinal)) ? parts : IndicatorParts.None;

        return Matching("postal_access_", IndicatorParts.PostalAccess | IndicatorParts.Settlements)
            | Matching("settlements", IndicatorParts.Settlements)
            | Matching("population", IndicatorParts.Settlements)
            | Matching("people_per_postal_point", IndicatorParts.Settlements | IndicatorParts.Postal)
            | Matching("subscribers_per_100_", IndicatorParts.Settlements)
            | Matching("postal_points", IndicatorParts.Postal)
            | Matching("service_radius_km", IndicatorParts.Postal)
            | Matching("communes_with_postal", IndicatorParts.Postal)
            | Matching("postal_operator_", IndicatorParts.Postal)
            | Matching("bts_per_position", IndicatorParts.Bts | IndicatorParts.Positions)
            | Matching("bts", IndicatorParts.Bts)
            | Matching("tower_positions", IndicatorParts.Positions)
            | Matching("fibre_km", IndicatorParts.FibreRoutes)
            | Matching("fibre_routes", IndicatorParts.FibreRoutes)
            | Matching("fibre_underground_pct", IndicatorParts.FibreRoutes)
            | Matching("settlements_within_fibre_pct", IndicatorParts.FibreReach)
            | Matching("public_sites_fibre_", IndicatorParts.FibreReach)
            | Matching("communes_with_fibre_pct", IndicatorParts.FibreReach)
            | Matching("communes_fibre_to_centre", IndicatorParts.FibreReach)
            | Matching("communes_with_centre", IndicatorParts.FibreReach)
            | Matching("settlements_covered_pct_", IndicatorParts.Coverage | IndicatorParts.Bts);
    }
}
