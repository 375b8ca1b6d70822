namespace SoTTTT.IO.Caching;

/// <summary>
/// Where the dataset cache (and the resident processes' sockets) live, from the environment alone: none with
/// <c>SOTTTT_CACHE=off</c>, else <c>SOTTTT_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/sotttt/datasets</c>, else
/// <c>~/.cache/sotttt/datasets</c>. Its own file, with the base library only: the native front (src/SoTTTT.Front)
/// compiles it too, so both find the same socket.
/// </summary>
public static class CacheFolderRule
{
    /// <summary>The cache folder the environment names, or null when the cache is off (or there is no home folder).</summary>
    public static string? FromEnvironment()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("SOTTTT_CACHE"), "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable("SOTTTT_CACHE_DIR") is { Length: > 0 } explicitDir)
        {
            return explicitDir;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = xdg is { Length: > 0 } ? xdg : home is { Length: > 0 } ? Path.Combine(home, ".cache") : null;
        return root is null ? null : Path.Combine(root, "sotttt", "datasets");
    }
}
