using System.Buffers.Binary;
using System.Text;
using NetTopologySuite.Geometries;

namespace SoTTTT.IO.Caching;

/// <summary>
/// Reads what <see cref="BinaryWriter"/> wrote (little-endian numbers, strings with a 7-bit encoded UTF-8 byte length)
/// straight from one section of the cached bytes, without a stream underneath; any read past the section's end is an
/// <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class CacheReader(byte[] bytes, int start, int length)
{
    private readonly int end = start + length;
    private int at = start;

    /// <summary>True when every byte of the section has been read.</summary>
    public bool AtEnd => at == end;

    public int Remaining => end - at;

    public byte ReadByte() => Take(1)[0];

    public bool ReadBoolean() => Take(1)[0] switch
    {
        0 => false,
        1 => true,
        var b => throw new InvalidDataException($"a boolean of {b} in the cache"),
    };

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>The next <paramref name="count"/> x, y pairs as coordinates (one bounds check for them all).</summary>
    public Coordinate[] ReadXy(int count)
    {
        var bytes = Take(checked(count * 16));
        var coordinates = new Coordinate[count];
        for (var i = 0; i < count; i++)
        {
            coordinates[i] = new Coordinate(
                BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(i * 16, 8)),
                BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice((i * 16) + 8, 8)));
        }

        return coordinates;
    }

    public string ReadString()
    {
        var byteCount = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28)
            {
                throw new InvalidDataException("a string length of more than 5 bytes in the cache");
            }

            var b = ReadByte();
            byteCount |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (byteCount < 0)
        {
            throw new InvalidDataException("a negative string length in the cache");
        }

        return byteCount == 0 ? string.Empty : Encoding.UTF8.GetString(Take(byteCount));
    }

    /// <summary>The next <paramref name="count"/> bytes as a reader of their own; this reader moves past them.</summary>
    public CacheReader Section(int count)
    {
        _ = Take(count);
        return new CacheReader(bytes, at - count, count);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > end - at)
        {
            throw new InvalidDataException("the cached dataset ends early");
        }

        var span = bytes.AsSpan(at, count);
        at += count;
        return span;
    }
}
