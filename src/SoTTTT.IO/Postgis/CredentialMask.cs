using System.Text.RegularExpressions;

namespace SoTTTT.IO.Postgis;

/// <summary>
/// Hides passwords wherever a connection string can appear (messages, logs, JSON): the password of a
/// <c>scheme://user:password@host</c> URL becomes <c>***</c>, and so does the value of a <c>password=</c> key in a URL
/// query or a keyword connection string (<c>Password=…;</c>). User, host, port, database and the other parameters stay
/// readable, so a message still says which database was meant.
/// </summary>
public static partial class CredentialMask
{
    /// <summary>What a hidden password is shown as.</summary>
    public const string Hidden = "***";

    /// <summary><paramref name="text"/> with every password in it replaced by <see cref="Hidden"/>.</summary>
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.IndexOf("://", StringComparison.Ordinal) < 0 && text.IndexOf("assword", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return text;
        }

        var masked = UrlPassword().Replace(text, m => m.Groups["pre"].Value + Hidden + "@");
        return KeyPassword().Replace(masked, m => m.Groups["key"].Value + Hidden);
    }

    // scheme://user:password@ — the password runs to the last '@' before the host (an unescaped '@' in a password is
    // common), never past whitespace, a quote or a '/'.
    [GeneratedRegex(@"(?<pre>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@'""]*:)[^\s/'""]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    // password=… in a URL query (up to '&') or a keyword string (up to ';'), also "Password = …".
    [GeneratedRegex(@"(?<key>\b(?:password|pwd|sslpassword)\s*=\s*)[^&;\s'""]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KeyPassword();
}
