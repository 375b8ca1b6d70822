using SoTTTT.Core.Model;

namespace SoTTTT.Core.Indicators;

/// <summary>
/// A unit's subscriber counts from <c>subscribers.csv</c>, which may give counts at any level, per operator or for all
/// operators. Per service, without double counting:
/// <list type="bullet">
/// <item>per operator: the unit's own row for that operator, else the sum over its child units' figures for it;</item>
/// <item>all operators: the unit's own row without an operator, else the sum of its own per-operator rows, else the sum
/// over its child units' figures.</item>
/// </list>
/// Of several rows of one unit, service and operator (different dates), the latest date counts (an undated row only when
/// there is no dated one). Pure.
/// </summary>
public sealed class SubscriberTotals
{
    private readonly AdminHierarchy hierarchy;
    private readonly Dictionary<(string Unit, string? Operator, SubscriberService Service), long> own = [];
    private readonly Dictionary<string, Dictionary<SubscriberService, long>> totals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<SubscriberService, Dictionary<string, long>>> byOperator = new(StringComparer.Ordinal);

    /// <summary>A dataset without subscriber counts: every unit's answer (no per-unit work, no allocation).</summary>
    private static readonly IReadOnlyDictionary<SubscriberService, long> NoCounts = new Dictionary<SubscriberService, long>();

    private static readonly IReadOnlyDictionary<SubscriberService, Dictionary<string, long>> NoOperators = new Dictionary<SubscriberService, Dictionary<string, long>>();

    public SubscriberTotals(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        hierarchy = dataset.Hierarchy;
        foreach (var group in dataset.Subscribers.GroupBy(s => (s.UnitCode, s.Operator, s.Service)))
        {
            // ISO dates of one precision order as text; a longer date of the same year is the later report.
            var latest = group.OrderByDescending(s => s.Date ?? string.Empty, StringComparer.Ordinal).First();
            own[group.Key] = latest.Count;
        }
    }

    /// <summary>Subscribers of all operators by service for the unit; services without any figure are absent.</summary>
    public IReadOnlyDictionary<SubscriberService, long> Total(string unitCode)
    {
        if (own.Count == 0)
        {
            return NoCounts;
        }

        if (totals.TryGetValue(unitCode, out var done))
        {
            return done;
        }

        var result = new Dictionary<SubscriberService, long>();
        foreach (var service in Enum.GetValues<SubscriberService>())
        {
            if (own.TryGetValue((unitCode, null, service), out var all))
            {
                result[service] = all;
                continue;
            }

            var operators = own.Where(kv => kv.Key.Unit == unitCode && kv.Key.Operator is not null && kv.Key.Service == service).ToList();
            if (operators.Count > 0)
            {
                result[service] = operators.Sum(kv => kv.Value);
                continue;
            }

            long sum = 0;
            var any = false;
            foreach (var child in hierarchy.ChildrenOf(unitCode))
            {
                if (Total(child.Code).TryGetValue(service, out var c))
                {
                    sum += c;
                    any = true;
                }
            }

            if (any)
            {
                result[service] = sum;
            }
        }

        totals[unitCode] = result;
        return result;
    }

    /// <summary>Subscribers by service and operator for the unit, where counts name the operator.</summary>
    public IReadOnlyDictionary<SubscriberService, Dictionary<string, long>> ByOperator(string unitCode)
    {
        if (own.Count == 0)
        {
            return NoOperators;
        }

        if (byOperator.TryGetValue(unitCode, out var done))
        {
            return done;
        }

        var result = new Dictionary<SubscriberService, Dictionary<string, long>>();
        foreach (var ((unit, op, service), count) in own)
        {
            if (unit == unitCode && op is not null)
            {
                Slot(result, service)[op] = count;
            }
        }

        foreach (var child in hierarchy.ChildrenOf(unitCode))
        {
            foreach (var (service, ops) in ByOperator(child.Code))
            {
                foreach (var (op, count) in ops)
                {
                    if (!own.ContainsKey((unitCode, op, service)))
                    {
                        var slot = Slot(result, service);
                        slot[op] = slot.GetValueOrDefault(op) + count;
                    }
                }
            }
        }

        byOperator[unitCode] = result;
        return result;

        static Dictionary<string, long> Slot(Dictionary<SubscriberService, Dictionary<string, long>> into, SubscriberService service)
        {
            if (!into.TryGetValue(service, out var slot))
            {
                into[service] = slot = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            return slot;
        }
    }

    /// <summary>Subscribers per 100 inhabitants: 100 · count / population; null when the population is unknown or 0.</summary>
    public static double? Per100(long count, long? population) => population is > 0 and { } p ? 100.0 * count / p : null;
}
