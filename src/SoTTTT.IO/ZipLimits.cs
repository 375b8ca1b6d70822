using System.Globalization;
using System.IO.Compression;

namespace SoTTTT.IO;

/// <summary>
/// Limits on a zip container SoTTTT reads (an .xlsx workbook), checked before any part is parsed, so that a "zip bomb"
/// — a few kilobytes that unpack to gigabytes — is refused instead of filling memory (OWASP "File Upload" cheat sheet:
/// limit the uncompressed size and the compression ratio). The declared sizes are checked first, then every part is
/// unpacked and counted (without keeping it), since a hostile file may declare small sizes and still unpack to more.
/// </summary>
public static class ZipLimits
{
    /// <summary>Most an .xlsx may unpack to, all parts together: 512 MiB (a workbook of 100,000 BTS rows unpacks to ≈ 60 MB).</summary>
    public const long MaxUncompressedBytes = 512L << 20;

    /// <summary>Highest compression ratio of a part larger than <see cref="RatioCheckedFromBytes"/> (worksheets of real data pack 5–30 times).</summary>
    public const double MaxCompressionRatio = 200;

    /// <summary>Parts smaller than this (1 MiB) are not held to <see cref="MaxCompressionRatio"/>.</summary>
    public const long RatioCheckedFromBytes = 1L << 20;

    /// <summary>Most parts a workbook may hold: 10,000.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>
    /// Why the zip container at <paramref name="path"/> is over a limit, or null when it is within them all. Throws
    /// <see cref="InvalidDataException"/> when the file is not a readable zip container, <see cref="IOException"/> when it
    /// cannot be read.
    /// </summary>
    public static string? Problem(string path)
    {
        using var stream = SafeFile.OpenRead(path, SafeFile.TableLimitBytes);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
        {
            return $"the workbook holds {zip.Entries.Count:N0} parts, more than the {MaxEntries:N0} SoTTTT reads";
        }

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (declared > MaxUncompressedBytes)
            {
                return $"the workbook unpacks to more than {Mib(MaxUncompressedBytes)} (a zip bomb?): SoTTTT reads at most that";
            }

            if (entry.Length > RatioCheckedFromBytes && entry.Length > MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
                return $"part '{entry.FullName}' unpacks {ratio.ToString("N0", CultureInfo.InvariantCulture)} times its packed size ({Mib(entry.Length)} from {Mib(entry.CompressedLength)}), more than the {MaxCompressionRatio:N0}:1 SoTTTT accepts (a zip bomb?)";
            }
        }

        var buffer = new byte[1 << 16];
        long unpacked = 0;
        foreach (var entry in zip.Entries)
        {
            using var part = entry.Open();
            long partBytes = 0;
            int read;
            while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
            {
                partBytes += read;
                unpacked += read;
                if (unpacked > MaxUncompressedBytes || partBytes > entry.Length)
                {
                    return partBytes > entry.Length
                        ? $"part '{entry.FullName}' unpacks to more than the {Mib(entry.Length)} it declares (a zip bomb or a damaged file)"
                        : $"the workbook unpacks to more than {Mib(MaxUncompressedBytes)} (a zip bomb?): SoTTTT reads at most that";
                }
            }
        }

        return null;
    }

    private static string Mib(long bytes) => bytes >= 1L << 20
        ? $"{(bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture)} MiB"
        : $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes";
}
