using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using SoTTTT.IO;
using SoTTTT.IO.Caching;

namespace SoTTTT.Cli.Resident;

/// <summary>
/// The resident process (<c>sotttt daemon run</c>): listens on this build's socket (<see cref="ResidentProtocol"/>)
/// and runs the dataset commands sent to it one after the other, each in the caller's working folder, with datasets
/// held in memory between them (<see cref="ResidentDatasets"/>). Ends on <c>sotttt daemon stop</c>, SIGTERM or
/// SIGINT, when its socket is removed, or after the idle time with no command. One line per command goes to its log.
/// </summary>
internal sealed class ResidentServer(string socketPath, TimeSpan idle, TextWriter log) : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly DateTime startedUtc = DateTime.UtcNow;
    private readonly CancellationTokenSource stopping = new();
    private int commands;

    // Held open (an exclusive lock) while this process serves: a second process of the build starting at the same
    // moment finds it taken and leaves the socket alone.
    private static FileStream? claim;

    /// <summary>Binds the socket (replacing one left by a process that is gone); null with the reason when another process holds it.</summary>
    public static Socket? Bind(string socketPath, out string? busy)
    {
        busy = null;
        ResidentProtocol.CreatePrivateFolder(Path.GetDirectoryName(socketPath)!);
        try
        {
            claim = new FileStream(socketPath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            busy = socketPath;
            return null;
        }

        if (File.Exists(socketPath))
        {
            if (ResidentClient.Exchange(socketPath, StatusRequest, Stream.Null, Stream.Null) is 0)
            {
                busy = socketPath;
                return null;
            }

            File.Delete(socketPath);
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(64);
        return listener;
    }

    /// <summary>The request <c>sotttt daemon status</c> sends.</summary>
    public static ResidentProtocol.Request StatusRequest => new(ResidentProtocol.Build, "/", ["daemon", "status"], false, 0, 0);

    /// <summary>Serves until stopped; the socket file is removed at the end.</summary>
    public int Serve(Socket listener, IReadOnlyList<string> preload)
    {
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => c.Cancel = true);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        ResidentDatasets.Enabled = true;
        Log($"started: pid {Environment.ProcessId}, build {ResidentProtocol.Build}, socket {socketPath}");
        try
        {
            foreach (var folder in preload)
            {
                var clock = Stopwatch.StartNew();
                var loaded = DatasetSource.Load(folder, new LoadOptions(CacheWriteBehind: true));
                DatasetCache.WaitForWrites();
                Log($"loaded {folder}: {(loaded.Succeeded ? "ok" : loaded.Problems.Count + " problems")}, held: {ResidentDatasets.LastOutcome}, {clock.Elapsed.TotalSeconds:F2} s");
            }

            var lastUsed = Stopwatch.StartNew();
            while (!stopping.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                wait.CancelAfter(TimeSpan.FromSeconds(15));
                Socket connection;
                try
                {
                    connection = listener.AcceptAsync(wait.Token).AsTask().GetAwaiter().GetResult();
                }
                catch (SocketException e)
                {
                    // A connection aborted before it was taken, or no file descriptor left: the next one may do.
                    Log($"accept: {e.Message}");
                    Thread.Sleep(100);
                    continue;
                }
                catch (OperationCanceledException)
                {
                    if (!File.Exists(socketPath))
                    {
                        Log("socket removed: stopping");
                        break;
                    }

                    if (lastUsed.Elapsed > idle)
                    {
                        Log($"idle for {idle.TotalMinutes:F0} min: stopping");
                        break;
                    }

                    continue;
                }

                using (connection)
                {
                    Handle(connection);
                }

                lastUsed.Restart();
            }
        }
        finally
        {
            ResidentDatasets.Enabled = false;
            ResidentDatasets.Clear();
            listener.Dispose();
            try
            {
                File.Delete(socketPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Replaced by the next process's bind.
            }

            Log("stopped");
        }

        return ExitCodes.Ok;
    }

    public void Dispose() => stopping.Dispose();

    private void Stop(PosixSignalContext context)
    {
        // The first signal stops after the command running now; a second one ends the process at once.
        context.Cancel = !stopping.IsCancellationRequested;
        stopping.Cancel();
    }

    private void Handle(Socket connection)
    {
        connection.ReceiveTimeout = 10_000;
        using var stream = new NetworkStream(connection, ownsSocket: false);
        var clock = Stopwatch.StartNew();
        ResidentProtocol.Request? request;
        try
        {
            request = ResidentProtocol.ReadFrame(stream, ResidentProtocol.MaxRequestBytes) is { Kind: ResidentProtocol.Ask } frame ? ResidentProtocol.Decode(frame.Payload) : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or SocketException)
        {
            request = null;
        }

        connection.ReceiveTimeout = 0;
        var gate = new Lock();
        try
        {
            int? exit = request switch
            {
                null => Refuse(stream, gate, "sotttt: not a request of this program\n"),
                { Args: ["daemon", "stop"] } => StopReply(stream, gate),
                { Build: var build } when build != ResidentProtocol.Build => Refuse(stream, gate, "sotttt: a request from another build\n"),
                { Args: ["daemon", "status"] } => Reply(stream, gate, Status()),
                { Args: var args } when !ResidentProtocol.MayForward(args) => RunLocally(stream, gate),
                { Args: [var name, ..] } when ResidentProtocol.Commands.Contains(name) => Run(connection, stream, gate, request),
                _ => Refuse(stream, gate, "sotttt: not a command the resident process runs\n"),
            };
            if (exit is { } value)
            {
                Span<byte> bytes = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
                lock (gate)
                {
                    ResidentProtocol.WriteFrame(stream, ResidentProtocol.Exit, bytes);
                }
            }

            if (exit is { } code && request is { Args: [var first, ..] } && first != "daemon")
            {
                Log($"{Masked(request.Args)} (in {request.WorkingFolder}): exit {code}, {clock.Elapsed.TotalSeconds:F2} s, dataset {ResidentDatasets.LastOutcome}");

                // The command's garbage is collected now, after its caller has its exit code, rather than in the middle
                // of the next command: on the national dataset a young-generation collection of this process pauses it
                // 60-160 ms, a third of a narrow command's time.
                GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Log($"{(request is null ? "?" : Masked(request.Args))}: the caller went away ({e.Message})");
        }
    }

    private int? Run(Socket connection, Stream stream, Lock gate, ResidentProtocol.Request request)
    {
        try
        {
            Directory.SetCurrentDirectory(request.WorkingFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A folder this process may not enter (the caller joined a group since it started, …): the caller runs it.
            return RunLocally(stream, gate);
        }

        var umask = request.Umask is { } mask ? FileStamp.SetFileCreationMask(mask) : (uint?)null;
        try
        {
            return RunHere(connection, stream, gate, request);
        }
        finally
        {
            if (umask is { } before)
            {
                FileStamp.SetFileCreationMask(before);
            }
        }
    }

    private static int? RunLocally(Stream stream, Lock gate)
    {
        lock (gate)
        {
            ResidentProtocol.WriteFrame(stream, ResidentProtocol.Local, []);
        }

        return null;
    }

    private static string Masked(string[] args) => IO.Postgis.CredentialMask.Apply(string.Join(' ', args));

    private int RunHere(Socket connection, Stream stream, Lock gate, ResidentProtocol.Request request)
    {
        Interlocked.Increment(ref commands);

        // The caller sends nothing after its request: the socket turns readable only when it is gone (killed, Ctrl+C).
        // Then the command's gate closes, and no file of it appears after that (WriteGate).
        using var gone = new CancellationTokenSource();
        using var watch = new Timer(_ => Watch(connection, gone), null, 100, 100);
        IO.Writing.WriteGate.Token = gone.Token;

        // Both streams sent at every write, as the process's own console does: stdout and stderr keep their order (2>&1).
        using var stdout = new StreamWriter(new FrameStream(stream, ResidentProtocol.Stdout, gate), Utf8, 1 << 16) { AutoFlush = true };
        using var stderr = new StreamWriter(new FrameStream(stream, ResidentProtocol.Stderr, gate), Utf8, 1 << 12) { AutoFlush = true };
        var output = TextWriter.Synchronized(stdout);
        var errors = TextWriter.Synchronized(stderr);
        var console = new CliConsole(output, errors, TextReader.Null, request.Terminal, width: request.Width > 0 ? request.Width : null, colors: request.Colors);
        try
        {
            var exit = CliApp.Execute(request.Args, console);
            output.Flush();
            errors.Flush();
            return exit;
        }
        finally
        {
            IO.Writing.WriteGate.Token = default;
        }
    }

    private static void Watch(Socket connection, CancellationTokenSource gone)
    {
        try
        {
            if (CallerGone(connection))
            {
                gone.Cancel();
            }
        }
        catch (ObjectDisposedException)
        {
            // The command ended while this tick ran.
        }
    }

    private static bool CallerGone(Socket connection)
    {
        try
        {
            return connection.Poll(0, SelectMode.SelectRead) && connection.Available == 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    private static int Refuse(Stream stream, Lock gate, string message)
    {
        lock (gate)
        {
            ResidentProtocol.WriteFrame(stream, ResidentProtocol.Stderr, Utf8.GetBytes(message));
        }

        return ExitCodes.BadInput;
    }

    private static int Reply(Stream stream, Lock gate, string text)
    {
        lock (gate)
        {
            ResidentProtocol.WriteFrame(stream, ResidentProtocol.Stdout, Utf8.GetBytes(text));
        }

        return ExitCodes.Ok;
    }

    private int StopReply(Stream stream, Lock gate)
    {
        stopping.Cancel();
        return Reply(stream, gate, $"sotttt daemon: pid {Environment.ProcessId} stops\n");
    }

    private string Status()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        using var self = Process.GetCurrentProcess();
        text.Append(inv, $"pid {Environment.ProcessId}\nbuild {ResidentProtocol.Build}\nsocket {socketPath}\n");
        text.Append(inv, $"started {startedUtc:yyyy-MM-ddTHH:mm:ssZ}\ncommands {commands}\nworking_set_mib {self.WorkingSet64 / (1024 * 1024)}\n");
        foreach (var (folder, loaded, used) in ResidentDatasets.Held())
        {
            text.Append(inv, $"dataset {folder}\t{loaded:yyyy-MM-ddTHH:mm:ssZ}\t{used}\n");
        }

        return text.ToString();
    }

    private void Log(string line)
    {
        try
        {
            log.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {line}");
            log.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // A log that cannot be written does not stop the commands.
        }
    }

    /// <summary>Writes each block written to it as one frame of its kind.</summary>
    private sealed class FrameStream(Stream inner, byte kind, Lock gate) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return;
            }

            lock (gate)
            {
                ResidentProtocol.WriteFrame(inner, kind, buffer);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
