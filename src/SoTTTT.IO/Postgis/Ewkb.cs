using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SoTTTT.IO.Postgis;

/// <summary>PostGIS extended WKB (SRID flag 0x20000000 and the SRID after the type), from NTS's 2D WKB without touching the geometry.</summary>
internal static class Ewkb
{
    private const uint SridFlag = 0x20000000;

    public static byte[] Write(Geometry geometry, int srid)
    {
        var wkb = new WKBWriter(ByteOrder.LittleEndian, handleSRID: false, emitZ: false, emitM: false).Write(geometry);
        var bytes = new byte[wkb.Length + 4];
        bytes[0] = wkb[0];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), BinaryPrimitives.ReadUInt32LittleEndian(wkb.AsSpan(1)) | SridFlag);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(5), srid);
        wkb.AsSpan(5).CopyTo(bytes.AsSpan(9));
        return bytes;
    }
}
