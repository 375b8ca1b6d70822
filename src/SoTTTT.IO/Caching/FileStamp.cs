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
public readonly partial record struct FileStamp(ulong Device, ulong Inode, long Size, long MtimeNs, long CtimeNs, ushort Mode, uint Uid)
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    // AT_STATX_FORCE_SYNC: a network file system asks its server instead of answering from its attribute cache.
    private const int ForceSync = 0x2000;
    private const int NoFollow = 0x100;

    /// <summary>True when this machine's C library answers <c>statx</c> (Linux with glibc 2.28 or later).</summary>
    public static bool Supported { get; } = Probe();

    /// <summary>The stamp of <paramref name="path"/> (links followed), or null when it does not exist or cannot be stated.</summary>
    /// <param name="path">The file.</param>
    /// <param name="followLinks">False: the stamp of a symbolic link itself, not of what it names.</param>
    public static FileStamp? Of(string path, bool followLinks = true)
    {
        if (!Supported)
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        if (NativeMethods.Statx(AtFdCwd, path, ForceSync | (followLinks ? 0 : NoFollow), StatxBasicStats, buffer) != 0)
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
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(span[28..]),
            Uid: BinaryPrimitives.ReadUInt32LittleEndian(span[20..]));
    }

    /// <summary>This process's effective user id, or null where there is none (not Linux).</summary>
    public static uint? EffectiveUser() => Supported ? NativeMethods.Geteuid() : null;

    /// <summary>
    /// Whether the file system holding <paramref name="path"/> gives trustworthy change times: false on network file
    /// systems (NFS, SMB/CIFS, 9P, FUSE: another machine's clock and caches) and on FAT/exFAT/NTFS drivers, whose
    /// "ctime" is not the Unix change time; false when it cannot be told.
    /// </summary>
    public static bool HasLocalChangeTimes(string path)
    {
        if (!Supported)
        {
            return false;
        }

        var buffer = new byte[256];
        if (NativeMethods.Statfs(path, buffer) != 0)
        {
            return false;
        }

        // f_type is the first field, a long on 64-bit Linux.
        var type = BinaryPrimitives.ReadInt64LittleEndian(buffer) & 0xffffffffL;
        return type is not (0x6969 or 0x517B or 0xFF534D42 or 0xFE534D42 or 0x01021997 or 0x65735546 or 0x4d44 or 0x2011BAB0 or 0x5346544e or 0x7366746e);
    }

    /// <summary>The process's file-creation mask (umask), read by setting it and putting it back; null where there is none.</summary>
    public static uint? FileCreationMask()
    {
        if (!Supported)
        {
            return null;
        }

        var mask = NativeMethods.Umask(0x12);
        _ = NativeMethods.Umask(mask);
        return mask;
    }

    /// <summary>Sets the file-creation mask; returns the one before.</summary>
    public static uint SetFileCreationMask(uint mask) => NativeMethods.Umask(mask & 0x1FF);

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

        [LibraryImport("libc", EntryPoint = "statfs", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Statfs(string path, Span<byte> buffer);

        [LibraryImport("libc", EntryPoint = "geteuid")]
        internal static partial uint Geteuid();

        [LibraryImport("libc", EntryPoint = "umask")]
        internal static partial uint Umask(uint mask);
    }
}
