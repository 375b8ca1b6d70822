using System.Text;
using SoTTTT.IO.Caching;

namespace SoTTTT.Cli.Resident;

/// <summary>
/// How a <c>sotttt</c> command talks to the resident process (<c>sotttt daemon</c>) over a Unix socket: one request
/// frame (length, then <see cref="Encode"/>'s bytes: build, working folder, arguments, terminal facts), answered by frames of stdout
/// bytes, stderr bytes and at last the exit code. The socket lives in the cache folder's <c>resident</c> folder
/// (mode 0700, so only the user reaches it) under the build's name: a rebuilt <c>sotttt</c> never talks to an older
/// resident process. The wire (frames, requests, which commands go, the build's name and its socket) is in
/// ResidentWire.cs, which the native front (src/SoTTTT.Front) compiles too; this part is the .NET program's own.
/// </summary>
internal static partial class ResidentProtocol
{
    /// <summary>
    /// This build of the program: its three assemblies' module ids, hashed (FNV-1a, 16 hex digits). Not a secret and not
    /// a defence (the socket's folder is private); only a rebuilt sotttt must never talk to an older process, and the
    /// command line's own start must stay short (no cryptography library loaded for it).
    /// </summary>
    public static string Build { get; } = BuildOf(
        typeof(ResidentProtocol).Assembly.ManifestModule.ModuleVersionId,
        typeof(Core.Model.Dataset).Assembly.ManifestModule.ModuleVersionId,
        typeof(DatasetCache).Assembly.ManifestModule.ModuleVersionId);

    /// <summary>The folder of this user's resident processes, or null when the cache is off.</summary>
    public static string? Folder => DatasetCache.Folder is { } cache ? ResidentFolderOf(cache) : null;

    /// <summary>This build's socket, or null when the cache is off or the path is too long for a socket.</summary>
    public static string? SocketPath => Folder is { } folder ? SocketPathIn(folder, Build) : null;

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
}
