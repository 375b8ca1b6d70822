using System.Text;

namespace SoTTTT.Cli.Output;

/// <summary>
/// A writer for the terminal and the error stream: everything written goes through <see cref="TerminalText.Safe"/>
/// (control characters escaped, passwords in URLs masked), so no input value and no error message can move the
/// cursor, retitle the window, ring the bell or show a password.
/// </summary>
internal sealed class SafeTextWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override void Write(char value)
    {
        if (TerminalText.IsControl(value))
        {
            var sb = new StringBuilder(6);
            TerminalText.Append(sb, value);
            Inner.Write(sb.ToString());
        }
        else
        {
            Inner.Write(value);
        }
    }

    public override void Write(string? value) => Inner.Write(TerminalText.Safe(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Inner.WriteLine(TerminalText.Safe(value));

    public override void WriteLine() => Inner.WriteLine();

    public override void Flush() => Inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Flush();
        }

        base.Dispose(disposing);
    }
}
