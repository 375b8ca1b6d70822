using System.Buffers.Binary;
using System.Text;
using SoTTTT.IO.Caching;

namespace SoTTTT.Cli.Resident;

/// <summary>
/// How a <c>sotttt</c> command talks to the resident process (<c>sotttt daemon</c>) over a Unix socket: one request
/// frame (length, then <see cref="Encode"/>'s bytes: build, working folder, arguments, terminal facts), answered by frames of stdout
/// bytes, stderr bytes and at last the exit code. The socket lives in the cache folder's <c>resident</c> folder
/// (mode 0700, so only the user reaches it) under the build's name: a rebuilt <c>sotttt</c> never talks to an older
/// resident process.
/// </summary>
internal static class ResidentProtocol
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

    /// <summary>
    /// This build of the program: its three assemblies' module ids, hashed (FNV-1a, 16 hex digits). Not a secret and not
    /// a defence (the socket's folder is private); only a rebuilt sotttt must never talk to an older process, and the
    /// command line's own start must stay short (no cryptography library loaded for it).
    /// </summary>
    public static string Build { get; } = BuildOf(
        typeof(ResidentProtocol).Assembly.ManifestModule.ModuleVersionId,
        typeof(Core.Model.Dataset).Assembly.ManifestModule.ModuleVersionId,
        typeof(DatasetCache).Assembly.ManifestModule.ModuleVersionId);

    private static string BuildOf(params Guid[] ids)
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

    /// <summary>The folder of this user's resident processes, or null when the cache is off.</summary>
    public static string? Folder => DatasetCache.Folder is { } cache ? Path.Combine(Path.GetFullPath(cache), "resident") : null;

    /// <summary>This build's socket, or null when the cache is off or the path is too long for a socket.</summary>
    public static string? SocketPath => Folder is { } folder && Path.Combine(folder, Build + ".sock") is var path && Encoding.UTF8.GetByteCount(path) <= MaxSocketPathBytes ? path : null;

    /// <summary>This build's log (requests, exit codes, times).</summary>
    public static string? LogPath => Folder is { } folder ? Path.Combine(folder, Build + ".log") : null;

    /// <summary>Creates the folder, readable, writable and enterable by this user only (0700).</summary>
    public static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(folder, owner);
        File.SetUnixFileMode(folder, owner);
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

    /// <summary>
    /// The request in <paramref name="bytes"/> (<see cref="Encode"/>'s, or <see cref="EncodeJson"/>'s), or null when it
    /// is not one (cut short, malformed or with bytes left over).
    /// </summary>
    public static Request? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[0] == (byte)'{')
        {
            return DecodeJson(bytes);
        }

        if (bytes.Length == 0 || bytes[0] != BinaryFormat)
        {
            return null;
        }

        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes[1..].ToArray(), writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true));
            var build = r.ReadString();
            var cwd = r.ReadString();
            var count = r.ReadInt32();
            if (count is < 0 or > MaxArgs)
            {
                return null;
            }

            var args = new string[count];
            for (var i = 0; i < count; i++)
            {
                args[i] = r.ReadString();
            }

            var request = new Request(build, cwd, args, r.ReadBoolean(), r.ReadInt32(), r.ReadInt32())
            {
                Umask = r.ReadInt64() is var umask and >= 0 and <= 0x1FF ? (uint)umask : null,
            };
            return r.BaseStream.Position == r.BaseStream.Length ? request : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or DecoderFallbackException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The request as the first builds wrote it (UTF-8 JSON), which every build reads: <c>daemon stop</c> sends it to
    /// the processes of other builds, so that an upgraded sotttt still stops an older one (and an older one a newer).
    /// </summary>
    public static byte[] EncodeJson(Request request)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("build", request.Build);
            json.WriteString("cwd", request.WorkingFolder);
            json.WriteStartArray("args");
            foreach (var arg in request.Args)
            {
                json.WriteStringValue(arg);
            }

            json.WriteEndArray();
            json.WriteBoolean("terminal", request.Terminal);
            json.WriteNumber("width", request.Width);
            json.WriteNumber("colors", request.Colors);
            if (request.Umask is { } umask)
            {
                json.WriteNumber("umask", umask);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static Request? DecodeJson(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(bytes.ToArray());
            var root = doc.RootElement;
            return new Request(
                root.GetProperty("build").GetString()!,
                root.GetProperty("cwd").GetString()!,
                [.. root.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)],
                root.GetProperty("terminal").GetBoolean(),
                root.GetProperty("width").GetInt32(),
                root.GetProperty("colors").GetInt32())
            {
                Umask = root.TryGetProperty("umask", out var umask) ? umask.GetUInt32() : null,
            };
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
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
}
