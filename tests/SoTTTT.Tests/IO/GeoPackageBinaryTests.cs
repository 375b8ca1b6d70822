using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NUnit.Framework;
using SoTTTT.IO.GeoPackage;

namespace SoTTTT.Tests.IO;

/// <summary>The GeoPackage geometry encoding, OGC 12-128r18 §2.1.3 (header layout checked byte by byte).</summary>
[TestFixture]
public sealed class GeoPackageBinaryTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 9209);

    [Test]
    public void Encode_Point_HasHeaderWithoutEnvelopeThenWkb()
    {
        var point = Factory.CreatePoint(new Coordinate(581500, 2317500));

        var blob = GeoPackageBinary.Encode(point, 9209);

        Assert.Multiple(() =>
        {
            Assert.That(blob[..4], Is.EqualTo(new byte[] { (byte)'G', (byte)'P', 0, 0b0000_0001 }), "magic, version 0, little-endian, no envelope");
            Assert.That(BitConverter.ToInt32(blob, 4), Is.EqualTo(9209));
            Assert.That(blob[8..], Is.EqualTo(new WKBWriter(ByteOrder.LittleEndian, false).Write(point)));
        });
    }

    [Test]
    public void Encode_LineString_CarriesXyEnvelope()
    {
        var line = new WKTReader().Read("LINESTRING (580000 2317000, 582000 2317500)");

        var blob = GeoPackageBinary.Encode(line, 9209);

        Assert.Multiple(() =>
        {
            Assert.That(blob[3], Is.EqualTo(0b0000_0011), "little-endian, envelope [minx, maxx, miny, maxy]");
            Assert.That(Enumerable.Range(0, 4).Select(i => BitConverter.ToDouble(blob, 8 + (8 * i))), Is.EqualTo(new[] { 580000d, 582000, 2317000, 2317500 }));
            Assert.That(GeoPackageBinary.Decode(blob, Factory).EqualsExact(line), Is.True);
        });
    }

    [Test]
    public void Decode_NotGeoPackage_Throws()
    {
        Assert.That(() => GeoPackageBinary.Decode([1, 2, 3, 4, 5, 6, 7, 8, 9], Factory), Throws.TypeOf<FormatException>());
    }
}
