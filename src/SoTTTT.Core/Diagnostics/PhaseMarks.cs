namespace SoTTTT.Core.Diagnostics;

/// <summary>
/// Phase marks an analysis reports while it runs (its spatial indexes built, …) to whoever listens on the current
/// logical call (the command line's <c>--timings</c>); nothing happens when nobody listens. A mark ends the phase
/// named by it: the time since the previous mark is that phase's.
/// </summary>
public static class PhaseMarks
{
    private static readonly AsyncLocal<Action<string>?> Current = new();

    /// <summary>The listener of this logical call (flows into tasks it starts), or null.</summary>
    public static Action<string>? Listener
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>Ends the phase <paramref name="phase"/> (e.g. "index") for the listener, if any.</summary>
    public static void Mark(string phase) => Current.Value?.Invoke(phase);
}
