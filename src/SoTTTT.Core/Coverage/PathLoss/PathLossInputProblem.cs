namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// An input a model cannot be evaluated with at all (as opposed to one outside its validity range, which is
/// <see cref="OutOfRangeParameter"/>). Callers turn it into a message in the user's language.
/// </summary>
/// <param name="Code">
/// <see cref="Validation.ProblemCodes.MissingValue"/> (a height or environment the model needs),
/// <see cref="Validation.ProblemCodes.ValueOutOfRange"/> (not a positive finite number) or
/// <see cref="Validation.ProblemCodes.UnknownEnvironment"/>.
/// </param>
/// <param name="Parameter">The input's name (<see cref="PathLossParameters"/>).</param>
/// <param name="Value">The offending number, when there is one.</param>
public sealed record PathLossInputProblem(string Code, string Parameter, double? Value);
