using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.IO.GeoJson;
using SoTTTT.IO.Layers;

namespace SoTTTT.Tests.IO;

[TestFixture]
public sealed class GeoJsonWriterTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "sotttt-geojson-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Write_TypedFields_KeepTheirTypesAndVietnameseText()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var table = new FeatureTable(
            "postal_points",
            "Điểm phục vụ bưu chính",
            FeatureGeometryType.Point,
            CrsRegistry.Wgs84,
            [new LayerField("name", FieldType.Text, "Tên"), new LayerField("population", FieldType.Integer, "Dân số"), new LayerField("distance_km", FieldType.Real, "km"), new LayerField("urban", FieldType.Boolean, "Đô thị")],
            [new FeatureRow(factory.CreatePoint(new Coordinate(106.123456789, 20.987654321)), ["Bưu cục Hải Dương", 1234L, 1.5, true])]);

        var path = GeoJsonWriter.Write(folder, [table], null).Single();

        var text = File.ReadAllText(path);
        using var doc = JsonDocument.Parse(text);
        var feature = doc.RootElement.GetProperty("features")[0];
        var properties = feature.GetProperty("properties");
        var read = JsonSerializer.Deserialize<FeatureCollection>(text, GeoJsonFeatures.Options)!;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Bưu cục Hải Dương"), "Vietnamese left unescaped");
            Assert.That(doc.RootElement.GetProperty("name").GetString(), Is.EqualTo("postal_points"));
            Assert.That(properties.GetProperty("population").GetRawText(), Is.EqualTo("1234"));
            Assert.That(properties.GetProperty("distance_km").GetRawText(), Is.EqualTo("1.5"));
            Assert.That(properties.GetProperty("urban").ValueKind, Is.EqualTo(JsonValueKind.True));
            Assert.That(feature.GetProperty("geometry").GetProperty("coordinates").GetRawText(), Is.EqualTo("[106.1234568,20.9876543]"), "7 decimals");
            // NetTopologySuite.IO.GeoJSON4STJ reads JSON numbers back as decimal.
            Assert.That(read[0].Attributes["population"], Is.EqualTo(1234m));
            Assert.That(read[0].Attributes["name"], Is.EqualTo("Bưu cục Hải Dương"));
        });
    }
}
