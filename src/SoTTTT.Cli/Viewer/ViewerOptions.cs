namespace SoTTTT.Cli.Viewer;

/// <summary>How the viewer server protects itself and its data (issue 15).</summary>
/// <param name="AllowedHosts">Host names (no port; IPv6 in brackets) a request's <c>Host</c> header may carry: the loopback
/// names and the bound address (<see cref="ListenAddress.AllowedHosts"/>). Anything else is answered 421, so a web page
/// cannot read the layers through a DNS-rebinding name.</param>
/// <param name="MaxFeatures">Most features in one layer answer (<see cref="LayerIndex.DefaultMaxFeatures"/>).</param>
internal sealed record ViewerOptions(IReadOnlySet<string> AllowedHosts, int MaxFeatures = LayerIndex.DefaultMaxFeatures)
{
    /// <summary>Loopback names only, the default cap.</summary>
    public static ViewerOptions Loopback { get; } = new(new HashSet<string>(["localhost", "127.0.0.1", "[::1]"], StringComparer.OrdinalIgnoreCase));
}
