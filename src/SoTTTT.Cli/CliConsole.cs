using Spectre.Console;

namespace SoTTTT.Cli;

/// <summary>The streams a command writes to; tests pass their own writers.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, TextReader input, bool outIsTerminal)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader In { get; } = input;

    /// <summary>True when stdout is an interactive terminal (tables are the default format there).</summary>
    public bool OutIsTerminal { get; } = outIsTerminal;

    /// <summary>Spectre console for tables on stdout; wide when redirected, so logs and files keep whole tables.</summary>
    public IAnsiConsole Ansi { get; } = CreateAnsi(output, outIsTerminal);

    private static IAnsiConsole CreateAnsi(TextWriter output, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    /// <summary>Progress on stderr, only when stderr is a terminal, so pipes and logs stay clean.</summary>
    public T WithStatus<T>(string message, Func<T> work)
    {
        if (!ReferenceEquals(Error, Console.Error) || Console.IsErrorRedirected)
        {
            return work();
        }

        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return err.Status().Start(message, _ => work());
    }
}
