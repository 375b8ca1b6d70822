using System.CommandLine;
using SoTTTT.Core.Validation;
using SoTTTT.IO;

namespace SoTTTT.Cli;

/// <summary>
/// Checks the paths a command will write to (<c>--out</c>, <c>plan --apply</c>, <c>import --into</c>) before any work
/// is done, so that a file where a folder is needed, a folder where a file is needed, a path through a file, a device
/// or a folder that cannot be written is a located problem (exit 2), not an exception after minutes of analysis.
/// </summary>
internal static class OutputTarget
{
    /// <summary>Code of a <c>--out</c> (or <c>--apply</c>, <c>--into</c>) that cannot be written as asked.</summary>
    public const string NotWritable = "OUTPUT_NOT_WRITABLE";

    /// <summary>Extensions that make <c>--out</c> a file rather than a folder.</summary>
    private static readonly string[] FileExtensions = [".csv", ".json", ".xlsx", ".gpkg", ".kml", ".kmz", ".html", ".docx"];

    /// <summary>The problems with the output paths of the parsed command line (none when they can be written).</summary>
    public static IReadOnlyList<ValidationProblem> Check(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var problems = new List<ValidationProblem>();
        if (parse.Action is System.CommandLine.Help.HelpAction)
        {
            return problems;
        }

        foreach (var option in command.Options)
        {
            if (option is not Option<string> text || Value(parse, text) is not { Length: > 0 } path)
            {
                continue;
            }

            var wantsFile = (command.Name, option.Name) switch
            {
                ("demo" or "synth", "--out") => false,
                ("export", "--out") => Value(parse, command.Options.OfType<Option<string>>().First(o => o.Name == "--to")) is "gpkg" or "kml" or "kmz",
                (_, "--out") => FileExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)),
                ("plan", "--apply") or ("import", "--into") => false,
                _ => (bool?)null,
            };
            if (wantsFile is { } file && Problem(path, file) is { } why)
            {
                problems.Add(new ValidationProblem(NotWritable, why, option.Name, null, null, null));
            }
        }

        return problems;
    }

    /// <summary>An option's value, given or default; null when absent (also with <c>--help</c>, where required options may be missing).</summary>
    private static string? Value(ParseResult parse, Option<string> option)
    {
        try
        {
            return parse.GetResult(option) is { } result && !result.Errors.Any() ? result.GetValueOrDefault<string?>() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Why <paramref name="path"/> cannot be written as a file (<paramref name="wantsFile"/>) or a folder, or null.</summary>
    public static string? Problem(string path, bool wantsFile)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{path}' is not a usable path: {ex.Message}";
        }

        var kind = SafeFile.KindOf(full);
        if (wantsFile && kind == FileKind.Directory)
        {
            return $"'{path}' is a folder, but a file is written here; give a file name (e.g. {Path.Combine(path, "result" + Path.GetExtension(path))}) or remove the folder";
        }

        if (!wantsFile && kind is FileKind.Regular)
        {
            return $"'{path}' is a file, but a folder is written here; give a folder name or move the file away";
        }

        if (kind is FileKind.Device or FileKind.Fifo or FileKind.Socket)
        {
            return $"'{path}' is a {(kind == FileKind.Fifo ? "named pipe" : kind.ToString().ToLowerInvariant())}; results are written to regular files and folders only";
        }

        // The nearest folder that exists must be a folder, and writable: everything below it is created.
        var existing = wantsFile || kind == FileKind.Missing ? Path.GetDirectoryName(full) : full;
        while (existing is not null && SafeFile.KindOf(existing) == FileKind.Missing)
        {
            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            return null;
        }

        if (SafeFile.KindOf(existing) != FileKind.Directory)
        {
            return $"'{existing}' is a file, not a folder, so '{path}' cannot be created under it";
        }

        try
        {
            // Named as AtomicFile names temporary files: a run killed while the probe exists leaves it for the next run to sweep.
            using var probe = new FileStream(Path.Combine(existing, $".sotttt-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot write in the folder '{existing}': {ex.Message}";
        }

        return null;
    }
}
