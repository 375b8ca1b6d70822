using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The boresight range of footprints, solved once per distinct set of inputs they depend on: the loss terms (environment and band, which fix the model chain of one engine, the effective base height
/// and the receiver height), the largest path loss allowed and the reach. BTS of one configuration (band, height, power, environment) share
/// one solve: the synthetic national profile, whose heights and powers are drawn at random, still repeats 144,911
/// sets over 350,000 BTS. The answer is exactly the one
/// the footprint would solve alone: the key holds every input of <see cref="BtsFootprint"/>'s range within one
/// engine. One instance serves one <see cref="CoverageEngine"/> (one rules set and one imposed model, so that the
/// environment and band fix the model chain) on one thread: the engine's parallel footprints give each worker its own
/// (a configuration two workers both meet is solved twice, to the same answer — far cheaper than the locks a shared
/// table took on every insertion). It also keeps the loss terms per set of inputs to them (environment, band, heights),
/// shared by the footprints it serves. Not thread-safe.
/// </summary>
internal sealed class RangeSolutions
{
    private readonly Dictionary<Key, (double RangeKm, bool Capped)> solved = [];
    private readonly Dictionary<TermKey, BtsFootprint.LossTerm[]> terms = [];
    private readonly Dictionary<(Technology Tech, double EirpDbm, double? BandwidthMHz, CoverageEnvironment Environment), LinkBudget> budgets = [];

    /// <summary>The input sets solved so far.</summary>
    public IEnumerable<Key> Keys => solved.Keys;

    public (double RangeKm, bool Capped) GetOrSolve(Key key, Func<(double RangeKm, bool Capped)> solve)
    {
        if (!solved.TryGetValue(key, out var found))
        {
            solved[key] = found = solve();
        }

        return found;
    }

    /// <summary>The link budget of a BTS of these inputs under the engine's rules, made by the first that asks (immutable, shared).</summary>
    public LinkBudget BudgetFor(Technology tech, double eirpDbm, double? bandwidthMHz, CoverageEnvironment environment, Rules.CoverageRules rules)
    {
        if (!budgets.TryGetValue((tech, eirpDbm, bandwidthMHz, environment), out var found))
        {
            budgets[(tech, eirpDbm, bandwidthMHz, environment)] = found = LinkBudget.For(tech, eirpDbm, bandwidthMHz, rules, environment);
        }

        return found;
    }

    /// <summary>The loss terms of footprints with these inputs, made by the first that asks.</summary>
    public BtsFootprint.LossTerm[] TermsFor(TermKey key, Func<BtsFootprint.LossTerm[]> make)
    {
        if (!terms.TryGetValue(key, out var found))
        {
            terms[key] = found = make();
        }

        return found;
    }

    /// <summary>
    /// Every input the loss terms depend on within one engine: the environment and the band fix the model chain, the
    /// heights the losses.
    /// </summary>
    internal readonly record struct TermKey(CoverageEnvironment Environment, double BandMHz, double EffectiveHeightM, double ReceiverHeightM)
    {
        public override int GetHashCode() => HashCode.Combine(Environment, BandMHz, EffectiveHeightM, ReceiverHeightM);
    }

    /// <summary>
    /// Every input the range depends on within one engine: the environment and the band fix the model chain (the
    /// engine's imposed model, or <see cref="CoverageModelChoice.Chain"/>), the heights the losses, the budget and reach
    /// the crossing.
    /// </summary>
    internal readonly record struct Key(
        CoverageEnvironment Environment,
        double BandMHz,
        double EffectiveHeightM,
        double ReceiverHeightM,
        double AllowedLossDb,
        double ReachKm)
    {
        // The synthesized hash multiplies and adds the fields' own hashes; a double's hash folds its bits, which for
        // round values (1800.0, 30.0) leaves the low bits zero and crowds the table's buckets. Mix them properly.
        public override int GetHashCode() => HashCode.Combine(Environment, BandMHz, EffectiveHeightM, ReceiverHeightM, AllowedLossDb, ReachKm);
    }
}
