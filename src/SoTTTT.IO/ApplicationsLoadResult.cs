using SoTTTT.Core.Approval;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO;

/// <summary>
/// An applications file read for appraisal: one entry per row, in file order (invalid rows carry their problems and
/// are rejected, never dropped); <paramref name="FileProblems"/> are problems with the file itself, which leave no
/// entries.
/// </summary>
public sealed record ApplicationsLoadResult(IReadOnlyList<ApplicationEntry> Entries, IReadOnlyList<ValidationProblem> FileProblems)
{
    public bool Succeeded => FileProblems.Count == 0;
}
