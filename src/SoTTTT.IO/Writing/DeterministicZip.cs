using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Rewrites an Office Open XML package (a zip) so that the same workbook or document gives the same bytes on every run:
/// entries in their original order with a fixed time stamp (1980-01-01, the earliest a zip holds), and the random
/// relationship ids the Open XML SDK generates (<c>R</c> + 16 hex digits) renamed <c>rIdS1</c>, <c>rIdS2</c> … in order
/// of first appearance, in the <c>.rels</c> parts and every XML part that refers to them.
/// </summary>
public static partial class DeterministicZip
{
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Copies the package in <paramref name="source"/> (read from its start) to <paramref name="target"/>.</summary>
    public static void Copy(Stream source, Stream target)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.Position = 0;
        using var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var entries = input.Entries.Select(e =>
        {
            using var from = e.Open();
            using var buffer = new MemoryStream();
            from.CopyTo(buffer);
            return (e.FullName, Bytes: buffer.ToArray());
        }).ToList();

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in entries.Where(e => IsXml(e.FullName)))
        {
            foreach (Match m in RandomId().Matches(Encoding.UTF8.GetString(bytes)))
            {
                ids.TryAdd(m.Value, "rIdS" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        using var output = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, bytes) in entries)
        {
            var content = bytes;
            if (ids.Count > 0 && IsXml(name))
            {
                content = Encoding.UTF8.GetBytes(RandomId().Replace(Encoding.UTF8.GetString(bytes), m => ids[m.Value]));
            }

            var copy = output.CreateEntry(name, CompressionLevel.Optimal);
            copy.LastWriteTime = Epoch;
            using var to = copy.Open();
            to.Write(content);
        }
    }

    private static bool IsXml(string name) => name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("(?<=\")R[0-9a-f]{16}(?=\")")]
    private static partial Regex RandomId();
}
