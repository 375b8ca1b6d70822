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
    /// <summary>True with the exit code when a resident process ran the command; false when this process should.</summary>
    public static bool TryRun(string[] args, out int exit)
    {
        exit = 0;
        if (ResidentProtocol.SocketFor(args, DatasetCache.Folder, () => ResidentProtocol.Build) is not { } socketPath)
        {
            return false;
        }

        using var stdout = Console.OpenStandardOutput();
        using var stderr = Console.OpenStandardError();
        if (Exchange(socketPath, ResidentProtocol.RequestOf(ResidentProtocol.Build, args), stdout, stderr) is not { } answered)
        {
            // A socket left by a process that is gone: this process runs the command.
            return false;
        }

        exit = answered;
        return true;
    }

    /// <summary>
    /// Sends <paramref name="request"/> to the resident process at <paramref name="socketPath"/> and copies its output
    /// to the two streams as it comes (<see cref="ResidentProtocol.Exchange"/>); null when nothing listens there.
    /// </summary>
    /// <param name="asJson">Send the request as the first builds wrote it (<see cref="ResidentProtocol.EncodeJson"/>), for a process of another build.</param>
    public static int? Exchange(string socketPath, ResidentProtocol.Request request, Stream stdout, Stream stderr, bool asJson = false)
    {
        using var stream = Open(socketPath);
        return stream is null ? null : ResidentProtocol.Exchange(stream, asJson ? ResidentProtocol.EncodeJson(request) : ResidentProtocol.Encode(request), stdout, stderr);
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
}
