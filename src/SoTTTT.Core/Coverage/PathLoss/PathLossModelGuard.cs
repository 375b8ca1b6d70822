namespace SoTTTT.Core.Coverage.PathLoss;

/// <summary>Programmer-error checks shared by the models: callers validate input with <see cref="PathLossInputValidator"/> first.</summary>
internal static class PathLossModelGuard
{
    public static void Environment(IPathLossModel model, PathLossInput input)
    {
        if (PathLossInputValidator.ValidateEnvironment(model, input.Environment).Count > 0)
        {
            var known = model.Environments.Count == 0 ? "none" : string.Join(", ", model.Environments);
            throw new ArgumentException($"{model.Name}: environment '{input.Environment}' is not one of: {known}", nameof(input));
        }
    }
}
