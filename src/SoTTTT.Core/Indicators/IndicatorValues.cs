using SoTTTT.Core.Model;

namespace SoTTTT.Core.Indicators;

/// <summary>
/// The numeric indicators of a row under the keys of the CSV columns, for comparing snapshots: scalars (null when not
/// computable) and breakdowns (per kind, operator, technology, service), whose absent keys read as 0 when the other
/// snapshot has them.
/// </summary>
public static class IndicatorValues
{
    /// <summary>(key, value, isBreakdownCount) in report order.</summary>
    public static IReadOnlyList<(string Key, double? Value, bool Breakdown)> Of(IndicatorRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var values = new List<(string, double?, bool)>
        {
            ("area_km2", r.AreaKm2, false),
            ("population", r.Population, false),
            ("postal_points", r.PostalPoints, false),
        };
        values.AddRange(r.PostalPointsByKind.Select(kv => ($"postal_points_{kv.Key}", (double?)kv.Value, true)));
        values.AddRange(r.PostalPointsByOperator.Select(kv => ($"postal_operator_{Codes.Fold(kv.Key)}", (double?)kv.Value, true)));
        values.Add(("service_radius_km", r.ServiceRadiusKm, false));
        values.Add(("people_per_postal_point", r.PeoplePerPostalPoint, false));
        values.Add(("communes_with_postal", r.CommunesWithPostal, false));
        values.Add(("communes_with_postal_pct", r.CommunesWithPostalPct, false));
        values.Add(("settlements", r.Settlements, false));
        values.Add(("postal_access_mean_km", r.PostalAccessMeanKm, false));
        values.Add(("bts", r.Bts, false));
        values.AddRange(r.BtsByOperator.Select(kv => ($"bts_{Codes.Fold(kv.Key)}", (double?)kv.Value, true)));
        values.AddRange(r.BtsByTech.Select(kv => ($"bts_{Codes.Fold(kv.Key)}", (double?)kv.Value, true)));
        values.Add(("tower_positions", r.TowerPositions, false));
        values.Add(("bts_per_position", r.BtsPerPosition, false));
        values.Add(("fibre_routes", r.FibreRoutes, false));
        values.Add(("fibre_km", r.FibreKm, false));
        values.Add(("fibre_underground_pct", r.FibreUndergroundPct, false));
        values.Add(("copper_routes", r.CopperRoutes, false));
        values.Add(("copper_km", r.CopperKm, false));
        values.Add(("nodes", r.Nodes, false));
        values.AddRange(r.NodesByKind.Select(kv => ($"nodes_{kv.Key}", (double?)kv.Value, true)));
        values.Add(("communes", r.Communes, false));
        values.Add(("communes_fibre_to_centre", r.CommunesFibreToCentre, false));
        values.Add(("communes_with_fibre_pct", r.CommunesWithFibrePct, false));
        values.Add(("settlements_within_fibre_pct", r.SettlementsWithinFibrePct, false));
        foreach (var tech in Enum.GetValues<Technology>())
        {
            values.Add(($"settlements_covered_pct_{Codes.Fold(Codes.Label(tech))}", r.SettlementsCoveredPctByTech.TryGetValue(tech, out var pct) ? pct : null, false));
        }

        foreach (var service in Codes.SubscriberServices.Select(s => s.Key))
        {
            values.Add(($"subscribers_{service}", r.SubscribersByService.TryGetValue(service, out var n) ? n : null, false));
            values.Add(($"subscribers_per_100_{service}", r.SubscribersPer100ByService.TryGetValue(service, out var v) ? v : null, false));
        }

        return values;
    }
}
