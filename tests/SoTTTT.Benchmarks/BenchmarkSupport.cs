using System.Diagnostics;
using SoTTTT.Core.Model;
using SoTTTT.IO;

namespace SoTTTT.Benchmarks;

/// <summary>What every benchmark mode prints: the machine, the peak working set, and a timed load.</summary>
internal static class BenchmarkSupport
{
    public static void Machine() =>
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F1} GiB available, .NET {Environment.Version}");

    public static string Peak() => $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB";

    /// <summary>Loads a dataset folder (timed, reported apart from the analyses), or prints its problems.</summary>
    public static Dataset? LoadOnce(string folder)
    {
        var clock = Stopwatch.StartNew();
        var loaded = DatasetLoader.Load(folder);
        if (!loaded.Succeeded)
        {
            Console.Error.WriteLine(string.Join('\n', loaded.Problems.Take(20)));
            return null;
        }

        var d = loaded.Dataset!;
        Console.WriteLine($"load {clock.Elapsed.TotalSeconds:F2} s: {d.Towers.Count} towers, {d.Bts.Count} BTS, {d.FibreRoutes.Count} routes, {d.Zones.Count} zones");
        return d;
    }
}
