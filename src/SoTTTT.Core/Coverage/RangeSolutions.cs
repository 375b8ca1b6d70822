using System.Collections.Concurrent;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The boresight range of footprints, solved once per distinct set of inputs they
/// depend on: the loss terms (environment and band, which fix the model chain of one engine, the effective base height
/// and the receiver height), the largest path loss allowed and the reach. BTS of one configuration (band, height, power, environment) share
/// one solve: the synthetic national profile, whose heights and powers are drawn at random, still repeats 144,911
/// sets over 350,000 BTS. The answer is exactly the one
/// the footprint would solve alone: the key holds every input of <see cref="BtsFootprint"/>'s range within one
/// engine. One instance serves one <see cref="CoverageEngine"/> (one rules set and one imposed model, so that the
/// environment and band fix the model chain); thread-safe.
/// </summary>
internal sealed class RangeSolutions
{
    private readonly ConcurrentDictionary<Key, (double RangeKm, bool Capped)> solved;

    /// <param name="capacity">Distinct sets expected at most (the BTS count): sized once, the table never grows under the parallel solve.</param>
    public RangeSolutions(int capacity = 0)
    {
        solved = new(concurrencyLevel: 64, capacity: Math.Max(capacity, 31));
    }

    /// <summary>Distinct input sets solved so far.</summary>
    public int Count => solved.Count;

    public (double RangeKm, bool Capped) GetOrSolve(Key key, Func<(double RangeKm, bool Capped)> solve) =>
        solved.TryGetValue(key, out var found) ? found : solved.GetOrAdd(key, _ => solve());

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
        double ReachKm);
}
