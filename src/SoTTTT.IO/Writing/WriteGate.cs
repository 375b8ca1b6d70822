namespace SoTTTT.IO.Writing;

/// <summary>
/// Whether the command now writing may still publish its files. A command in its own process that is killed never
/// renames a file into place after the kill; one run by the resident process (<c>sotttt daemon</c>) goes on when its
/// caller is killed, so the resident process closes the gate of that command, and every writer checks it just before
/// the rename (or commit) that would make a file appear: nothing appears after the caller is gone. Open unless set,
/// for the current logical call and the tasks it starts.
/// </summary>
public static class WriteGate
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>The token that closes the gate of the current command; none (never closed) unless set.</summary>
    public static CancellationToken Token
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the gate is closed.</summary>
    public static void ThrowIfClosed() => Current.Value.ThrowIfCancellationRequested();
}
