using System.Globalization;

namespace SoTTTT.Core.Validation;

/// <summary>
/// Warnings (not errors) about positions that are probably not where the thing is, each listed once per layer with a
/// count and a few examples (file, row, id, lon/lat):
/// <list type="bullet">
/// <item><see cref="ProblemCodes.StackedPositions"/>: <see cref="StackMinPoints"/> or more points of a layer on one
/// coordinate (to 1 cm), e.g. a geocoder's district centre or a default position;</item>
/// <item><see cref="ProblemCodes.NearDuplicatePositions"/>: two points with different ids closer than
/// <see cref="NearDuplicateM"/> (a repeated row under a new id);</item>
/// <item><see cref="ProblemCodes.RoundDegreePositions"/>: both coordinates whole degrees, e.g. (105, 9): a placeholder;</item>
/// <item><see cref="ProblemCodes.LowPrecisionCoordinates"/>: fewer than <see cref="MinDecimals"/> decimals of a degree
/// (0.001° ≈ 111 m), so the position is uncertain by more than 100 m.</item>
/// </list>
/// BTS of different operators, technologies or sectors stand on one tower by design and are only compared with BTS of
/// the same operator, technology and azimuth (<see cref="PositionSample.DistinctKey"/>). Pure.
/// </summary>
public static class PositionQualityValidator
{
    /// <summary>Points on one coordinate from which a stack is reported.</summary>
    public const int StackMinPoints = 3;

    /// <summary>Points with different ids closer than this, metres, are near duplicates.</summary>
    public const double NearDuplicateM = 1;

    /// <summary>Decimals of a degree below which a coordinate is imprecise (0.001° ≈ 111 m of latitude).</summary>
    public const int MinDecimals = 3;

    /// <summary>Examples listed per warning.</summary>
    public const int Examples = 5;

    public static IReadOnlyList<ValidationProblem> Check(IReadOnlyList<PositionSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);

        // Layers are checked in parallel (a national BTS layer alone takes a while) and their warnings kept in layer order.
        return samples.GroupBy(s => s.Layer, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .AsParallel()
            .AsOrdered()
            .SelectMany(layer => CheckLayer(layer.ToList()))
            .ToList();
    }

