using System.Runtime.InteropServices;
using System.Text;

namespace SoTTTT.IO.Caching;

/// <summary>
/// A connected Unix stream socket read and written by the C library's own calls (Linux). The command line uses it to
/// hand a command to the resident process (<c>sotttt daemon</c>): it loads none of .NET's socket libraries, whose start
/// cost about 10 ms of every command so handed over.
/// </summary>
public sealed partial class UnixSocketStream : Stream
{
    private const int AfUnix = 1;
    private const int SockStream = 1;
    private const int SockCloexec = 0x80000;
    private const int Eintr = 4;

    /// <summary>sun_path's size in <c>struct sockaddr_un</c> on Linux.</summary>
    private const int SunPathBytes = 108;

    private int fd;

    private UnixSocketStream(int fd) => this.fd = fd;

    /// <summary>Whether this process can use it (Linux on a little-endian machine).</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && BitConverter.IsLittleEndian;

    /// <summary>The stream connected to the socket at <paramref name="path"/>, or null when nothing listens there (or the path does not fit a socket address).</summary>
    public static UnixSocketStream? Connect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = Encoding.UTF8.GetBytes(path);
        if (!Supported || bytes.Length >= SunPathBytes)
        {
            return null;
        }

        var fd = NativeMethods.Socket(AfUnix, SockStream | SockCloexec, 0);
        if (fd < 0)
        {
            return null;
        }

        // struct sockaddr_un: sa_family_t (2 bytes, host order), then the path and its terminating zero.
        Span<byte> address = stackalloc byte[2 + SunPathBytes];
        address.Clear();
        BitConverter.TryWriteBytes(address, (ushort)AfUnix);
        bytes.CopyTo(address[2..]);
        int result;
        do
        {
            result = NativeMethods.Connect(fd, address, 2 + bytes.Length + 1);
        }
        while (result < 0 && Marshal.GetLastPInvokeError() == Eintr);

        if (result < 0)
        {
            _ = NativeMethods.Close(fd);
            return null;
        }

        return new UnixSocketStream(fd);
    }

    public override bool CanRead => fd >= 0;

    public override bool CanSeek => false;

    public override bool CanWrite => fd >= 0;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(fd < 0, this);
        while (true)
        {
            var n = NativeMethods.Read(fd, buffer, (nint)buffer.Length);
            if (n >= 0)
            {
                return (int)n;
            }

            if (Marshal.GetLastPInvokeError() != Eintr)
            {
                throw new IOException($"reading the socket failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(fd < 0, this);
        while (buffer.Length > 0)
        {
            var n = NativeMethods.Write(fd, buffer, (nint)buffer.Length);
            if (n < 0)
            {
                // The runtime ignores SIGPIPE: a closed peer is EPIPE here.
                if (Marshal.GetLastPInvokeError() == Eintr)
                {
                    continue;
                }

                throw new IOException($"writing the socket failed (errno {Marshal.GetLastPInvokeError()})");
            }

            buffer = buffer[(int)n..];
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (fd >= 0)
        {
            _ = NativeMethods.Close(fd);
            fd = -1;
        }

        base.Dispose(disposing);
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
        internal static partial int Socket(int domain, int type, int protocol);

        [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
        internal static partial int Connect(int fd, ReadOnlySpan<byte> address, int length);

        [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
        internal static partial nint Read(int fd, Span<byte> buffer, nint count);

        [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
        internal static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nint count);

        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        internal static partial int Close(int fd);
    }
}
