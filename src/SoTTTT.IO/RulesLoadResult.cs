using SoTTTT.Core.Rules;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO;

/// <summary>The rules of a dataset folder: the effective rules when there was no problem, else every problem.</summary>
/// <param name="Source">The rules file read (relative to the folder), or null when the defaults apply.</param>
public sealed record RulesLoadResult(ProvinceRules? Rules, string? Source, IReadOnlyList<ValidationProblem> Problems);
