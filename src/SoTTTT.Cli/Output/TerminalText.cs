using System.Globalization;
using System.Text;
using SoTTTT.IO.Postgis;

namespace SoTTTT.Cli.Output;

/// <summary>
/// Text on its way to a terminal: control characters that come from input values (ESC starting colour or OSC
/// sequences, BEL, NUL, a carriage return that overwrites the line, C1 controls, DEL, bidirectional overrides) are shown
/// as <c>\xNN</c> / <c>\uNNNN</c> instead of acting on the terminal, and passwords in connection URLs are hidden
/// (<see cref="CredentialMask"/>). Line feeds and tabs stay.
/// </summary>
internal static class TerminalText
{
    /// <summary><paramref name="text"/> safe to print: control characters escaped, passwords masked.</summary>
    public static string Safe(string? text) => text is null ? string.Empty : CredentialMask.Apply(EscapeControls(text));

    /// <summary>A Spectre table cell or title: <see cref="Safe"/>, then markup escaped.</summary>
    public static string Cell(string? text) => Spectre.Console.Markup.Escape(Safe(text));

    /// <summary>True for a character that acts on a terminal instead of being shown.</summary>
    public static bool IsControl(char ch) =>
        (ch < 0x20 && ch is not '\n' and not '\t') || ch is >= '\u007F' and <= '\u009F' || ch is >= '\u202A' and <= '\u202E' || ch is >= '\u2066' and <= '\u2069';

    /// <summary><paramref name="text"/> with every <see cref="IsControl"/> character written as an escape.</summary>
    public static string EscapeControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfControl(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            Append(sb, text[i]);
        }

        return sb.ToString();
    }

    /// <summary>Appends <paramref name="ch"/>, escaped when it is a control character.</summary>
    public static void Append(StringBuilder sb, char ch)
    {
        ArgumentNullException.ThrowIfNull(sb);
        if (!IsControl(ch))
        {
            sb.Append(ch);
        }
        else if (ch <= '\u00FF')
        {
            sb.Append("\\x").Append(((int)ch).ToString("X2", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
        }
    }

    private static int IndexOfControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
