using System.Globalization;
using System.Net;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// Where <c>sotttt serve</c> listens: an IP address or <c>localhost</c> (never a host name that would make the server
/// bind every interface), and a port 1–65535. Loopback (127.0.0.0/8, ::1, localhost) is the default; any other address
/// exposes the viewer to the network and is announced with a warning. The names a request's <c>Host</c> header may
/// carry follow from it (<see cref="AllowedHosts"/>).
/// </summary>
internal sealed record ListenAddress(string Host, IPAddress? Address, int Port)
{
    /// <summary>True when only this machine can connect.</summary>
    public bool IsLoopback => Address is null || IPAddress.IsLoopback(Address);

    /// <summary>True for 0.0.0.0 or :: (every interface).</summary>
    public bool IsAnyInterface => Address is not null && (Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any));

    /// <summary>The URL Kestrel listens on.</summary>
    public string Url => $"http://{Bracketed(Host)}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Host names (without port) a request may name: the loopback names always, and the bound address itself when it is
    /// not loopback (a browser on another machine then names that address). A server bound to every interface accepts
    /// the loopback names and the machine's own addresses.
    /// </summary>
    public IReadOnlySet<string> AllowedHosts()
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };
        if (Address is not null && !IsAnyInterface)
        {
            hosts.Add(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString());
        }
        else if (IsAnyInterface)
        {
            foreach (var local in LocalAddresses())
            {
                hosts.Add(local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString());
            }
        }

        return hosts;
    }

    /// <summary>Parses <c>--host</c> and <c>--port</c>; <paramref name="error"/> says why they are refused.</summary>
    public static ListenAddress? Parse(string host, int port, out string? error)
    {
        error = null;
        if (port is < 1 or > 65535)
        {
            error = $"--port: VALUE_OUT_OF_RANGE: {port.ToString(CultureInfo.InvariantCulture)} is not a TCP port (1–65535)";
            return null;
        }

        var text = host.Trim();
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ListenAddress("localhost", null, port);
        }

        var bare = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        if (!IPAddress.TryParse(bare, out var address) || bare.Contains('%', StringComparison.Ordinal) || !IsPlainAddress(bare, address))
        {
            error = $"--host: UNKNOWN_VALUE: '{host}' is not an IP address or 'localhost': give 127.0.0.1 (this machine only, the default), ::1, or the address of one of this machine's interfaces (0.0.0.0 for all of them) — a host name would make the server listen on every interface";
            return null;
        }

        return new ListenAddress(address.ToString(), address, port);
    }

    // IPAddress.TryParse also takes "1", "0x7f.1" and other legacy forms; only the dotted quad and IPv6 text are addresses here.
    private static bool IsPlainAddress(string text, IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || (text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.'));

    private static IEnumerable<IPAddress> LocalAddresses()
    {
        try
        {
            return System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => a.ScopeId == 0)
                .ToList();
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            return [];
        }
    }

    private static string Bracketed(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
}
