using System.Text;

namespace SoTTTT.Tests.Support;

/// <summary>A dataset folder in a fresh temporary directory, written file by file; deleted on dispose.</summary>
internal sealed class TempDataset : IDisposable
{
    public TempDataset(string name = "Test", string? crs = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "sotttt-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var crsField = crs is null ? string.Empty : $", \"crs\": \"{crs}\"";
        File("dataset.json", $"{{\"name\": \"{name}\"{crsField}}}");
    }

    public string Folder { get; }

    public TempDataset File(string name, string content)
    {
        System.IO.File.WriteAllText(Path.Combine(Folder, name), content.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
        return this;
    }

    public TempDataset Bytes(string name, byte[] content)
    {
        System.IO.File.WriteAllBytes(Path.Combine(Folder, name), content);
        return this;
    }

    /// <summary>Every file's bytes, to prove a command changed nothing.</summary>
    public Dictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, System.IO.File.ReadAllBytes);

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
