using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using NUnit.Framework;
using SoTTTT.IO.Caching;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// <c>sotttt daemon</c> (issue 13): the built program as child processes, each test with a cache folder of its own
/// (so its own socket). A command run by the resident process must give what the command gives in its own process
/// (<c>SOTTTT_DAEMON=off</c>): stdout, stderr and exit code, in the caller's folder; and a held dataset must be
/// dropped when any of its files changes, even with its size and mtime put back.
/// </summary>
[TestFixture]
public sealed class DaemonCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private string work = null!;
    private string cache = null!;
    private string dataset = null!;

    [SetUp]
    public void SetUp()
    {
        work = Directory.CreateTempSubdirectory("sotttt-daemon-").FullName;
        cache = Path.Combine(work, "cache");
        dataset = Path.Combine(work, "province");
        Directory.CreateDirectory(dataset);
        foreach (var file in Directory.EnumerateFiles(DemoSample.Folder))
        {
            File.Copy(file, Path.Combine(dataset, Path.GetFileName(file)));
        }

        // A dataset is held only when its files' last change is 2 s older than its load (ResidentDatasets.RacyMarginNs).
        Thread.Sleep(TimeSpan.FromMilliseconds((ResidentDatasets.RacyMarginNs / 1_000_000) + 200));
    }

    [TearDown]
    public void TearDown()
    {
        Sotttt(work, false, "daemon", "stop");
        Directory.Delete(work, recursive: true);
    }

    [Test]
    public void Resident_GivesTheSameOutputErrorsAndExitCodes_AsItsOwnProcess()
    {
        var started = Sotttt(work, false, "daemon", "start", "--dataset", dataset, "--idle-minutes", "5");
        Assert.That(started.Exit, Is.Zero, started.Err);
        Assert.That(started.Out, Does.Contain("dataset " + dataset + "\t"), "the dataset is held from the start");

        string[][] cases =
        [
            ["indicators", dataset, "--level", "commune", "--format", "csv"],
            ["indicators", dataset, "--level", "district", "--format", "json", "--lang", "en"],
            ["sharing", dataset, "--level", "province", "--format", "json"],
            ["coverage", dataset, "--level", "district", "--no-raster", "--format", "csv"],
            ["indicators", Path.Combine(work, "absent"), "--level", "commune"],
            ["indicators", dataset, "--level", "hamlet"],
            ["indicators", string.Empty, "--level", "commune"],

            // Run by the caller itself: help (the terminal's width), a PostgreSQL source (the caller's PG* variables).
            ["indicators", "--help"],
            ["indicators", "postgresql://nobody@127.0.0.1:1/none?schema=s", "--level", "commune"],
        ];
        foreach (var args in cases)
        {
            var resident = Sotttt(work, false, args);
            var own = Sotttt(work, true, args);
            Assert.Multiple(() =>
            {
                Assert.That(resident.Exit, Is.EqualTo(own.Exit), string.Join(' ', args));
                Assert.That(resident.Out, Is.EqualTo(own.Out), string.Join(' ', args));
                Assert.That(resident.Err, Is.EqualTo(own.Err), string.Join(' ', args));
            });
        }

        var log = Log();
        Assert.Multiple(() =>
        {
            Assert.That(log, Does.Contain($"indicators {dataset} --level commune --format csv (in {work}): exit 0"), "the resident process ran it");
            Assert.That(log, Does.Contain($"indicators {Path.Combine(work, "absent")} --level commune (in {work}): exit 2"));
            Assert.That(log, Does.Contain("exit 0, ").And.Contain("dataset hit"), "the held dataset served the commands");
            Assert.That(log, Does.Contain($"indicators  --level commune (in {work}): exit 2"), "an empty folder name: exit 2, as in its own process");
            Assert.That(log, Does.Not.Contain("--help").And.Not.Contain("postgresql"), "help and PostgreSQL sources run in the caller's process");
        });
    }

    /// <summary>
    /// The native front (src/SoTTTT.Front, built beside the program as <c>sotttt</c>, the .NET launcher then being
    /// <c>sotttt-net</c>) gives what the .NET program gives in its own process, with no resident process (it execs the
    /// .NET program) and with one (it hands dataset commands over, by the same wire and the same build name).
    /// </summary>
    [Test]
    public void NativeFront_GivesWhatTheNetProgramGives_WithAndWithoutTheResidentProcess()
    {
        var front = Path.Combine(AppContext.BaseDirectory, "sotttt");
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "sotttt-net")))
        {
            const string Missing = "the native front was not built beside the program (Native AOT needs gcc, libc6-dev and zlib1g-dev; tests/run.sh installs them)";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(Missing);
            }

            Assert.Ignore(Missing);
        }

        string[][] cases =
        [
            ["--version"],
            ["indicators", "--help"],
            ["indicators", dataset, "--level", "commune", "--format", "csv"],
            ["sharing", dataset, "--level", "province", "--format", "json", "--lang", "en"],
            ["indicators", Path.Combine(work, "absent"), "--level", "commune"],
            ["indicators", dataset, "--level", "hamlet"],
        ];
        void Same(string when)
        {
            foreach (var args in cases)
            {
                var viaFront = Program(work, false, [], [front, .. args]);
                var own = Sotttt(work, true, args);
                Assert.Multiple(() =>
                {
                    Assert.That(viaFront.Exit, Is.EqualTo(own.Exit), $"{when}: {string.Join(' ', args)}");
                    Assert.That(viaFront.Out, Is.EqualTo(own.Out), $"{when}: {string.Join(' ', args)}");
                    Assert.That(viaFront.Err, Is.EqualTo(own.Err), $"{when}: {string.Join(' ', args)}");
                });
            }
        }

        Same("no resident process");
        Assert.That(Directory.Exists(Path.Combine(cache, "resident")) ? Log() : string.Empty, Does.Not.Contain("indicators"), "nothing ran in a resident process");

        // A copy of the front with the build's assemblies but no .NET launcher beside it: what it answers, only the
        // resident process can have answered (the .NET program's own client never ran).
        var lonely = Path.Combine(work, "lonely");
        Directory.CreateDirectory(lonely);
        foreach (var file in new[] { "sotttt", "sotttt.dll", "SoTTTT.Core.dll", "SoTTTT.IO.dll" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, file), Path.Combine(lonely, file));
        }

        string[] command = [Path.Combine(lonely, "sotttt"), "indicators", dataset, "--level", "commune", "--format", "csv"];
        var alone = Program(work, false, [], command);
        Assert.That((alone.Exit, alone.Err), Is.EqualTo((1, $"sotttt: cannot start the .NET program {Path.Combine(lonely, "sotttt-net")} (errno 2); reinstall sotttt (dotnet publish src/SoTTTT.Cli)\n")));

        var started = Program(work, false, [], front, "daemon", "start", "--dataset", dataset, "--idle-minutes", "5");
        Assert.That(started.Exit, Is.Zero, started.Err);
        Same("with the resident process");
        var handed = Program(work, false, [], command);
        Assert.That(handed, Is.EqualTo(Sotttt(work, true, command[1..])), "the front alone, through the resident process");
        var log = Log();
        Assert.Multiple(() =>
        {
            Assert.That(log, Does.Contain($"indicators {dataset} --level commune --format csv (in {work}): exit 0"), "the front handed the command to the resident process");
            Assert.That(log, Does.Contain($"indicators {Path.Combine(work, "absent")} --level commune (in {work}): exit 2"));
            Assert.That(log, Does.Not.Contain("--help").And.Not.Contain("--version"), "help and the version run in the caller's process");
        });
    }

    [Test]
    public void Resident_DropsAHeldDataset_WhenAFileChangesWithItsSizeAndMtimeKept()
    {
        Assert.That(Sotttt(work, false, "daemon", "start", "--dataset", dataset).Exit, Is.Zero);
        string[] args = ["indicators", dataset, "--level", "commune", "--format", "csv"];
        var before = Sotttt(work, false, args);

        // The first village moved 1 km east by one digit of its x: same size; its mtime put back to the nanosecond.
        var path = Path.Combine(dataset, "settlements.csv");
        var lines = File.ReadAllLines(path);
        var cells = lines[1].Split(',');
        Assert.That(cells[4], Does.StartWith("585"));
        cells[4] = "586" + cells[4][3..];
        lines[1] = string.Join(',', cells);
        FileStampTests.RewriteUnderTheSameMtime(path, () => File.WriteAllLines(path, lines));
        Assert.That(new FileInfo(path).Length, Is.EqualTo(new FileInfo(Path.Combine(DemoSample.Folder, "settlements.csv")).Length));

        var after = Sotttt(work, false, args);
        var own = Sotttt(work, true, args);
        Assert.Multiple(() =>
        {
            Assert.That(after.Exit, Is.Zero, after.Err);
            Assert.That(after.Out, Is.Not.EqualTo(before.Out), "the change reaches the table");
            Assert.That(after.Out, Is.EqualTo(own.Out));
            Assert.That(Log().TrimEnd().Split('\n')[^1], Does.EndWith("dataset not held"), "loaded again from the files, and not held: changed 2 s ago or less");
        });
    }

    [Test]
    public void Resident_RunsTheCommandInTheCallersFolder()
    {
        Assert.That(Sotttt(work, false, "daemon", "start").Exit, Is.Zero);
        var resident = Sotttt(work, false, "indicators", "province", "--level", "commune", "--out", Path.Combine("out", "resident.csv"));
        var own = Sotttt(work, true, "indicators", "province", "--level", "commune", "--out", Path.Combine("out", "own.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(resident.Exit, Is.Zero, resident.Err);
            Assert.That(own.Exit, Is.Zero, own.Err);
            Assert.That(File.ReadAllBytes(Path.Combine(work, "out", "resident.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(work, "out", "own.csv"))));
            Assert.That(Log(), Does.Contain($"indicators province --level commune --out out/resident.csv (in {work}): exit 0"));
        });
    }

    [Test]
    public void Resident_DrawsTablesForTheCallersTerminal_ItsWidthAndColours()
    {
        Assert.That(Sotttt(work, false, "daemon", "start", "--dataset", dataset).Exit, Is.Zero);

        // A terminal of 90 columns and 256 colours made by script(1) (util-linux); stderr (the spinner) kept off it.
        var dll = Path.Combine(AppContext.BaseDirectory, "sotttt.dll");
        var line = $"stty cols 90; dotnet '{dll}' indicators '{dataset}' --level district 2>/dev/null";
        string[] env = ["TERM=xterm-256color", "-COLORTERM", "-NO_COLOR"];
        var resident = Program(work, false, env, "script", "-qec", line, "/dev/null");
        var own = Program(work, true, env, "script", "-qec", line, "/dev/null");
        Assert.Multiple(() =>
        {
            Assert.That(resident.Exit, Is.Zero, resident.Err);
            Assert.That(resident.Out, Does.Contain("\u001b[38;5;"), "256 colours");
            Assert.That(resident.Out.Split('\n').Max(l => l.TrimEnd('\r').Length), Is.LessThanOrEqualTo(90 + 40), "90 columns (and colour codes)");
            Assert.That(resident.Out, Is.EqualTo(own.Out));
            Assert.That(Log(), Does.Contain($"indicators {dataset} --level district (in {work}): exit 0"));
        });
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Resident_WritesFilesUnderTheCallersUmask_AndKeepsTheOrderOfStdoutAndStderr()
    {
        Assert.That(Sotttt(work, false, "daemon", "start", "--dataset", dataset).Exit, Is.Zero);
        var dll = Path.Combine(AppContext.BaseDirectory, "sotttt.dll");
        string Line(string name) =>
            $"umask 077; dotnet '{dll}' indicators '{dataset}' --level commune --out out/{name}.csv && dotnet '{dll}' sharing '{dataset}' --level district --format csv 2>&1";
        var resident = Program(work, false, [], "sh", "-c", Line("resident"));
        var own = Program(work, true, [], "sh", "-c", Line("own"));
        Assert.Multiple(() =>
        {
            Assert.That(resident.Exit, Is.Zero, resident.Err);
            Assert.That(resident.Out, Is.EqualTo(own.Out), "stdout and stderr merged (2>&1) in the same order");
            Assert.That(resident.Err.Replace("resident", "own", StringComparison.Ordinal), Is.EqualTo(own.Err));
            Assert.That(File.GetUnixFileMode(Path.Combine(work, "out", "resident.csv")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "umask 077");
            Assert.That(File.GetUnixFileMode(Path.Combine(work, "out", "own.csv")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(Log(), Does.Contain("indicators " + dataset + " --level commune --out out/resident.csv").And.Contain("sharing " + dataset + " --level district --format csv"));
        });
    }

    [Test]
    public void ACallerKilledDuringItsCommand_SeesNoFileAppearAfterwards()
    {
        // The mountain sample's plan takes seconds (about 4.5 s warm here); its caller is killed 1.5 s in.
        var mountain = Path.Combine(Path.GetDirectoryName(DemoSample.Folder)!, "sample-mountain");
        Assert.That(Sotttt(work, false, "daemon", "start", "--dataset", mountain).Exit, Is.Zero);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "sotttt.dll"), "plan", mountain, "--out", "plan" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SOTTTT_CACHE_DIR"] = cache;
        start.Environment.Remove("SOTTTT_DAEMON");
        DateTime killedAt;
        using (var caller = Process.Start(start)!)
        {
            Thread.Sleep(1500);
            killedAt = DateTime.UtcNow;
            caller.Kill(entireProcessTree: true);
            caller.WaitForExit();
        }

        // The resident process answers the next request only once the plan has ended.
        Assert.That(Sotttt(work, false, "daemon", "status").Exit, Is.Zero);
        var folder = Path.Combine(work, "plan");
        var late = (Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [])
            .Where(f => File.GetLastWriteTimeUtc(f) > killedAt.AddSeconds(0.3))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Log(), Does.Contain($"plan {mountain} --out plan: the caller went away"), "the plan was running when its caller was killed");
            Assert.That(late, Is.Empty, "no file appeared after the caller was killed");
        });
    }

    [Test]
    public void Stop_EndsTheProcess_AndCommandsRunInTheirOwnAgain()
    {
        var started = Sotttt(work, false, "daemon", "start");
        var again = Sotttt(work, false, "daemon", "start");
        var socket = Socket(started.Out);
        Assert.Multiple(() =>
        {
            Assert.That(again.Out, Does.StartWith("sotttt daemon: already running"));
            Assert.That(File.Exists(socket), Is.True);
        });

        var stopped = Sotttt(work, false, "daemon", "stop");
        var status = Sotttt(work, false, "daemon", "status");
        var run = Sotttt(work, false, "indicators", dataset, "--level", "commune", "--format", "csv");
        Assert.Multiple(() =>
        {
            Assert.That(stopped.Out, Does.Contain("stops"));
            Assert.That(File.Exists(socket), Is.False);
            Assert.That(status.Out, Is.EqualTo("sotttt daemon: not running\n"));
            Assert.That(run.Exit, Is.Zero, run.Err);
            Assert.That(Log(), Does.Not.Contain("indicators"), "run in its own process");
            Assert.That(Log(), Does.Contain("stopped"));
        });
    }

    [Test]
    public void Garbage_OnTheSocket_IsRefused_AndServingGoesOn()
    {
        var socketPath = Socket(Sotttt(work, false, "daemon", "start").Out);
        foreach (var payload in new[] { "not json"u8.ToArray(), "{\"build\":\"0000\",\"cwd\":\"/\",\"args\":[\"indicators\"],\"terminal\":false,\"width\":0,\"colors\":0}"u8.ToArray(), "{\"build\":1}"u8.ToArray() })
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            using var stream = new NetworkStream(socket);
            var header = new byte[5];
            header[0] = (byte)'q';
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(1), payload.Length);
            stream.Write(header);
            stream.Write(payload);
            var answer = new MemoryStream();
            stream.CopyTo(answer);
            var bytes = answer.ToArray();

            // Last frame: the exit code, 2.
            Assert.That(bytes[^9], Is.EqualTo((byte)'x'));
            Assert.That(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)), Is.EqualTo(2));
        }

        // A frame that claims 2 GB: refused without reading it.
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.Send([(byte)'q', 0xff, 0xff, 0xff, 0x7f]);
            socket.Shutdown(SocketShutdown.Send);
            var buffer = new byte[64];
            while (socket.Receive(buffer) > 0)
            {
            }
        }

        var run = Sotttt(work, false, "indicators", dataset, "--level", "commune", "--format", "csv");
        Assert.Multiple(() =>
        {
            Assert.That(run.Exit, Is.Zero, run.Err);
            Assert.That(Log(), Does.Contain($"indicators {dataset} --level commune --format csv (in {work}): exit 0"));
        });
    }

    [Test]
    public void Start_WithoutTheCache_IsRefused()
    {
        var result = Sotttt(work, false, ["SOTTTT_CACHE=off"], "daemon", "start");
        Assert.Multiple(() =>
        {
            Assert.That(result.Exit, Is.EqualTo(2));
            Assert.That(result.Err, Does.Contain("CACHE_OFF"));
        });
    }

    private static string Socket(string status) =>
        status.Split('\n').Single(l => l.StartsWith("socket ", StringComparison.Ordinal))["socket ".Length..];

    private string Log() =>
        Directory.EnumerateFiles(Path.Combine(cache, "resident"), "*.log").Select(File.ReadAllText).SingleOrDefault() ?? string.Empty;

    private (int Exit, string Out, string Err) Sotttt(string folder, bool daemonOff, params string[] args) => Sotttt(folder, daemonOff, [], args);

    private (int Exit, string Out, string Err) Sotttt(string folder, bool daemonOff, string[] env, params string[] args) =>
        Program(folder, daemonOff, env, ["dotnet", Path.Combine(AppContext.BaseDirectory, "sotttt.dll"), .. args]);

    private (int Exit, string Out, string Err) Program(string folder, bool daemonOff, string[] env, params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = folder };
        var args = command[1..];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SOTTTT_CACHE_DIR"] = cache;
        start.Environment["SOTTTT_DAEMON"] = daemonOff ? "off" : null;
        foreach (var pair in env)
        {
            // NAME=value sets, -NAME removes.
            if (pair.StartsWith('-'))
            {
                start.Environment.Remove(pair[1..]);
            }
            else
            {
                start.Environment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"sotttt {string.Join(' ', args)} did not end within {Limit}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary><see cref="FileStamp"/> against GNU <c>stat</c> (coreutils), an independent reading of the same inode.</summary>
[TestFixture]
public sealed class FileStampTests
{
    [Test]
    public void Stamp_AgreesWithStat_AndItsCtimeMovesWhenContentIsPutBackUnderTheOldMtime()
    {
        Assert.That(FileStamp.Supported, Is.True, "statx answers on Linux with glibc 2.28 or later, as on every machine the tests run on");
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "population,1234\n");
            var stamp = FileStamp.Of(path)!.Value;
            var stat = ExternalStat(path);
            Assert.Multiple(() =>
            {
                Assert.That(stamp.Inode, Is.EqualTo(ulong.Parse(stat[0], CultureInfo.InvariantCulture)), "inode");
                Assert.That(stamp.Size, Is.EqualTo(long.Parse(stat[1], CultureInfo.InvariantCulture)), "size");
                Assert.That(stamp.MtimeNs, Is.EqualTo(Nanoseconds(stat[2])), "mtime");
                Assert.That(stamp.CtimeNs, Is.EqualTo(Nanoseconds(stat[3])), "ctime");
            });

            Thread.Sleep(50);
            RewriteUnderTheSameMtime(path, () => File.WriteAllText(path, "population,1235\n"));
            var changed = FileStamp.Of(path)!.Value;
            Assert.Multiple(() =>
            {
                Assert.That(changed.Size, Is.EqualTo(stamp.Size));
                Assert.That(changed.MtimeNs, Is.EqualTo(stamp.MtimeNs), "mtime put back");
                Assert.That(changed.CtimeNs, Is.GreaterThan(stamp.CtimeNs), "ctime moved");
                Assert.That(changed, Is.Not.EqualTo(stamp));
                Assert.That(FileStamp.Of(path + ".absent"), Is.Null);
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs <paramref name="rewrite"/>, then puts the file's mtime back to the nanosecond with <c>touch -r</c> (coreutils).</summary>
    internal static void RewriteUnderTheSameMtime(string path, Action rewrite)
    {
        var reference = path + ".mtime";
        File.WriteAllText(reference, string.Empty);
        Run("touch", "-r", path, reference);
        rewrite();
        Run("touch", "-r", reference, path);
        File.Delete(reference);
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', args)}");
    }

    private static string[] ExternalStat(string path)
    {
        var start = new ProcessStartInfo("stat") { RedirectStandardOutput = true };
        foreach (var arg in new[] { "--format=%i %s %.9Y %.9Z", path })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Trim().Split(' ');
    }

    private static long Nanoseconds(string seconds)
    {
        var parts = seconds.Split('.');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture) * 1_000_000_000L) + long.Parse(parts[1], CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// <see cref="ResidentDatasets"/>' bound on memory: with room for one dataset, the one held is dropped before another
/// loads, so that two are never in memory at once (the load sees nothing held), and the new one is held after.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ResidentDatasetsTests
{
    [Test]
    public void Load_DropsTheLeastRecentlyUsed_BeforeTheNewOneLoads()
    {
        var work = Directory.CreateTempSubdirectory("sotttt-held-").FullName;
        var (enabled, most) = (ResidentDatasets.Enabled, ResidentDatasets.MaxHeld);
        try
        {
            var folders = new[] { "a", "b" }.Select(name => Path.Combine(work, name)).ToArray();
            foreach (var folder in folders)
            {
                Directory.CreateDirectory(folder);
                foreach (var file in Directory.EnumerateFiles(DemoSample.Folder))
                {
                    File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
                }
            }

            // A dataset is held only when its files' last change is 2 s older than its load (ResidentDatasets.RacyMarginNs).
            Thread.Sleep(TimeSpan.FromMilliseconds((ResidentDatasets.RacyMarginNs / 1_000_000) + 200));
            (ResidentDatasets.Enabled, ResidentDatasets.MaxHeld) = (true, 1);
            ResidentDatasets.Clear();
            Assert.That(SoTTTT.IO.DatasetSource.Load(folders[0]).Succeeded, Is.True);
            Assert.That(ResidentDatasets.Held().Select(h => h.Folder), Is.EqualTo(new[] { folders[0] }), "the first dataset is held");

            IReadOnlyList<(string Folder, DateTime LoadedUtc, int Commands)>? heldDuringLoad = null;
            var second = ResidentDatasets.Load(folders[1], SoTTTT.IO.LoadOptions.Default, () =>
            {
                heldDuringLoad = ResidentDatasets.Held();
                return SoTTTT.IO.DatasetLoader.Load(folders[1]);
            });
            Assert.Multiple(() =>
            {
                Assert.That(second.Succeeded, Is.True);
                Assert.That(heldDuringLoad, Is.Empty, "nothing else held while the second loads");
                Assert.That(ResidentDatasets.Held().Select(h => h.Folder), Is.EqualTo(new[] { folders[1] }), "the second is held after");
            });
        }
        finally
        {
            ResidentDatasets.Clear();
            (ResidentDatasets.Enabled, ResidentDatasets.MaxHeld) = (enabled, most);
            Directory.Delete(work, recursive: true);
        }
    }
}
