using System.Text;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Reads a text file as strict UTF-8 (with or without the BOM Excel writes); anything else is a problem, never a guess.
/// Only regular files of at most a limit are read (<see cref="SafeFile"/>): a directory, device or FIFO, or a file over
/// the limit, is a problem naming the file.
/// </summary>
internal static class TextFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string path, string fileName, ProblemCollector problems, long limitBytes = SafeFile.TableLimitBytes)
    {
        if (SafeFile.Refusal(path, limitBytes, out var code) is { } why)
        {
            problems.Add(code, why.Replace($"'{path}'", $"'{fileName}'", StringComparison.Ordinal), fileName);
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = SafeFile.ReadAllBytes(path, limitBytes);
        }
        catch (IOException ex)
        {
            problems.Add(ProblemCodes.FileTooLarge, ex.Message, fileName);
            return null;
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            problems.Add(ProblemCodes.EncodingNotUtf8, "the file is UTF-16 (Excel 'Unicode text'); save it as 'CSV UTF-8'", fileName);
            return null;
        }

        if (Utf16WithoutBom(bytes) is { } order)
        {
            problems.Add(ProblemCodes.EncodingNotUtf8, $"the file is UTF-16 {order} without a byte-order mark (every second byte is 0); save it as 'CSV UTF-8'", fileName);
            return null;
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + ex.Index;
            var line = 1 + bytes.AsSpan(0, Math.Clamp(offset, 0, bytes.Length)).Count((byte)'\n');
            problems.Add(
                ProblemCodes.EncodingNotUtf8,
                $"the file is not UTF-8 (invalid byte at line {line}); it may be Windows-1258 or TCVN3 from an old Excel export — save it as 'CSV UTF-8'",
                fileName);
            return null;
        }
    }

    /// <summary>
    /// "LE" or "BE" when the start of <paramref name="bytes"/> looks like UTF-16 without a BOM: text in Latin letters
    /// and digits (headers, numbers) has a 0 byte in every other position, which UTF-8 text never has. Checked on the
    /// first 4 KiB: at least 8 pairs, 0 in one position of at least 40 % of them and in the other of at most 5 %.
    /// </summary>
    internal static string? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var pairs = Math.Min(bytes.Length, 4096) / 2;
        if (pairs < 8)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs; i++)
        {
            evenZeros += bytes[2 * i] == 0 ? 1 : 0;
            oddZeros += bytes[(2 * i) + 1] == 0 ? 1 : 0;
        }

        return (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) ? "LE"
            : (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) ? "BE"
            : null;
    }
}
