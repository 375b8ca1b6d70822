using SoTTTT.IO.Caching;

namespace SoTTTT.Tests.Support;

/// <summary>
/// A dataset cache folder of the test's own (<see cref="DatasetCache.FolderOverride"/>, which flows with the test), removed
/// with what was written to it once pending writes are done.
/// </summary>
internal sealed class TemporaryDatasetCache : IDisposable
{
    public TemporaryDatasetCache()
    {
        Folder = Path.Combine(Path.GetTempPath(), "sotttt-cache-test-" + Guid.NewGuid().ToString("N"));
        DatasetCache.FolderOverride.Value = Folder;
    }

    public string Folder { get; }

    public void Dispose()
    {
        DatasetCache.FolderOverride.Value = null;
        DatasetCache.WaitForWrites();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
