using System.CommandLine;
using SoTTTT.Cli.Commands;
using SoTTTT.Cli.Output;
using SoTTTT.Cli.Resident;
using SoTTTT.IO.Caching;

namespace SoTTTT.Cli;

/// <summary>The <c>sotttt</c> command line: commands of the output contract (PRODUCT.md).</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, TextReader? stdin = null)
    {
        // The process's own streams: a dataset command goes to this build's resident process when one runs (sotttt daemon).
        if (stdout is null && stderr is null && stdin is null && ResidentClient.TryRun(args, out var residentExit))
        {
            return residentExit;
        }

        return Execute(args, new CliConsole(stdout ?? Console.Out, stderr ?? Console.Error, stdin ?? Console.In, stdout is null && !Console.IsOutputRedirected, stderr is null));
    }

    /// <summary>Runs the command line on <paramref name="console"/>'s streams, in this process.</summary>
    public static int Execute(string[] args, CliConsole console)
    {
        var root = new RootCommand("SoTTTT — quy hoạch hạ tầng viễn thông cho Sở KH&CN / telecom infrastructure planning for Vietnamese provinces")
        {
            DemoCommand.Create(console),
            SynthCommand.Create(console),
            IndicatorsCommand.Create(console),
            CrsCommand.Create(console),
            PathLossCommand.Create(console),
            RulesCommand.Create(console),
            CoverageCommand.Create(console),
            SharingCommand.Create(console),
            ApproveCommand.Create(console),
            PlanCommand.Create(console),
            ReportCommand.Create(console),
            ExportCommand.Create(console),
            ImportCommand.Create(console),
            ServeCommand.Create(console),
            DaemonCommand.Create(console),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"sotttt: {error.Message}");
            }

            console.Error.WriteLine("sotttt --help lists the commands and options.");
            return ExitCodes.BadInput;
        }

        var lang = parse.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == "--lang") is { } langOption
            ? parse.GetValue(langOption) ?? "vi"
            : "vi";
        if (OutputTarget.Check(parse) is { Count: > 0 } outputProblems)
        {
            return ProblemReport.Print(console, outputProblems, lang);
        }

        try
        {
            var exit = parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });

            // A dataset copy still being written behind a command that did not wait for it (one without --timings' clock).
            DatasetCache.WaitForWrites();
            return exit;
        }
        catch (Exception ex) when (Unwrap(ex) is IOException or UnauthorizedAccessException)
        {
            // A disk that fills up, a folder made read-only or a file removed meanwhile: the environment, not a bug.
            console.Error.WriteLine(Texts.Format("io.failed", lang, Unwrap(ex).Message));
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            console.Error.WriteLine($"sotttt: internal error: {ex}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The one exception inside parallel work's <see cref="AggregateException"/>, else <paramref name="ex"/>.</summary>
    private static Exception Unwrap(Exception ex) =>
        ex is AggregateException aggregate && aggregate.Flatten().InnerExceptions is [var single] ? Unwrap(single) : ex;
}
