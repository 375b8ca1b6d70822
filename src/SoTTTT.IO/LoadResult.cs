using SoTTTT.Core.Model;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO;

/// <summary>
/// The outcome of loading a dataset: the dataset when there was no problem, else every problem found
/// (file, row, column, code). Notices are things done on request (e.g. polygons repaired).
/// </summary>
public sealed record LoadResult(Dataset? Dataset, DatasetSettings? Settings, IReadOnlyList<ValidationProblem> Problems, IReadOnlyList<ValidationProblem> Notices)
{
    /// <summary>With <see cref="LayerMapping.SkipInvalid"/>: the problems of the rows left out of the mapped layer.</summary>
    public IReadOnlyList<ValidationProblem> Rejected { get; init; } = [];

    public bool Succeeded => Dataset is not null && Problems.Count == 0;
}
