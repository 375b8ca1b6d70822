using SoTTTT.Core.Validation;

namespace SoTTTT.Cli.Output;

/// <summary>Prints every input problem, one per line, as <c>file, row N, column 'c' (id X): CODE: message</c>.</summary>
internal static class ProblemReport
{
    public static int Print(CliConsole console, IReadOnlyList<ValidationProblem> problems, string lang)
    {
        console.Error.WriteLine(Texts.Format("problems.header", lang, problems.Count));
        foreach (var problem in problems)
        {
            console.Error.WriteLine("  " + problem);
        }

        return ExitCodes.BadInput;
    }
}
