using SoTTTT.Core.Validation;

namespace SoTTTT.Cli.Output;

/// <summary>Prints every input problem, one per line, as <c>file, row N, column 'c' (id X): CODE: message</c>.</summary>
internal static class ProblemReport
{
    /// <summary>Longest problem line printed: a hostile cell echoed in a message is cut here.</summary>
    public const int MaxLineChars = 2_000;

    public static int Print(CliConsole console, IReadOnlyList<ValidationProblem> problems, string lang)
    {
        console.Error.WriteLine(Texts.Format("problems.header", lang, problems.Count));
        foreach (var problem in problems)
        {
            var line = problem.ToString();
            console.Error.WriteLine("  " + (line.Length <= MaxLineChars ? line : $"{line[..MaxLineChars]}… ({line.Length:N0} characters)"));
        }

        return ExitCodes.BadInput;
    }
}
