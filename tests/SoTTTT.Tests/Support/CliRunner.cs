using SoTTTT.Cli;

namespace SoTTTT.Tests.Support;

/// <summary>Runs the <c>sotttt</c> command line in-process with captured streams.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) RunWithInput(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var exit = CliApp.Run(args, output, error, input);
        return (exit, output.ToString(), error.ToString());
    }

    public static (int Exit, string Out, string Err) Run(params string[] args) => RunWithInput(string.Empty, args);
}
