namespace SoTTTT.Core.Synthesis;

/// <summary>Draws from <see cref="Random"/> used by the generator; every draw is sequential, so a seed fixes the output.</summary>
internal static class RandomExtensions
{
    public static double Uniform(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public static double Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal draw with the given median and log-space standard deviation.</summary>
    public static double LogNormal(this Random random, double median, double sigma) => median * Math.Exp(sigma * random.Gaussian());

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>Index drawn with probability proportional to its weight (weights ≥ 0, not all zero).</summary>
    public static int PickWeighted(this Random random, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0 && weights[i] > 0)
            {
                return i;
            }
        }

        for (var i = weights.Count - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }

        throw new ArgumentException("All weights are zero.", nameof(weights));
    }

    /// <summary>Running sums of weights, for repeated draws with <see cref="PickCumulative"/>.</summary>
    public static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var sums = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            sums[i] = total;
        }

        return sums;
    }

    /// <summary>Index drawn with probability proportional to its weight, given the running sums of the weights.</summary>
    public static int PickCumulative(this Random random, double[] cumulative)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>
    /// Splits <paramref name="total"/> into integers proportional to <paramref name="weights"/> (largest remainder),
    /// so the parts sum exactly to the total. Ties go to the lower index.
    /// </summary>
    public static int[] Apportion(IReadOnlyList<double> weights, long total)
    {
        var sum = weights.Sum();
        var parts = new int[weights.Count];
        var remainders = new (double Rem, int Index)[weights.Count];
        long assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = sum > 0 ? weights[i] / sum * total : 0;
            parts[i] = (int)Math.Floor(exact);
            assigned += parts[i];
            remainders[i] = (exact - parts[i], i);
        }

        Array.Sort(remainders, (a, b) => a.Rem != b.Rem ? b.Rem.CompareTo(a.Rem) : a.Index.CompareTo(b.Index));
        for (var k = 0; assigned < total; k = (k + 1) % remainders.Length)
        {
            parts[remainders[k].Index]++;
            assigned++;
        }

        return parts;
    }

    /// <summary>
    /// Picks <paramref name="count"/> distinct indices with probability growing with weight (Efraimidis–Spirakis
    /// sampling without replacement); zero-weight items are never picked. Result in ascending index order.
    /// </summary>
    public static int[] SampleWithoutReplacement(this Random random, IReadOnlyList<double> weights, int count)
    {
        var keys = new List<(double Key, int Index)>(weights.Count);
        for (var i = 0; i < weights.Count; i++)
        {
            var u = 1.0 - random.NextDouble();
            if (weights[i] > 0)
            {
                keys.Add((Math.Log(u) / weights[i], i));
            }
        }

        keys.Sort((a, b) => a.Key != b.Key ? b.Key.CompareTo(a.Key) : a.Index.CompareTo(b.Index));
        var picked = keys.Take(count).Select(k => k.Index).ToArray();
        Array.Sort(picked);
        return picked;
    }
}
