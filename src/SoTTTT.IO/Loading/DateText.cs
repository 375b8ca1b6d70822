using System.Globalization;

namespace SoTTTT.IO.Loading;

/// <summary>Snapshot and count dates as the contract writes them: ISO 8601 <c>yyyy</c>, <c>yyyy-mm</c> or <c>yyyy-mm-dd</c>.</summary>
internal static class DateText
{
    private static readonly string[] Formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];

    public static bool IsValid(string text) =>
        DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2200;
}
