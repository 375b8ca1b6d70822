using SoTTTT.Core.Model;

namespace SoTTTT.Core.Indicators;

/// <summary>
/// The "old" figures of a new unit formed by merging old units: the sum of the old units' figures where the indicator is
/// additive (counts, km, km², population), ratios recomputed from the summed parts where the rows hold those parts, and
/// blank with a reason code otherwise.
/// </summary>
public static class MergedOldValues
{
    /// <summary>Blank because the indicator cannot be summed (routes counted in every unit they cross; a population-weighted mean distance).</summary>
    public const string NotAdditive = "MERGED_NOT_ADDITIVE";

    /// <summary>Blank because some of the merged old units lack the figure (or a part needed to recompute it).</summary>
    public const string PartMissing = "MERGED_PART_MISSING";

    private static readonly HashSet<string> Additive = new(StringComparer.Ordinal)
    {
        "area_km2", "population", "postal_points", "communes_with_postal", "settlements", "bts", "tower_positions",
        "fibre_km", "copper_km", "nodes", "communes", "communes_fibre_to_centre",
    };

    /// <summary>
    /// (key, value, note, isBreakdown) for every indicator key of the parts (<see cref="IndicatorValues"/>): value null and
    /// note <see cref="NotAdditive"/> or <see cref="PartMissing"/> when it cannot be given honestly; value and note null
    /// when no part has the indicator at all.
    /// </summary>
    public static IReadOnlyList<(string Key, double? Value, string? Note, bool Breakdown)> Of(IReadOnlyList<IndicatorRow> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var values = parts.Select(p => IndicatorValues.Of(p).ToDictionary(v => v.Key, StringComparer.Ordinal)).ToList();
        var keys = values.SelectMany(v => v.Keys).Distinct(StringComparer.Ordinal).ToList();
        var breakdowns = values.SelectMany(v => v.Values).Where(v => v.Breakdown).Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var result = new List<(string, double?, string?, bool)>();
        foreach (var key in keys)
        {
            if (breakdowns.Contains(key))
            {
                result.Add((key, values.Sum(v => v.TryGetValue(key, out var x) ? x.Value ?? 0 : 0), null, true));
                continue;
            }

            var (value, note) = Scalar(key, parts, values);
            result.Add((key, value, note, false));
        }

        return result;
    }

    private static (double? Value, string? Note) Scalar(string key, IReadOnlyList<IndicatorRow> parts, List<Dictionary<string, (string Key, double? Value, bool Breakdown)>> values)
    {
        if (Additive.Contains(key) || key.StartsWith("subscribers_", StringComparison.Ordinal) && !key.StartsWith("subscribers_per_100_", StringComparison.Ordinal))
        {
            return Sum(key, values);
        }

        var area = Sum("area_km2", values).Value;
        var population = Sum("population", values).Value;
        var postal = parts.Sum(p => p.PostalPoints);
        switch (key)
        {
            case "service_radius_km":
                return Ratio(IndicatorsCalculator.ServiceRadiusKm(area, postal), area is null && postal > 0);
            case "people_per_postal_point":
                return Ratio(IndicatorsCalculator.PeoplePerPoint(population is { } p ? (long)p : null, postal), population is null && postal > 0);
            case "communes_with_postal_pct":
                return Ratio(Pct(parts.Sum(p => p.CommunesWithPostal), parts.Sum(p => p.Communes)), false);
            case "bts_per_position":
                var positions = parts.Sum(p => p.TowerPositions);
                return Ratio(positions > 0 ? (double)parts.Sum(p => p.Bts) / positions : null, false);
            case "fibre_underground_pct":
                var underground = Codes.Key(CablePlacement.Underground);
                return Ratio(Pct(parts.Sum(p => p.FibreKmByPlacement.GetValueOrDefault(underground)), parts.Sum(p => p.FibreKm)), false);
            case "communes_with_fibre_pct":
                return Ratio(Pct(parts.Sum(p => p.CommunesFibreToCentre), parts.Sum(p => p.CommunesWithCentre)), false);
            case "settlements_within_fibre_pct":
                return SettlementShare(parts, p => p.SettlementsWithinFibrePct);
        }

        if (key.StartsWith("settlements_covered_pct_", StringComparison.Ordinal))
        {
            var tech = Enum.GetValues<Technology>().Single(t => key == "settlements_covered_pct_" + Codes.Fold(Codes.Label(t)));
            return SettlementShare(parts, p => p.SettlementsCoveredPctByTech.TryGetValue(tech, out var pct) ? pct : null);
        }

        if (key.StartsWith("subscribers_per_100_", StringComparison.Ordinal))
        {
            var (subscribers, note) = Sum("subscribers_" + key["subscribers_per_100_".Length..], values);
            return subscribers is { } s && population is { } pop
                ? Ratio(SubscriberTotals.Per100((long)s, (long)pop), false)
                : (null, note ?? (subscribers is null ? null : PartMissing));
        }

        // Route counts (a route crossing two merged units counts in each), the population-weighted access distance, and
        // any indicator not listed above: no honest sum.
        return (null, NotAdditive);
    }

    /// <summary>The sum over the parts; null without note when no part has it, null with <see cref="PartMissing"/> when only some have it.</summary>
    private static (double? Value, string? Note) Sum(string key, List<Dictionary<string, (string Key, double? Value, bool Breakdown)>> values)
    {
        var known = values.Select(v => v.TryGetValue(key, out var x) ? x.Value : null).ToList();
        if (known.All(v => v is null))
        {
            return (null, null);
        }

        return known.Any(v => v is null) ? (null, PartMissing) : (known.Sum(v => v!.Value), null);
    }

    /// <summary>A share of settlements recomputed as Σ(pctᵢ·nᵢ) / Σnᵢ, which is the count ratio; needs the share of every part with settlements.</summary>
    private static (double? Value, string? Note) SettlementShare(IReadOnlyList<IndicatorRow> parts, Func<IndicatorRow, double?> pct)
    {
        var withSettlements = parts.Where(p => p.Settlements > 0).ToList();
        if (withSettlements.Count == 0 || withSettlements.All(p => pct(p) is null))
        {
            return (null, null);
        }

        return withSettlements.Any(p => pct(p) is null)
            ? (null, PartMissing)
            : (withSettlements.Sum(p => pct(p)!.Value * p.Settlements) / withSettlements.Sum(p => p.Settlements), null);
    }

    private static double? Pct(double part, double whole) => whole > 0 ? 100.0 * part / whole : null;

    private static (double? Value, string? Note) Ratio(double? value, bool partMissing) => (value, value is null && partMissing ? PartMissing : null);
}
