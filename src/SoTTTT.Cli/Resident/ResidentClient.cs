using System.Buffers.Binary;
using System.Net.Sockets;
using SoTTTT.IO.Caching;

namespace SoTTTT.Cli.Resident;

/// <summary>
/// The command line's side: when this build's resident process is running (<c>sotttt daemon start</c>), a dataset
/// command is sent to it and its output copied out as it comes; otherwise, or with <c>SOTTTT_DAEMON=off</c>, the
/// command runs in this process as always. The answer is the same either way: the resident process runs the same code
/// on the same arguments in the same working folder, with the dataset checked against its files.
/// </summary>
internal static class ResidentClient
{
    /// <summary>Exit code when the resident process ended during the command (the command's outcome is unknown).</summary>
    public const int Lost = 1;

    /// <summary>True with the exit code when a resident process ran the command; false when this process should.</summary>
    public static bool TryRun(string[] args, out int exit)
    {
        exit = 0;
        if (!ResidentProtocol.MayForward(args)
            || string.Equals(Environment.GetEnvironmentVariable("SOTTTT_DAEMON"), "off", StringComparison.OrdinalIgnoreCase)
            || ResidentProtocol.SocketPath is not { } socketPath || !File.Exists(socketPath)
            || !ResidentProtocol.IsPrivate(Path.GetDirectoryName(socketPath)!))
        {
            return false;
        }

        var terminal = !Console.IsOutputRedirected;
        var request = new ResidentProtocol.Request(
            ResidentProtocol.Build,
            Environment.CurrentDirectory,
            args,
            terminal,
            terminal ? SafeWidth() : 0,
            terminal ? ResidentProtocol.ColorsOfTerminal(Environment.GetEnvironmentVariable) : 0)
        {
            Umask = IO.Caching.FileStamp.FileCreationMask(),
        };
        using var stdout = Console.OpenStandardOutput();
        using var stderr = Console.OpenStandardError();
        if (Exchange(socketPath, request, stdout, stderr) is not { } answered)
        {
            // A socket left by a process that is gone: this process runs the command.
            return false;
        }

        exit = answered;
        return true;
    }

    /// <summary>
    /// Sends <paramref name="request"/> to the resident process at <paramref name="socketPath"/> and copies its output
    /// to the two streams as it comes; the exit code, <see cref="Lost"/> when the process ended before giving one, or
    /// null when nothing listens there or it answers that this process should run the command (<see cref="ResidentProtocol.Local"/>).
    /// </summary>
    /// <param name="asJson">Send the request as the first builds wrote it (<see cref="ResidentProtocol.EncodeJson"/>), for a process of another build.</param>
    public static int? Exchange(string socketPath, ResidentProtocol.Request request, Stream stdout, Stream stderr, bool asJson = false)
    {
        using var stream = Open(socketPath);
        if (stream is null)
        {
            return null;
        }

        try
        {
            ResidentProtocol.WriteFrame(stream, ResidentProtocol.Ask, asJson ? ResidentProtocol.EncodeJson(request) : ResidentProtocol.Encode(request));
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
                frame = ResidentProtocol.ReadFrame(stream);
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or SocketException or ObjectDisposedException)
            {
                frame = null;
            }

            switch (frame)
            {
                case null:
                    stderr.Write("sotttt: the resident process (sotttt daemon) ended during the command; its outcome is unknown\n"u8);
                    return Lost;
                case { Kind: ResidentProtocol.Stdout } f:
                    stdout.Write(f.Payload);
                    stdout.Flush();
                    break;
                case { Kind: ResidentProtocol.Stderr } f:
                    stderr.Write(f.Payload);
                    stderr.Flush();
                    break;
                case { Kind: ResidentProtocol.Exit } f when f.Payload.Length == 4:
                    return BinaryPrimitives.ReadInt32LittleEndian(f.Payload);
                case { Kind: ResidentProtocol.Local }:
                    return null;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// The stream to the socket at <paramref name="socketPath"/>, or null when nothing listens there: on Linux by the C
    /// library's calls (<see cref="UnixSocketStream"/>, no socket library to load), elsewhere by .NET's sockets.
    /// </summary>
    private static Stream? Open(string socketPath)
    {
        if (UnixSocketStream.Supported)
        {
            return UnixSocketStream.Connect(socketPath);
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
