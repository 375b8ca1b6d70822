using System.Diagnostics;
using System.Text;

namespace SoTTTT.Tests.Support;

/// <summary>
/// The built <c>sotttt</c> program as a child process (<c>dotnet sotttt.dll …</c>, as <see cref="ServeProcess"/>), run
/// until it exits or a condition holds, then killed with SIGKILL: no handler, no <c>finally</c>, no flush runs in it.
/// </summary>
internal static class KillableCli
{
    /// <summary>How a run ended: killed when the condition held, or exited on its own first (with its exit code and errors).</summary>
    internal sealed record Outcome(bool Killed, int? Exit, double Seconds, string Stderr);

    /// <summary>
    /// Starts <c>sotttt <paramref name="args"/></c> and polls <paramref name="killWhen"/> (given the seconds since start)
    /// about every millisecond; the moment it holds the process is killed. A process still running after
    /// <paramref name="limit"/> is killed and reported as not killed by the condition.
    /// </summary>
    public static Outcome RunUntil(Func<double, bool> killWhen, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sotttt.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var errors = new StringBuilder();
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        var killed = false;
        while (!process.HasExited)
        {
            if (killWhen(clock.Elapsed.TotalSeconds) || clock.Elapsed > limit)
            {
                killed = clock.Elapsed <= limit;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the check and the kill.
                    killed = false;
                }

                break;
            }

            Thread.Sleep(1);
        }

        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        string text;
        lock (errors)
        {
            text = errors.ToString();
        }

        // Exited on its own when the kill found it gone, or when the condition never held.
        return killed && process.ExitCode == 137 ? new Outcome(true, null, seconds, text) : new Outcome(false, process.ExitCode, seconds, text);
    }

    /// <summary>Runs <c>sotttt <paramref name="args"/></c> to the end (bounded by <paramref name="limit"/>).</summary>
    public static Outcome Run(TimeSpan limit, params string[] args) => RunUntil(_ => false, limit, args);
}