    /// <summary>The warnings about one layer's points, in the order of the codes above.</summary>
    private static List<ValidationProblem> CheckLayer(List<PositionSample> points)
    {
        var warnings = new List<ValidationProblem>();
        var file = points[0].File;
        var (stacks, nearPairs) = Coincident(points);
        if (stacks.Count > 0)
        {
            var total = stacks.Sum(s => s.Count);
            var examples = stacks.OrderByDescending(s => s.Count).Take(Examples).Select(s =>
                $"({Deg(s[0].LonDeg)}, {Deg(s[0].LatDeg)}) ×{s.Count}: rows {string.Join(", ", s.Take(4).Select(p => p.Row))}{(s.Count > 4 ? ", …" : string.Empty)}");
            warnings.Add(new ValidationProblem(
                ProblemCodes.StackedPositions,
                $"{total} points stand on {stacks.Count} coordinate(s) shared by {StackMinPoints} or more (placeholders or a geocoder's default?): {string.Join("; ", examples)}",
                file,
                null,
                null,
                null));
        }

        if (nearPairs.Count > 0)
        {
            var examples = nearPairs.Take(Examples).Select(p =>
                $"row {p.A.Row} (id {p.A.Id}) and row {p.B.Row} (id {p.B.Id}) {Distance(p.A, p.B).ToString("0.##", CultureInfo.InvariantCulture)} m apart at ({Deg(p.A.LonDeg)}, {Deg(p.A.LatDeg)})");
            warnings.Add(new ValidationProblem(
                ProblemCodes.NearDuplicatePositions,
                $"{nearPairs.Count} pair(s) of points with different ids lie closer than {NearDuplicateM} m (one place entered twice?): {string.Join("; ", examples)}",
                file,
                null,
                null,
                null));
        }

        var round = points.Where(IsRoundDegree).ToList();
        if (round.Count > 0)
        {
            warnings.Add(new ValidationProblem(
                ProblemCodes.RoundDegreePositions,
                $"{round.Count} point(s) lie on whole degrees of longitude and latitude, a placeholder rather than a position: {Examples_(round)}",
                file,
                null,
                null,
                null));
        }

        var coarse = points.Where(p => p.Decimals is { } d && d < MinDecimals && !IsRoundDegree(p)).ToList();
        if (coarse.Count > 0)
        {
            warnings.Add(new ValidationProblem(
                ProblemCodes.LowPrecisionCoordinates,
                $"{coarse.Count} point(s) have coordinates with fewer than {MinDecimals} decimals of a degree: their position is uncertain by more than 100 m: {Examples_(coarse)}",
                file,
                null,
                null,
                null));
        }

        return warnings;
    }

    private static bool IsRoundDegree(PositionSample p) =>
        p.Decimals is not null && Math.Abs(p.LonDeg - Math.Round(p.LonDeg)) < 1e-9 && Math.Abs(p.LatDeg - Math.Round(p.LatDeg)) < 1e-9;

    private static string Examples_(List<PositionSample> points) =>
        string.Join("; ", points.Take(Examples).Select(p => $"row {p.Row} (id {p.Id}) at ({Deg(p.LonDeg)}, {Deg(p.LatDeg)})")) + (points.Count > Examples ? "; …" : string.Empty);

    private static string Deg(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static double Distance(PositionSample a, PositionSample b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    /// <summary>Stacks (≥ <see cref="StackMinPoints"/> on one coordinate) and the near pairs outside them, per distinct key, in row order.</summary>
    private static (List<List<PositionSample>> Stacks, List<(PositionSample A, PositionSample B)> Pairs) Coincident(List<PositionSample> points)
    {
        // Groups are independent: checked in parallel, their stacks and pairs gathered in group order before sorting.
        var stacks = new List<List<PositionSample>>();
        var pairs = new List<(PositionSample, PositionSample)>();
        foreach (var (groupStacks, groupPairs) in points.GroupBy(p => p.DistinctKey ?? string.Empty, StringComparer.Ordinal).AsParallel().AsOrdered().Select(CoincidentInGroup).ToList())
        {
            stacks.AddRange(groupStacks);
            pairs.AddRange(groupPairs);
        }

        stacks.Sort((a, b) => a[0].Row.CompareTo(b[0].Row));
        pairs.Sort((a, b) => a.Item1.Row != b.Item1.Row ? a.Item1.Row.CompareTo(b.Item1.Row) : a.Item2.Row.CompareTo(b.Item2.Row));
        return (stacks, pairs);
    }

    /// <summary>The stacks and near pairs among points of one distinct key.</summary>
    private static (List<List<PositionSample>> Stacks, List<(PositionSample A, PositionSample B)> Pairs) CoincidentInGroup(IEnumerable<PositionSample> group)
    {
        var stacks = new List<List<PositionSample>>();
        var pairs = new List<(PositionSample, PositionSample)>();
        var inStack = new HashSet<PositionSample>(ReferenceEquality.Instance);
        foreach (var same in group.GroupBy(p => (Math.Round(p.X, 2), Math.Round(p.Y, 2))).Where(g => g.Count() >= StackMinPoints))
        {
            var stack = same.OrderBy(p => p.Row).ToList();
            stacks.Add(stack);
            inStack.UnionWith(stack);
        }

        var cells = new Dictionary<(long, long), List<PositionSample>>();
        foreach (var p in group)
        {
            if (inStack.Contains(p))
            {
                continue;
            }

            var key = ((long)Math.Floor(p.X / NearDuplicateM), (long)Math.Floor(p.Y / NearDuplicateM));
            for (var dx = -1; dx <= 1; dx++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    if (cells.TryGetValue((key.Item1 + dx, key.Item2 + dy), out var near))
                    {
                        foreach (var q in near)
                        {
                            if (q.Id != p.Id && Distance(p, q) < NearDuplicateM)
                            {
                                pairs.Add(q.Row <= p.Row ? (q, p) : (p, q));
                            }
                        }
                    }
                }
            }

            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }

            list.Add(p);
        }

        return (stacks, pairs);
    }

    private sealed class ReferenceEquality : IEqualityComparer<PositionSample>
    {
        public static readonly ReferenceEquality Instance = new();

        public bool Equals(PositionSample? x, PositionSample? y) => ReferenceEquals(x, y);

        public int GetHashCode(PositionSample obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
