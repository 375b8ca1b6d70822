using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SoTTTT.IO.Caching;

/// <summary>
/// What the file system says of a file without reading it (Linux <c>statx</c>): device, inode, size, and the times of
/// the last content change (mtime) and of the last change of any kind (ctime). A program can set a file's mtime back,
/// but not its ctime: any write, rename over or <c>touch</c> moves the ctime to the clock's present. So two equal stamps
/// of one path, the second taken later, mean the file was not changed in between, unless it was changed within the
/// clock's granularity of the first stamp; <see cref="ResidentDatasets"/> keeps a dataset only when its files' ctimes
/// are older than the load by a margin, as git's index does against "racy" files.
/// </summary>
public readonly partial record struct FileStamp(ulong Device, ulong Inode, long Size, long MtimeNs, long CtimeNs, ushort Mode)
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    /// <summary>True when this machine's C library answers <c>statx</c> (Linux with glibc 2.28 or later).</summary>
    public static bool Supported { get; } = Probe();

    /// <summary>The stamp of <paramref name="path"/> (links followed), or null when it does not exist or cannot be stated.</summary>
    public static FileStamp? Of(string path)
    {
        if (!Supported)
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        if (NativeMethods.Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
        {
            return null;
        }

        var span = buffer.AsSpan();
        return new FileStamp(
            Device: ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(span[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(span[140..]),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(span[32..]),
            Size: (long)BinaryPrimitives.ReadUInt64LittleEndian(span[40..]),
            MtimeNs: Nanoseconds(span[112..]),
            CtimeNs: Nanoseconds(span[96..]),
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(span[28..]));
    }

    /// <summary>The present on the clock the file system stamps with (Unix time, nanoseconds).</summary>
    public static long NowNs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    private static long Nanoseconds(ReadOnlySpan<byte> timestamp) =>
        (BinaryPrimitives.ReadInt64LittleEndian(timestamp) * 1_000_000_000L) + BinaryPrimitives.ReadUInt32LittleEndian(timestamp[8..]);

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !BitConverter.IsLittleEndian)
        {
            return false;
        }

        try
        {
            return NativeMethods.Statx(AtFdCwd, "/", 0, StatxBasicStats, new byte[StatxSize]) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Statx(int dirfd, string path, int flags, uint mask, Span<byte> buffer);
    }
}
