using SoTTTT.Cli.Output;
using Spectre.Console;

namespace SoTTTT.Cli;

/// <summary>
/// The streams a command writes to; tests pass their own writers. The error stream, and stdout on a terminal, escape
/// control characters and mask passwords (<see cref="SafeTextWriter"/>); stdout piped to a file keeps CSV and JSON as
/// they are (JSON escapes control characters itself).
/// </summary>
/// <param name="width">The terminal's width when known otherwise (a resident process runs the command for a terminal it does not hold).</param>
/// <param name="colors">That terminal's colours (<see cref="Resident.ResidentProtocol.ColorsOfTerminal"/>); detected from this process's own terminal when null.</param>
internal sealed class CliConsole(TextWriter output, TextWriter error, TextReader input, bool outIsTerminal, bool errorIsConsole = false, int? width = null, int? colors = null)
{
    public TextWriter Out { get; } = outIsTerminal ? new SafeTextWriter(output) : output;

    public TextWriter Error { get; } = new SafeTextWriter(error);

    public TextReader In { get; } = input;

    /// <summary>True when stdout is an interactive terminal (tables are the default format there).</summary>
    public bool OutIsTerminal { get; } = outIsTerminal;

    /// <summary>Widest a table may be, in characters, on a terminal or in a log (issue 11); files keep every column.</summary>
    public const int MaxTableWidth = 120;

    /// <summary>Spectre console for tables on stdout, at most <see cref="MaxTableWidth"/> characters wide.</summary>
    public IAnsiConsole Ansi { get; } = CreateAnsi(output, outIsTerminal, width, colors);

    private static IAnsiConsole CreateAnsi(TextWriter output, bool terminal, int? width, int? colors)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = !terminal ? AnsiSupport.No : colors switch { null => AnsiSupport.Detect, 0 => AnsiSupport.No, _ => AnsiSupport.Yes },
            ColorSystem = !terminal ? ColorSystemSupport.NoColors : colors switch
            {
                null => ColorSystemSupport.Detect,
                0 => ColorSystemSupport.NoColors,
                1 => ColorSystemSupport.Standard,
                2 => ColorSystemSupport.EightBit,
                _ => ColorSystemSupport.TrueColor,
            },
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = terminal ? Math.Min(width ?? console.Profile.Width, MaxTableWidth) : MaxTableWidth;

        return console;
    }

    /// <summary>Progress on stderr, only when stderr is a terminal, so pipes and logs stay clean.</summary>
    public T WithStatus<T>(string message, Func<T> work)
    {
        if (!errorIsConsole || Console.IsErrorRedirected)
        {
            return work();
        }

        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return err.Status().Start(message, _ => work());
    }
}
