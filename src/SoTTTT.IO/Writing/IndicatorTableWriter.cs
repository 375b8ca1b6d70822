using System.Text;
using System.Text.Json;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;

namespace SoTTTT.IO.Writing;

/// <summary>Deterministic CSV and JSON renderings of an <see cref="IndicatorTable"/> (invariant culture, fixed decimals, <c>\n</c>).</summary>
public static class IndicatorTableWriter
{
    public static string ToCsv(IndicatorTable table)
    {
        var columns = IndicatorColumns.For(table);
        var sb = new StringBuilder();
        sb.Append(string.Join(',', columns.Select(c => c.Name))).Append('\n');
        foreach (var row in table.Rows)
        {
            sb.Append(string.Join(',', columns.Select(c => CsvCell(c.Cell(row))))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// The items counted in no unit of the level (<see cref="IndicatorTable.UnassignedItems"/>) as CSV:
    /// <c>layer,id,lon,lat,unit_code,km</c> (WGS84, 7 decimals; <c>unit_code</c> the unit above the level holding the
    /// item, empty when it lies outside every polygon; <c>km</c> for fibre routes).
    /// </summary>
    public static string UnassignedCsv(IndicatorTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return CsvOutput.Write<UnassignedItem>(
            [
                ("layer", u => u.Layer),
                ("id", u => u.Id),
                ("lon", u => CsvOutput.Fixed(u.LonDeg, 7)),
                ("lat", u => CsvOutput.Fixed(u.LatDeg, 7)),
                ("unit_code", u => u.UnitCode ?? string.Empty),
                ("km", u => CsvOutput.Fixed(u.Km, 3)),
            ],
            table.UnassignedItems);
    }

    /// <summary>
    /// JSON: <c>{"dataset", "level", "crs", "fibre_reach_m", "unassigned", "nearest_unit_m", "unassigned_items",
    /// "nearest_unit_items", "units": [ … ]}</c>, each unit with the
    /// keys of the README (breakdowns as nested objects: <c>postal_points_by_kind</c>, <c>bts_by_operator</c>,
    /// <c>bts_by_tech</c>, <c>fibre_km_by_operator</c>, <c>fibre_km_by_placement</c>).
    /// </summary>
    /// <summary>
    /// The units of a table of chosen columns (<c>indicators --columns</c>): flat objects keyed by the CSV's column
    /// names, numbers as numbers (rounded as in the CSV), an empty cell as null.
    /// </summary>
    private static void ChosenUnits(Utf8JsonWriter w, IndicatorTable table)
    {
        var columns = IndicatorColumns.For(table);
        foreach (var r in table.Rows)
        {
            w.WriteStartObject();
            foreach (var (name, cell) in columns)
            {
                var text = cell(r);
                if (text.Length == 0)
                {
                    w.WriteNull(name);
                }
                else if (name is "code" or "name" or "level" or "parent_code" or "area_source"
                    || !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    w.WriteString(name, text);
                }
                else
                {
                    w.WriteNumber(name, number);
                }
            }

            w.WriteEndObject();
        }
    }

    public static string ToJson(IndicatorTable table)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("dataset", table.Dataset);
            w.WriteString("level", Codes.Key(table.Level));
            w.WriteString("crs", table.Crs);
            w.WriteNumber("fibre_reach_m", table.FibreReachM);
            w.WriteString("fibre_split", table.FibreSplit == FibreSplit.Exact ? "exact" : "midpoint");
            w.WriteStartObject("unassigned");
            foreach (var (layer, count) in table.Unassigned.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(layer, count);
            }

            w.WriteEndObject();
            w.WriteNumber("nearest_unit_m", table.NearestUnitM);
            w.WriteStartArray("unassigned_items");
            foreach (var u in table.UnassignedItems)
            {
                w.WriteStartObject();
                w.WriteString("layer", u.Layer);
                w.WriteString("id", u.Id);
                w.WriteNumber("lon", Math.Round(u.LonDeg, 7));
                w.WriteNumber("lat", Math.Round(u.LatDeg, 7));
                NullableString(w, "unit_code", u.UnitCode);
                Number(w, "km", u.Km, 3);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("nearest_unit_items");
            foreach (var n in table.NearestUnitItems)
            {
                w.WriteStartObject();
                w.WriteString("layer", n.Layer);
                w.WriteString("id", n.Id);
                w.WriteNumber("lon", Math.Round(n.LonDeg, 7));
                w.WriteNumber("lat", Math.Round(n.LatDeg, 7));
                w.WriteString("unit_code", n.UnitCode);
                w.WriteNumber("distance_m", Math.Round(n.DistanceM, 1));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("units");
            if (table.Columns is not null)
            {
                ChosenUnits(w, table);
            }

            foreach (var r in table.Columns is null ? table.Rows : [])
            {
                w.WriteStartObject();
                w.WriteString("code", r.Code);
                w.WriteString("name", r.Name);
                w.WriteString("level", Codes.Key(r.Level));
                NullableString(w, "parent_code", r.ParentCode);
                Number(w, "area_km2", r.AreaKm2, 2);
                NullableString(w, "area_source", r.AreaSource);
                if (r.Population is { } pop)
                {
                    w.WriteNumber("population", pop);
                }
                else
                {
                    w.WriteNull("population");
                }

                w.WriteNumber("postal_points", r.PostalPoints);
                Counts(w, "postal_points_by_kind", r.PostalPointsByKind);
                Number(w, "service_radius_km", r.ServiceRadiusKm, 3);
                Number(w, "people_per_postal_point", r.PeoplePerPostalPoint, 0);
                w.WriteNumber("settlements", r.Settlements);
                Number(w, "postal_access_mean_km", r.PostalAccessMeanKm, 3);
                Number(w, "postal_access_max_km", r.PostalAccessMaxKm, 3);
                w.WriteNumber("bts", r.Bts);
                Counts(w, "bts_by_operator", r.BtsByOperator);
                Counts(w, "bts_by_tech", r.BtsByTech);
                w.WriteNumber("tower_positions", r.TowerPositions);
                Number(w, "bts_per_position", r.BtsPerPosition, 2);
                Number(w, "fibre_km", r.FibreKm, 3);
                Sums(w, "fibre_km_by_operator", r.FibreKmByOperator);
                Sums(w, "fibre_km_by_placement", r.FibreKmByPlacement);
                w.WriteNumber("communes", r.Communes);
                Number(w, "communes_with_fibre_pct", r.CommunesWithFibrePct, 1);
                Number(w, "settlements_within_fibre_pct", r.SettlementsWithinFibrePct, 1);
                foreach (var tech in Enum.GetValues<Technology>())
                {
                    Number(w, $"settlements_covered_pct_{Codes.Label(tech).ToLowerInvariant()}", r.SettlementsCoveredPctByTech.TryGetValue(tech, out var pct) ? pct : null, 1);
                }

                WriteIssue12(w, r);

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The keys added by issue 12 (after the older ones).</summary>
    private static void WriteIssue12(Utf8JsonWriter w, IndicatorRow r)
    {
        w.WriteNumber("communes_with_centre", r.CommunesWithCentre);
        w.WriteNumber("communes_fibre_to_centre", r.CommunesFibreToCentre);
        Counts(w, "public_sites_by_kind", r.PublicSitesByKind);
        if (r.PublicSitesFibreByKind is { } fibre)
        {
            Counts(w, "public_sites_fibre_by_kind", fibre);
        }
        else
        {
            w.WriteNull("public_sites_fibre_by_kind");
        }

        w.WriteStartObject("subscribers_by_service");
        foreach (var (k, v) in r.SubscribersByService)
        {
            w.WriteNumber(k, v);
        }

        w.WriteEndObject();
        w.WriteStartObject("subscribers_per_100_by_service");
        foreach (var (k, v) in r.SubscribersPer100ByService)
        {
            w.WriteNumber(k, Math.Round(v, 1, MidpointRounding.AwayFromZero));
        }

        w.WriteEndObject();
        w.WriteStartObject("subscribers_by_service_operator");
        foreach (var (service, ops) in r.SubscribersByServiceOperator)
        {
            w.WriteStartObject(service);
            foreach (var (op, v) in ops)
            {
                w.WriteNumber(op, v);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteNumber("communes_with_postal", r.CommunesWithPostal);
        Number(w, "communes_with_postal_pct", r.CommunesWithPostalPct, 1);
        Counts(w, "postal_points_by_operator", r.PostalPointsByOperator);
        if (r.PostalPointsNeeded is { } needed)
        {
            w.WriteNumber("postal_points_needed", needed);
        }
        else
        {
            w.WriteNull("postal_points_needed");
        }

        w.WriteNumber("fibre_routes", r.FibreRoutes);
        Number(w, "fibre_underground_pct", r.FibreUndergroundPct, 1);
        w.WriteNumber("copper_routes", r.CopperRoutes);
        Number(w, "copper_km", r.CopperKm, 3);
        w.WriteNumber("nodes", r.Nodes);
        Counts(w, "nodes_by_kind", r.NodesByKind);
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, double? value, int decimals)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, decimals, MidpointRounding.AwayFromZero));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Counts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, int> counts)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in counts)
        {
            w.WriteNumber(k, v);
        }

        w.WriteEndObject();
    }

    private static void Sums(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, double> sums)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in sums)
        {
            w.WriteNumber(k, Math.Round(v, 3, MidpointRounding.AwayFromZero));
        }

        w.WriteEndObject();
    }

    private static string CsvCell(string value) => CsvOutput.Cell(value);
}
