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
}
