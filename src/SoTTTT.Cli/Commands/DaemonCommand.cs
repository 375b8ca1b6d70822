using System.CommandLine;
using System.Diagnostics;
using SoTTTT.Cli.Resident;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt daemon start|stop|status|run</c>: a resident process that keeps datasets in memory between commands, as
/// a database server keeps its tables (<see cref="ResidentServer"/>). While it runs, the dataset commands
/// (<see cref="ResidentProtocol.Commands"/>) of the same build and user are run by it; their output, files and exit
/// codes are the same as without it. <c>SOTTTT_DAEMON=off</c> runs a command in its own process regardless.
/// </summary>
internal static class DaemonCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("daemon", "tiến trình thường trú giữ bộ dữ liệu trong bộ nhớ giữa các lệnh / a resident process that keeps datasets in memory between commands");
        command.Subcommands.Add(Start(console));
        command.Subcommands.Add(Stop(console));
        command.Subcommands.Add(Status(console));
        command.Subcommands.Add(Run(console));
        return command;
    }

    private sealed class ServeOptions
    {
        public Option<string[]> Datasets { get; } = new("--dataset") { Description = "dataset folder to load and hold at start (repeatable)", Arity = ArgumentArity.ZeroOrMore };

        public Option<int> IdleMinutes { get; } = new("--idle-minutes") { Description = "stop after this many minutes without a command (default 120)", DefaultValueFactory = _ => 120 };

        public Option<int> Keep { get; } = new("--keep") { Description = "how many datasets to hold at once (default 2)", DefaultValueFactory = _ => 2 };

        public void AddTo(Command command)
        {
            IdleMinutes.Validators.Add(r => Range(r, IdleMinutes, 1, 7 * 24 * 60));
            Keep.Validators.Add(r => Range(r, Keep, 1, 8));
            command.Options.Add(Datasets);
            command.Options.Add(IdleMinutes);
            command.Options.Add(Keep);
        }

        public IEnumerable<string> Arguments(ParseResult parse)
        {
            foreach (var folder in parse.GetValue(Datasets) ?? [])
            {
                yield return "--dataset";
                yield return Path.GetFullPath(folder);
            }

            yield return "--idle-minutes";
            yield return parse.GetValue(IdleMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return "--keep";
            yield return parse.GetValue(Keep).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static void Range(System.CommandLine.Parsing.OptionResult result, Option<int> option, int min, int max)
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{option.Name} must be between {min} and {max}, not {value}");
            }
        }
    }

    private static Command Start(CliConsole console)
    {
        var options = new ServeOptions();
        var wait = new Option<int>("--wait-seconds") { Description = "how long to wait for the process and its datasets (default 600)", DefaultValueFactory = _ => 600 };
        var command = new Command("start", "khởi động tiến trình thường trú (nền) / start the resident process in the background") { wait };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            if (ResidentProtocol.SocketPath is not { } socket || ResidentProtocol.LogPath is not { } log)
            {
                return CacheOff(console);
            }

            if (Ask(socket, ["daemon", "status"], out var status) == 0)
            {
                console.Out.WriteLine("sotttt daemon: already running");
                console.Out.Write(status);
                return ExitCodes.Ok;
            }

            foreach (var folder in parse.GetValue(options.Datasets) ?? [])
            {
                if (!Directory.Exists(folder))
                {
                    console.Error.WriteLine($"sotttt daemon: DATASET_MISSING: dataset folder '{folder}' does not exist");
                    return ExitCodes.BadInput;
                }
            }

            ResidentProtocol.CreatePrivateFolder(Path.GetDirectoryName(log)!);
            using var process = Process.Start(Detached(log, ["daemon", "run", .. options.Arguments(parse)]))!;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < parse.GetValue(wait))
            {
                if (Ask(socket, ["daemon", "status"], out status) == 0)
                {
                    console.Out.WriteLine($"sotttt daemon: started, log {log}");
                    console.Out.Write(status);
                    return ExitCodes.Ok;
                }

                if (process.WaitForExit(200))
                {
                    console.Error.WriteLine($"sotttt daemon: the process ended with exit code {process.ExitCode}; its log: {log}");
                    return ExitCodes.InternalError;
                }
            }

            console.Error.WriteLine($"sotttt daemon: no answer after {parse.GetValue(wait)} s; its log: {log}");
            return ExitCodes.InternalError;
        });
        return command;
    }

    private static Command Run(CliConsole console)
    {
        var options = new ServeOptions();
        var command = new Command("run", "chạy tiến trình thường trú ở tiền cảnh (cho systemd) / run the resident process in the foreground (for systemd)");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            if (ResidentProtocol.SocketPath is not { } socket)
            {
                return CacheOff(console);
            }

            IO.Caching.ResidentDatasets.MaxHeld = parse.GetValue(options.Keep);
            using var listener = ResidentServer.Bind(socket, out var busy);
            if (listener is null)
            {
                console.Error.WriteLine($"sotttt daemon: already running on {busy}");
                return ExitCodes.BadInput;
            }

            using var server = new ResidentServer(socket, TimeSpan.FromMinutes(parse.GetValue(options.IdleMinutes)), console.Error);
            return server.Serve(listener, parse.GetValue(options.Datasets) ?? []);
        });
        return command;
    }

    private static Command Stop(CliConsole console)
    {
        var command = new Command("stop", "dừng tiến trình thường trú (mọi bản dựng) / stop the resident processes (of every build)");
        command.SetAction(_ =>
        {
            if (ResidentProtocol.SocketPath is null || ResidentProtocol.Folder is not { } folder)
            {
                return CacheOff(console);
            }

            // This build's, and any an older or newer sotttt left (each build has its own socket).
            var stopped = 0;
            foreach (var socket in Directory.Exists(folder) && ResidentProtocol.IsPrivate(folder) ? Directory.GetFiles(folder, "*.sock") : [])
            {
                if (Ask(socket, ["daemon", "stop"], out var reply) != 0)
                {
                    continue;
                }

                // Gone once its socket is (after the command it is running, if any).
                var clock = Stopwatch.StartNew();
                while (File.Exists(socket) && clock.Elapsed.TotalSeconds < 30)
                {
                    Thread.Sleep(50);
                }

                console.Out.Write(reply);
                stopped++;
            }

            if (stopped == 0)
            {
                console.Out.WriteLine("sotttt daemon: not running");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var command = new Command("status", "tình trạng tiến trình thường trú / the resident process's state (pid, memory, datasets held)");
        command.SetAction(_ =>
        {
            if (ResidentProtocol.SocketPath is not { } socket)
            {
                return CacheOff(console);
            }

            if (Ask(socket, ["daemon", "status"], out var status) != 0)
            {
                console.Out.WriteLine("sotttt daemon: not running");
                return ExitCodes.Ok;
            }

            console.Out.Write(status);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int CacheOff(CliConsole console)
    {
        console.Error.WriteLine("sotttt daemon: CACHE_OFF: the resident process needs the cache folder (SOTTTT_CACHE=off, or no home folder, or a cache path too long for a socket)");
        return ExitCodes.BadInput;
    }

    /// <summary>The exit code of a request to the process at <paramref name="socket"/> (null: none answers), with its stdout.</summary>
    private static int? Ask(string socket, string[] args, out string stdout)
    {
        using var output = new MemoryStream();
        // Another build's process may read only the first builds' JSON requests.
        var otherBuild = Path.GetFileName(socket) != ResidentProtocol.Build + ".sock";
        var exit = File.Exists(socket) && ResidentProtocol.IsPrivate(Path.GetDirectoryName(socket)!) ? ResidentClient.Exchange(socket, ResidentServer.StatusRequest with { Args = args }, output, Stream.Null, asJson: otherBuild) : null;
        stdout = System.Text.Encoding.UTF8.GetString(output.ToArray());
        return exit;
    }

    /// <summary>
    /// This program again, with <paramref name="args"/>, in a session of its own (<c>setsid</c>: a closed terminal does
    /// not end it), stdin from /dev/null and its stdout and stderr appended to <paramref name="log"/>.
    /// </summary>
    private static ProcessStartInfo Detached(string log, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = "/" };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=$1; shift; if command -v setsid >/dev/null 2>&1; then exec setsid \"$@\" </dev/null >>\"$log\" 2>&1; else exec \"$@\" </dev/null >>\"$log\" 2>&1; fi");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(log);
        // The server garbage collector, unless the environment chooses: a process that lives for hours on two or more
        // cores collects on all of them and keeps larger budgets (national, warm: indicators 1.45 -> 1.20 s, sharing
        // 2.88 -> 2.50 s, coverage --no-raster 6.77 -> 4.95 s; working set 1,352 -> 1,163 MiB).
        // The cache folder as this process found it: the child starts in /, where a relative one would name another.
        if (Environment.GetEnvironmentVariable("SOTTTT_CACHE_DIR") is { Length: > 0 } cache)
        {
            start.Environment["SOTTTT_CACHE_DIR"] = Path.GetFullPath(cache);
        }

        if (Environment.GetEnvironmentVariable("DOTNET_gcServer") is null)
        {
            start.Environment["DOTNET_gcServer"] = "1";
        }

        var host = Environment.ProcessPath!;
        start.ArgumentList.Add(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(DaemonCommand).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
