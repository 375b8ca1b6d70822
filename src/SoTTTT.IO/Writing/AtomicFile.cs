using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Writes output files atomically: the content goes to a temporary file in the same folder, which is then
/// renamed over the target, so a reader never sees half a file and a failure leaves the old one intact. Temporary files
/// (and scratch folders, see <see cref="TempPath"/>) are named <c>.&lt;name&gt;.&lt;pid&gt;.&lt;guid&gt;.tmp</c>; those a
/// killed run left behind (their process is gone) are deleted the first time a later run writes into the same folder.
/// </summary>
public static partial class AtomicFile
{
    private static readonly ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content) => Write(path, s =>
    {
        var bytes = Utf8NoBom.GetBytes(content);
        s.Write(bytes, 0, bytes.Length);
    });

    /// <summary>Writes UTF-8 text (no BOM) through a buffered writer, without the whole text in memory first.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, s =>
    {
        using var writer = new StreamWriter(s, Utf8NoBom, 1 << 16, leaveOpen: true);
        write(writer);
    });

    /// <summary>Writes through a stream; the target appears only when <paramref name="write"/> returns.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = TempPath(full);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            WriteGate.ThrowIfClosed();
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// A fresh temporary path beside <paramref name="fullPath"/> (same folder, so the final move is a rename), after
    /// sweeping the folder's stale temporary files once per process (<see cref="CleanStale"/>). Writers that need several
    /// files before moving them (Shapefile's .shp/.shx/.dbf/.prj) create a scratch folder at this path.
    /// </summary>
    public static string TempPath(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        if (Swept.TryAdd(folder, true))
        {
            CleanStale(folder);
        }

        return Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>
    /// Deletes the temporary files and scratch folders in <paramref name="folder"/> whose writing process no longer runs
    /// (a killed run); those of running processes are left alone. Returns how many were deleted.
    /// </summary>
    public static int CleanStale(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var path in Directory.EnumerateFileSystemEntries(folder, ".*.tmp"))
        {
            var match = TempName().Match(Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups["pid"].ValueSpan, out var pid) || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }

            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }

                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's file, or already gone: leave it.
            }
        }

        return deleted;
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid}");
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.(?<pid>\d{1,10})\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
