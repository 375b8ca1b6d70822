using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>Collects every problem found while loading; thread-safe so layers can be read in parallel.</summary>
internal sealed class ProblemCollector
{
    private readonly List<ValidationProblem> problems = [];

    public void Add(ValidationProblem problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }

    public void Add(string code, string message, string file, int? row = null, string? column = null, string? featureId = null) =>
        Add(new ValidationProblem(code, message, file, row, column, featureId));

    public int Count
    {
        get
        {
            lock (problems)
            {
                return problems.Count;
            }
        }
    }

    /// <summary>Problems in file, row, column order.</summary>
    public IReadOnlyList<ValidationProblem> Sorted()
    {
        lock (problems)
        {
            return problems
                .OrderBy(p => p.File, StringComparer.Ordinal)
                .ThenBy(p => p.Row ?? -1)
                .ThenBy(p => p.Column ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(p => p.Code, StringComparer.Ordinal)
                .ToList();
        }
    }
}
