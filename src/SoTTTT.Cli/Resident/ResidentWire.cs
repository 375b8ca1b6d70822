using System.Buffers.Binary;
using System.Text;
using SoTTTT.IO.Caching;

namespace SoTTTT.Cli.Resident;

/// <summary>
/// The wire between a <c>sotttt</c> command and the resident process: the frames, the request, which commands may go,
/// the build's name and its socket. Compiled into the .NET program and into its native front (src/SoTTTT.Front, Native
/// AOT), so it uses the base library and <see cref="FileStamp"/> only.
/// </summary>
internal static partial class ResidentProtocol
{
    public const byte Stdout = (byte)'o';
    public const byte Stderr = (byte)'e';
    public const byte Exit = (byte)'x';
    public const byte Ask = (byte)'q';

    /// <summary>The answer "run it yourself": the resident process cannot run this command as its own process would.</summary>
    public const byte Local = (byte)'l';

    /// <summary>The largest request read (arguments and folder).</summary>
    public const int MaxRequestBytes = 1 << 20;

    /// <summary>The longest socket path Linux takes (sun_path is 108 bytes with its terminating zero).</summary>
    private const int MaxSocketPathBytes = 107;

    /// <summary>The commands a resident process runs: those that load a dataset and read nothing from stdin.</summary>
    public static readonly IReadOnlySet<string> Commands = new HashSet<string>(StringComparer.Ordinal)
    {
        "indicators", "coverage", "sharing", "approve", "plan", "report", "export",
    };

