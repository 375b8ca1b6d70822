using System.Runtime;

namespace SoTTTT.IO.Caching;

/// <summary>
/// A stretch of code that allocates objects that all stay alive (a cached dataset being decoded) run without garbage
/// collections: each collection in it would find nothing to free and copy the new objects to an older generation (on
/// the national profile, 58 collections and 0.6 s of pauses in a 2 s decode). The region is the runtime's no-GC region,
/// which is process-wide: when it cannot start (another is open, the size is more than the runtime or a quarter of the
/// memory allows, or the heap already holds over a quarter of the size), the code runs with collections as usual; when
/// the code allocates more than the size, the runtime collects and the region simply ends. Only the time changes, never
/// the result.
/// </summary>
internal sealed class NoCollectionRegion : IDisposable
{
    private static readonly NoCollectionRegion None = new(false);
    private readonly bool started;

    private NoCollectionRegion(bool started) => this.started = started;

    /// <summary>Starts a region for <paramref name="bytes"/> of allocation, or returns one that does nothing.</summary>
    public static NoCollectionRegion Begin(long bytes)
    {
        // Starting a region collects what is there first: worth it only while the heap is small beside the region (a
        // command's load at its start), not in a process already holding much more.
        var allowed = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;
        if (bytes <= 0 || bytes > allowed || GC.GetTotalMemory(false) > bytes / 4)
        {
            return None;
        }

        try
        {
            return GC.TryStartNoGCRegion(bytes) ? new NoCollectionRegion(true) : None;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than the runtime gives one region, or another thread's region is open.
            return None;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // A collection ended the region first (the code allocated more than asked for, or another thread did).
        }
    }
}
