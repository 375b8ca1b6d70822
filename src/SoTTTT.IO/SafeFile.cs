using System.Runtime.InteropServices;

namespace SoTTTT.IO;

/// <summary>
/// Reading input files safely: only regular files (never a directory, device, FIFO or socket — <c>/dev/zero</c> would
/// fill memory, a FIFO would wait for ever), never more than a limit per kind of file, and, for files that
/// <c>dataset.json</c> names, only inside the dataset folder after resolving symbolic links.
/// </summary>
public static partial class SafeFile
{
    /// <summary>Limit for small JSON settings (dataset.json, rules.json): 16 MiB.</summary>
    public const long SettingsLimitBytes = 16L << 20;

    /// <summary>Limit for one layer file (CSV, GeoJSON, XLSX, an applications list): 1 GiB (the national profile's largest CSV is ≈ 40 MB).</summary>
    public const long TableLimitBytes = 1L << 30;

    /// <summary>Limit for a DEM (GeoTIFF): 4 GiB (a 1″ DEM of all Vietnam as Int16 is ≈ 1.3 GB).</summary>
    public const long RasterLimitBytes = 4L << 30;

    /// <summary>What <paramref name="path"/> names after following symbolic links.</summary>
    public static FileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && Mode(path) is { } mode)
        {
            return (mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 or 0x6000 => FileKind.Device,
                0x1000 => FileKind.Fifo,
                0xC000 => FileKind.Socket,
                _ => FileKind.Device,
            };
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot be read as a file of at most <paramref name="limitBytes"/>, or null when it can.
    /// <paramref name="code"/> is then <c>NOT_A_REGULAR_FILE</c> or <c>FILE_TOO_LARGE</c> (missing files are the caller's
    /// to report).
    /// </summary>
    public static string? Refusal(string path, long limitBytes, out string code)
    {
        code = string.Empty;
        var kind = KindOf(path);
        if (kind == FileKind.Missing)
        {
            return null;
        }

        if (kind != FileKind.Regular)
        {
            code = Core.Validation.ProblemCodes.NotARegularFile;
            return $"'{path}' is a {Describe(kind)}, not a regular file";
        }

        var length = new FileInfo(path).Length;
        if (length > limitBytes)
        {
            code = Core.Validation.ProblemCodes.FileTooLarge;
            return $"'{path}' holds {Mib(length)}, more than the {Mib(limitBytes)} SoTTTT reads for such a file";
        }

        return null;
    }

    /// <summary>
    /// The bytes of a regular file of at most <paramref name="limitBytes"/>; never reads more than the limit even if the
    /// file grows meanwhile. Throws <see cref="IOException"/> with the reason otherwise.
    /// </summary>
    public static byte[] ReadAllBytes(string path, long limitBytes)
    {
        if (Refusal(path, limitBytes, out _) is { } why)
        {
            throw new IOException(why);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var buffer = new MemoryStream((int)Math.Min(stream.Length, limitBytes) + 1);
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limitBytes)
            {
                throw new IOException($"'{path}' grew past the {Mib(limitBytes)} SoTTTT reads for such a file");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Opens a regular file of at most <paramref name="limitBytes"/> for reading; throws <see cref="IOException"/> with
    /// the reason otherwise.
    /// </summary>
    public static FileStream OpenRead(string path, long limitBytes)
    {
        if (Refusal(path, limitBytes, out _) is { } why)
        {
            throw new IOException(why);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    /// <summary>
    /// Resolves <paramref name="relative"/>, a path <c>dataset.json</c> gives, inside <paramref name="folder"/>: the full
    /// path of the file when it lies inside the folder after every symbolic link (of the file and of its folders) is
    /// resolved, else null with the reason. Absolute paths are refused: only a command-line option may name a file
    /// elsewhere.
    /// </summary>
    public static string? InsideFolder(string folder, string relative, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(relative);
        reason = null;
        if (Path.IsPathRooted(relative))
        {
            reason = $"'{relative}' is an absolute path; dataset.json may only name files inside the dataset folder";
            return null;
        }

        var root = RealPath(Path.GetFullPath(folder));
        var path = Path.GetFullPath(Path.Combine(folder, relative));
        var real = RealPath(path);
        var prefix = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        if (!real.StartsWith(prefix, StringComparison.Ordinal))
        {
            reason = real == path
                ? $"'{relative}' is outside the dataset folder; copy the file into the folder"
                : $"'{relative}' leads outside the dataset folder (through a symbolic link, to '{real}'); copy the file into the folder";
            return null;
        }

        return real;
    }

    /// <summary>The path with every symbolic link along it resolved (the parts that do not exist are kept as written).</summary>
    public static string RealPath(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                next = target is null ? next : RealPath(Path.GetFullPath(target.FullName));
            }
            else if (!info.Exists)
            {
                return Path.Combine([next, .. parts[(i + 1)..]]);
            }

            current = next;
        }

        return current;
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "directory",
        FileKind.Device => "device",
        FileKind.Fifo => "named pipe (FIFO)",
        FileKind.Socket => "socket",
        _ => "special file",
    };

    private static string Mib(long bytes) => bytes >= 1L << 20 ? $"{bytes / (double)(1L << 20):0.#} MiB" : $"{bytes} bytes";

    // st_mode of stat(2), which follows links; the offset of st_mode in struct stat is 24 on x86-64 and 16 on the
    // generic layout of arm64 and other 64-bit Linux ports.
    private static int? Mode(string path)
    {
        var buffer = new byte[256];
        if (Stat(path, buffer) != 0)
        {
            return null;
        }

        var offset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        return BitConverter.ToInt32(buffer, offset);
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Stat(string path, [Out] byte[] buffer);
}