    /// <summary>
    /// Whether the resident process may run these arguments as this process would: a command of <see cref="Commands"/>,
    /// no help (its width is the terminal's), no PostgreSQL source or target (the PG* variables and ~/.pgpass are the
    /// caller's), and no path to the caller's own streams or process (<c>/dev/stdin</c>, <c>/dev/fd/N</c> of
    /// <c>&lt;(…)</c>, <c>/proc/self</c>).
    /// </summary>
    public static bool MayForward(string[] args)
    {
        if (args.Length == 0 || !Commands.Contains(args[0]))
        {
            return false;
        }

        // A plain loop: the command line's start loads no more than it needs before it hands the command over.
        foreach (var a in args)
        {
            if (a is "-h" or "--help" or "-?" or "/?" or "--conn" || a.StartsWith("--conn=", StringComparison.Ordinal)
                || a.StartsWith("postgres", StringComparison.OrdinalIgnoreCase)
                || a.StartsWith("/dev/", StringComparison.Ordinal) || a.StartsWith("/proc/", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="folder"/> is this user's own, private and real: a folder (not a link) owned by the
    /// effective user with no rights for group or others. A socket anywhere else could be another user's.
    /// </summary>
    public static bool IsPrivate(string folder) =>
        FileStamp.Of(folder, followLinks: false) is { } stamp && FileStamp.EffectiveUser() is { } me
        && stamp.Uid == me && (stamp.Mode & 0xF000) == 0x4000 && (stamp.Mode & 0x3F) == 0;

    /// <summary>The build's name from its three assemblies' module ids, in this order: the command line's, Core's, IO's (FNV-1a, 16 hex digits).</summary>
    public static string BuildOf(params Guid[] ids)
    {
        var hash = 14695981039346656037UL;
        Span<byte> bytes = stackalloc byte[16];
        foreach (var id in ids)
        {
            _ = id.TryWriteBytes(bytes);
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 1099511628211UL;
            }
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A request: what the command line would have run, where, and how its stdout is shown: on a terminal or not, its
    /// width, and its colours (0 none, 1 the 16 standard ones, 2 256, 3 true colour; see <see cref="ColorsOfTerminal"/>).
    /// </summary>
    public sealed record Request(string Build, string WorkingFolder, string[] Args, bool Terminal, int Width, int Colors)
    {
        /// <summary>The caller's file-creation mask (umask), which the files the command writes take; null: unknown.</summary>
        public uint? Umask { get; init; }
    }

    /// <summary>
    /// The colours of the caller's terminal as Spectre.Console would detect them from its environment: none with
    /// <c>NO_COLOR</c> (even empty) or <c>TERM=dumb</c>, true colour with <c>COLORTERM=truecolor|24bit</c>, the 16
    /// standard ones on a Linux console or a VT, else 256.
    /// </summary>
    public static int ColorsOfTerminal(Func<string, string?> env)
    {
        var term = env("TERM");
        if (env("NO_COLOR") is not null || term is null or "dumb")
        {
            return 0;
        }

        if (env("COLORTERM") is { } colorTerm && (colorTerm.Equals("truecolor", StringComparison.OrdinalIgnoreCase) || colorTerm.Equals("24bit", StringComparison.OrdinalIgnoreCase)))
        {
            return 3;
        }

        return term is "linux" or "vt100" or "vt220" || term.StartsWith("ansi", StringComparison.Ordinal) ? 1 : 2;
    }

    /// <summary>The first byte of <see cref="Encode"/>'s requests (the JSON of the first builds starts with <c>{</c>).</summary>
    private const byte BinaryFormat = 2;

    /// <summary>The largest number of arguments a request may carry.</summary>
    private const int MaxArgs = 4096;

    /// <summary>
    /// The request as bytes: build, working folder, the arguments (count, then each), terminal, width, colours and the
    /// umask (-1: unknown); strings as UTF-8 with a 7-bit-encoded length (<see cref="BinaryWriter"/>). Plain binary, so
    /// the command line's start loads no JSON library.
    /// </summary>
    public static byte[] Encode(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(BinaryFormat);
            w.Write(request.Build);
            w.Write(request.WorkingFolder);
            w.Write(request.Args.Length);
            foreach (var arg in request.Args)
            {
                w.Write(arg);
            }

            w.Write(request.Terminal);
            w.Write(request.Width);
            w.Write(request.Colors);
            w.Write(request.Umask is { } umask ? (long)umask : -1L);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes one frame: its kind, its length (4 bytes, little-endian), its bytes.</summary>
    public static void WriteFrame(Stream stream, byte kind, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = kind;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], payload.Length);
        stream.Write(header);
        stream.Write(payload);
    }

    /// <summary>Reads one frame, or null at the end of the stream; a frame longer than <paramref name="limit"/> is an error.</summary>
    public static (byte Kind, byte[] Payload)? ReadFrame(Stream stream, int limit = int.MaxValue)
    {
        Span<byte> header = stackalloc byte[5];
        if (!ReadAll(stream, header))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header[1..]);
        if (length < 0 || length > limit)
        {
            throw new InvalidDataException($"a frame of {length} bytes");
        }

        var payload = new byte[length];
        return ReadAll(stream, payload) ? (header[0], payload) : throw new EndOfStreamException();
    }

    private static bool ReadAll(Stream stream, Span<byte> into)
    {
        var read = 0;
        while (read < into.Length)
        {
            var n = stream.Read(into[read..]);
            if (n == 0)
            {
                return read == 0 && into.Length > 0 ? false : throw new EndOfStreamException();
            }

            read += n;
        }

        return true;
    }

    /// <summary>The folder of the resident processes under the cache folder <paramref name="cacheFolder"/>.</summary>
    public static string ResidentFolderOf(string cacheFolder) => Path.Combine(Path.GetFullPath(cacheFolder), "resident");

    /// <summary>The socket of <paramref name="build"/> in <paramref name="residentFolder"/>, or null when the path is too long for a socket.</summary>
    public static string? SocketPathIn(string residentFolder, string build) =>
        Path.Combine(residentFolder, build + ".sock") is var path && Encoding.UTF8.GetByteCount(path) <= MaxSocketPathBytes ? path : null;

    /// <summary>Exit code when the resident process ended during the command (the command's outcome is unknown).</summary>
    public const int Lost = 1;

    /// <summary>
    /// The socket to hand this command line to, or null when this process runs it: a command the resident process may run
    /// (<see cref="MayForward"/>), not <c>SOTTTT_DAEMON=off</c>, the cache on (<paramref name="cacheFolder"/>), and
    /// the socket of <paramref name="build"/> (asked only then; null: unknown) in the user's own private folder.
    /// </summary>
    public static string? SocketFor(string[] args, string? cacheFolder, Func<string?> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (!MayForward(args) || cacheFolder is null
            || string.Equals(Environment.GetEnvironmentVariable("SOTTTT_DAEMON"), "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var folder = ResidentFolderOf(cacheFolder);
        return build() is { } name && SocketPathIn(folder, name) is { } path && File.Exists(path) && IsPrivate(folder) ? path : null;
    }

    /// <summary>The request for this process's command line: its working folder, and whether its stdout is a terminal (then its width and colours) and its umask.</summary>
    public static Request RequestOf(string build, string[] args)
    {
        var terminal = !Console.IsOutputRedirected;
        var width = 0;
        if (terminal)
        {
            try
            {
                width = Console.WindowWidth;
            }
            catch (IOException)
            {
                width = 0;
            }
        }

        return new Request(build, Environment.CurrentDirectory, args, terminal, width, terminal ? ColorsOfTerminal(Environment.GetEnvironmentVariable) : 0)
        {
            Umask = FileStamp.FileCreationMask(),
        };
    }

    /// <summary>
    /// Sends the encoded request on <paramref name="stream"/> (connected to a resident process) and copies its output to
    /// the two streams as it comes; the exit code, <see cref="Lost"/> when the process ended before giving one, or null
    /// when it cannot be sent or the answer is that this process should run the command (<see cref="Local"/>).
    /// </summary>
    public static int? Exchange(Stream stream, byte[] request, Stream stdout, Stream stderr)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            WriteFrame(stream, Ask, request);
        }
        catch (IOException)
        {
            return null;
        }

        while (true)
        {
            (byte Kind, byte[] Payload)? frame;
            try
            {
                frame = ReadFrame(stream);
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                frame = null;
            }

            switch (frame)
            {
                case null:
                    stderr.Write("sotttt: the resident process (sotttt daemon) ended during the command; its outcome is unknown\n"u8);
                    return Lost;
                case { Kind: Stdout } f:
                    stdout.Write(f.Payload);
                    stdout.Flush();
                    break;
                case { Kind: Stderr } f:
                    stderr.Write(f.Payload);
                    stderr.Flush();
                    break;
                case { Kind: Exit } f when f.Payload.Length == 4:
                    return BinaryPrimitives.ReadInt32LittleEndian(f.Payload);
                case { Kind: Local }:
                    return null;
                default:
                    break;
            }
        }
    }
}
