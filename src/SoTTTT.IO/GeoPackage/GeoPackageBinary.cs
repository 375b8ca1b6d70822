using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SoTTTT.IO.GeoPackage;

/// <summary>
/// The GeoPackage geometry encoding (OGC 12-128r18, §2.1.3): the <c>GP</c> header (version 0, flags, srs_id,
/// envelope) followed by ISO WKB of the 2D geometry. Little-endian; points carry no envelope, other geometries
/// the [minx, maxx, miny, maxy] one.
/// </summary>
public static class GeoPackageBinary
{
    private const byte LittleEndian = 1;

    public static byte[] Encode(Geometry geometry, int srid)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var wkb = new WKBWriter(ByteOrder.LittleEndian, handleSRID: false, emitZ: false, emitM: false).Write(geometry);
        var withEnvelope = geometry is not Point && !geometry.IsEmpty;
        var header = 8 + (withEnvelope ? 32 : 0);
        var bytes = new byte[header + wkb.Length];
        bytes[0] = (byte)'G';
        bytes[1] = (byte)'P';
        bytes[2] = 0;
        bytes[3] = (byte)(LittleEndian | ((withEnvelope ? 1 : 0) << 1) | ((geometry.IsEmpty ? 1 : 0) << 4));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), srid);
        if (withEnvelope)
        {
            var env = geometry.EnvelopeInternal;
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8), env.MinX);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(16), env.MaxX);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(24), env.MinY);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(32), env.MaxY);
        }

        wkb.CopyTo(bytes, header);
        return bytes;
    }

    /// <summary>Decodes a geometry blob onto <paramref name="factory"/>.</summary>
    /// <exception cref="FormatException">The blob is not GeoPackage binary or its WKB is unreadable.</exception>
    public static Geometry Decode(byte[] blob, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P')
        {
            throw new FormatException("not a GeoPackage geometry (no 'GP' header)");
        }

        var flags = blob[3];
        if ((flags & 0x20) != 0)
        {
            throw new FormatException("extended GeoPackage geometries are not supported");
        }

        var envelopeBytes = ((flags >> 1) & 0x7) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            var e => throw new FormatException($"invalid envelope indicator {e}"),
        };
        try
        {
            return new WKBReader(factory.GeometryServices).Read(blob.AsSpan(8 + envelopeBytes).ToArray());
        }
        catch (ParseException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }
}
