using System.Buffers.Binary;
using System.IO.Hashing;
using SoTTTT.Core.Model;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.Caching;

/// <summary>
/// Results derived from a cached dataset (<see cref="IDerivedStore"/>), each in a file beside the copy
/// (<c>&lt;copy&gt;.bin.&lt;name&gt;</c>), headed by the fingerprint of the inputs it was computed from: the copy's
/// (every input file, the format and the build) with the DEM's file added. Read back only when that fingerprint is the
/// current one and the content's hash holds; removed with its copy. A result is kept only if the inputs still have the
/// fingerprint taken before the load read them (<paramref name="reopen"/> fingerprints them again), as for the copy.
/// </summary>
internal sealed class DerivedFiles(string copyPath, byte[] fingerprint, Func<byte[]?> reopen) : IDerivedStore
{
    private static readonly byte[] Magic = "SOTTTT-DERIVED\n"u8.ToArray();

    /// <summary>Results above this size are not kept (the covered flags of the national profile are 70 kB).</summary>
    private const int MaxBytes = 64 * 1024 * 1024;

    public byte[]? Read(string name)
    {
        try
        {
            var path = PathOf(name);
            if (!File.Exists(path) || new FileInfo(path).Length > MaxBytes + 1024 + fingerprint.Length)
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path).AsSpan();
            var at = Magic.Length + 4;
            if (bytes.Length < at || !bytes[..Magic.Length].SequenceEqual(Magic))
            {
                return null;
            }

            var printLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[Magic.Length..]);
            if (printLength != fingerprint.Length || at + printLength + 16 > bytes.Length || !bytes.Slice(at, printLength).SequenceEqual(fingerprint))
            {
                return null;
            }

            at += printLength;
            var hash = bytes.Slice(at, 16);
            var content = bytes[(at + 16)..];
            return XxHash128.Hash(content).AsSpan().SequenceEqual(hash) ? content.ToArray() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string name, ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes || reopen() is not { } now || !now.AsSpan().SequenceEqual(fingerprint))
        {
            return;
        }

        var copy = content.ToArray();
        try
        {
            AtomicFile.Write(PathOf(name), stream =>
            {
                stream.Write(Magic);
                Span<byte> length = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(length, fingerprint.Length);
                stream.Write(length);
                stream.Write(fingerprint);
                stream.Write(XxHash128.Hash(copy));
                stream.Write(copy);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // Only time is lost.
        }
    }

    /// <summary>The file of a result beside its copy.</summary>
    internal string PathOf(string name) => copyPath + "." + name;
}
