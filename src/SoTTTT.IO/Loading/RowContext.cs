using System.Globalization;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>Reads typed values from one row, reporting each problem with file, row, column (as written) and id.</summary>
internal sealed class RowContext(RawTable table, RawRow row, ProblemCollector problems)
{
    public RawRow Row { get; } = row;

    public string? Id { get; set; }

    public bool HasProblems { get; private set; }

    public void Problem(string code, string message, string? canonicalColumn)
    {
        HasProblems = true;
        var column = canonicalColumn is null ? null : table.ColumnOf(Row, canonicalColumn);
        problems.Add(code, message, table.FileOf(Row), Row.Row, column, Id);
    }

    /// <summary>Marks the row as failed for a problem already reported elsewhere (an unreadable geometry).</summary>
    public void Reject() => HasProblems = true;

    public string? Text(string column, bool required = false)
    {
        var value = Row.Get(column);
        if (value is null && required)
        {
            Problem(ProblemCodes.MissingValue, $"'{column}' is required", column);
        }

        return value;
    }

    public double? Number(string column, bool required = false, double min = double.MinValue, double max = double.MaxValue)
    {
        var text = Text(column, required);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            var hint = text.Contains(',', StringComparison.Ordinal) ? " (use '.' as the decimal separator)" : string.Empty;
            Problem(ProblemCodes.UnparsableNumber, $"'{text}' is not a number{hint}", column);
            return null;
        }

        if (value < min || value > max)
        {
            Problem(ProblemCodes.ValueOutOfRange, $"{text} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}", column);
            return null;
        }

        return value;
    }

    public long? Integer(string column, bool required = false, long min = long.MinValue, long max = long.MaxValue)
    {
        var value = Number(column, required, min, max);
        if (value is not { } v)
        {
            return null;
        }

        if (Math.Abs(v - Math.Round(v)) > 1e-9)
        {
            Problem(ProblemCodes.UnparsableNumber, $"{v.ToString(CultureInfo.InvariantCulture)} is not a whole number", column);
            return null;
        }

        return (long)Math.Round(v);
    }

    /// <summary>Parses a coded value; unknown codes are reported with the accepted list.</summary>
    public T? Code<T>(string column, TryParse<T> parse, string unknownCode, string accepted, bool required = false)
        where T : struct
    {
        var text = Text(column, required);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        Problem(unknownCode, $"unknown value '{text}'; accepted: {accepted}", column);
        return null;
    }

    public delegate bool TryParse<T>(string text, out T value);
}
