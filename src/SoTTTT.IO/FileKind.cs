namespace SoTTTT.IO;

/// <summary>What a path names, as the file system says after following links.</summary>
public enum FileKind
{
    /// <summary>Nothing is there (or the link is broken).</summary>
    Missing,

    /// <summary>A regular file: the only kind SoTTTT reads.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A character or block device (<c>/dev/zero</c>, a disk).</summary>
    Device,

    /// <summary>A named pipe: opening it would wait for a writer.</summary>
    Fifo,

    /// <summary>A Unix socket.</summary>
    Socket,
}
