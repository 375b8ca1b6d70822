using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SoTTTT.Core.Diagnostics;
using SoTTTT.IO.Caching;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>--timings</c>: the wall time of a command's phases on stderr — load (read, validate and project the dataset),
/// index (the analysis's spatial indexes, where it reports them), compute (the rest of the analysis), write (files and
/// stdout) — as one line <c>timings: load 6.12 s, index 0.80 s, compute 7.40 s, write 0.31 s, total 14.63 s</c>.
/// A phase marked more than once adds up. A second line says what memory cost: the garbage collector's pauses and
/// collections, the peak working set and (on Linux) the page faults, which on a virtual machine can take seconds of a
/// command by themselves (`memory: gc pauses 0.58 s in 59 collections (5 full), peak working set 1,080 MiB, 295,668 page faults`).
/// </summary>
internal sealed class PhaseClock
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Phase, TimeSpan Time)> phases = [];
    private readonly Lock gate = new();
    private readonly TimeSpan pausesAtStart = GC.GetTotalPauseDuration();
    private readonly int collectionsAtStart = GC.CollectionCount(0);
    private readonly int fullAtStart = GC.CollectionCount(2);
    private readonly long? faultsAtStart = PageFaults();
    private TimeSpan last;

    /// <summary>The option, for the commands that take it.</summary>
    public static Option<bool> CreateOption() => new("--timings") { Description = "print the time of each phase (load, index, compute, write) on stderr" };

    /// <summary>A started clock that also hears the analyses' own marks (<see cref="PhaseMarks"/>), or null when not asked for.</summary>
    public static PhaseClock? Start(bool wanted)
    {
        if (!wanted)
        {
            return null;
        }

        var started = new PhaseClock();
        PhaseMarks.Listener = started.Mark;
        return started;
    }

    /// <summary>Runs a command's action, with <c>--timings</c> printing its phases at the end (whatever its exit code).</summary>
    public static int Timed(CliConsole console, bool wanted, Func<int> action)
    {
        var clock = Start(wanted);
        try
        {
            return action();
        }
        finally
        {
            // The dataset's cached copy, written behind the analysis on a cache miss, is waited for before the command
            // ends: its remaining time is the phase "cache write", after "write".
            clock?.Mark("write");
            if (DatasetCache.WaitForWrites())
            {
                clock?.Mark("cache write");
            }

            clock?.Report(console.Error);
        }
    }

    /// <summary>Ends the phase <paramref name="phase"/>: the time since the previous mark is added to it.</summary>
    public void Mark(string phase)
    {
        lock (gate)
        {
            var now = clock.Elapsed;
            var index = phases.FindIndex(p => p.Phase == phase);
            if (index < 0)
            {
                phases.Add((phase, now - last));
            }
            else
            {
                phases[index] = (phase, phases[index].Time + (now - last));
            }

            last = now;
        }
    }

    /// <summary>Ends the last phase as <paramref name="finalPhase"/> and prints the line on <paramref name="error"/>.</summary>
    public void Report(TextWriter error, string finalPhase = "write")
    {
        Mark(finalPhase);
        PhaseMarks.Listener = null;
        string line;
        lock (gate)
        {
            line = string.Join(", ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Time.TotalSeconds:F2} s")));
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timings: {line}, total {clock.Elapsed.TotalSeconds:F2} s"));
        var faults = PageFaults() - faultsAtStart is { } f ? string.Create(CultureInfo.InvariantCulture, $", {f:N0} page faults") : string.Empty;
        using var self = Process.GetCurrentProcess();
        error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"memory: gc pauses {(GC.GetTotalPauseDuration() - pausesAtStart).TotalSeconds:F2} s in {GC.CollectionCount(0) - collectionsAtStart} collections ({GC.CollectionCount(2) - fullAtStart} full), peak working set {self.PeakWorkingSet64 / 1048576.0:N0} MiB{faults}"));
    }

    /// <summary>The process's page faults so far (minor and major, from /proc/self/stat), or null where there is no such file.</summary>
    private static long? PageFaults()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");

            // The fields after the command name (in parentheses, which may hold spaces): state is field 3, minflt 10, majflt 12.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], CultureInfo.InvariantCulture) + long.Parse(fields[9], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
