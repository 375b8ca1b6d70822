using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SoTTTT.Tests.Support;

/// <summary><c>sotttt serve DATASET --port P</c> as a child process on a free loopback port, stopped on dispose.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process process;

    private ServeProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Starts the server and waits (up to <paramref name="timeout"/>) until it says where it listens.</summary>
    public static ServeProcess Start(string dataset, TimeSpan timeout, params string[] extra)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "sotttt.dll"), "serve", dataset, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var url = $"http://127.0.0.1:{port}/";
        var ready = new TaskCompletionSource();
        var log = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data?.Contains(url, StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (!ready.Task.Wait(timeout) || process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"sotttt serve did not start within {timeout}: {log}");
        }

        return new ServeProcess(process, url);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
