using NUnit.Framework;
using SoTTTT.Core.Coverage;

namespace SoTTTT.Tests.Coverage;

/// <summary>The raster's bit operations against the plainest reference: one bit at a time.</summary>
[TestFixture]
public sealed class CoverageRasterBitsTests
{
    [Test]
    public void SetRange_EveryRangeOfATileRow_SetsExactlyTheBitsFromTo()
    {
        // A tile row is 256 cells (4 words); every [from, to] with from ≤ to + 1 (an empty range too), over a row that
        // already holds a pattern, so an OR that clears or a word written whole by mistake shows.
        var words = CoverageRaster.TileSize / 64;
        var failures = 0;
        for (var from = 0; from < CoverageRaster.TileSize; from++)
        {
            for (var to = from - 1; to < CoverageRaster.TileSize; to++)
            {
                var actual = Pattern(words);
                var expected = Pattern(words);
                CoverageRaster.SetRange(actual, from, to);
                for (var k = from; k <= to; k++)
                {
                    expected[k >> 6] |= 1UL << (k & 63);
                }

                if (!actual.AsSpan().SequenceEqual(expected))
                {
                    failures++;
                }
            }
        }

        Assert.That(failures, Is.Zero);
    }

    private static ulong[] Pattern(int words) => [.. Enumerable.Range(0, words).Select(w => 0x8000_0000_0000_0001UL << (w % 2) | 0x0F0F_0000_0000_0000UL >> w)];
}
