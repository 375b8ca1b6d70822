using System.Text.RegularExpressions;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Keeps spreadsheet programs from running a text cell as a formula (OWASP "CSV Injection": a cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is evaluated by Excel and LibreOffice, e.g.
/// <c>=HYPERLINK(…)</c> or <c>@SUM(…)</c>). Such a text cell is written with a leading apostrophe, as the OWASP rule
/// says: <c>'=HYPERLINK(…)</c>. A plain number (<c>-95.0</c>, <c>-1.5e-3</c>) is a value, not a formula, and is never
/// changed, nor is anything starting otherwise (WKT such as <c>POINT (…)</c>, ids, names). Used by every CSV and XLSX
/// writer of reports and tables.
/// </summary>
public static partial class FormulaGuard
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula.</summary>
    public const string TriggerCharacters = "=+-@\t\r";

    /// <summary>True when <paramref name="cell"/> would be read as a formula by a spreadsheet program.</summary>
    public static bool IsFormulaLike(string? cell) =>
        !string.IsNullOrEmpty(cell) && TriggerCharacters.Contains(cell[0], StringComparison.Ordinal) && !PlainNumber().IsMatch(cell);

    /// <summary><paramref name="cell"/>, with a leading <c>'</c> when it would otherwise be read as a formula.</summary>
    public static string Neutralise(string cell) => IsFormulaLike(cell) ? "'" + cell : cell;

    [GeneratedRegex(@"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
