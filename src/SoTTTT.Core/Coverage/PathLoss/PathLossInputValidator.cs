using SoTTTT.Core.Validation;

namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>
/// Checks that a model can be evaluated with an input: frequency, distance and (when the model uses them) heights
/// are positive finite numbers, and the environment is one of the model's. Validity ranges are not checked here;
/// the model reports those with its result.
/// </summary>
public static class PathLossInputValidator
{
    /// <summary>Every problem of <paramref name="input"/> for <paramref name="model"/>; empty when it can be evaluated.</summary>
    public static IReadOnlyList<PathLossInputProblem> Validate(IPathLossModel model, PathLossInput input)
    {
        var problems = new List<PathLossInputProblem>();
        Positive(problems, PathLossParameters.FreqMHz, input.FreqMHz);
        Positive(problems, PathLossParameters.DistanceKm, input.DistanceKm);
        if (model.UsesHeights)
        {
            Height(problems, PathLossParameters.BaseHeightM, input.BaseHeightM);
            Height(problems, PathLossParameters.MobileHeightM, input.MobileHeightM);
        }

        problems.AddRange(ValidateEnvironment(model, input.Environment));
        return problems;
    }

    /// <summary>The environment problem, if any: missing when the model has environments, unknown, or given to a model without any.</summary>
    public static IReadOnlyList<PathLossInputProblem> ValidateEnvironment(IPathLossModel model, string environment)
    {
        if (model.Environments.Count == 0)
        {
            return environment.Length == 0 ? [] : [new PathLossInputProblem(ProblemCodes.UnknownEnvironment, PathLossParameters.Environment, null)];
        }

        if (environment.Length == 0)
        {
            return [new PathLossInputProblem(ProblemCodes.MissingValue, PathLossParameters.Environment, null)];
        }

        return model.Environments.Contains(environment, StringComparer.Ordinal)
            ? []
            : [new PathLossInputProblem(ProblemCodes.UnknownEnvironment, PathLossParameters.Environment, null)];
    }

    /// <summary>True for a positive finite number.</summary>
    public static bool IsPositive(double value) => double.IsFinite(value) && value > 0;

    private static void Positive(List<PathLossInputProblem> problems, string name, double value)
    {
        if (!IsPositive(value))
        {
            problems.Add(new PathLossInputProblem(ProblemCodes.ValueOutOfRange, name, value));
        }
    }

    private static void Height(List<PathLossInputProblem> problems, string name, double? value)
    {
        if (value is not { } v)
        {
            problems.Add(new PathLossInputProblem(ProblemCodes.MissingValue, name, null));
        }
        else
        {
            Positive(problems, name, v);
        }
    }
}
