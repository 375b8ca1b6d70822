using System.Text;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NUnit.Framework;
using SoTTTT.IO.Loading;
using SoTTTT.Tests.Hostile;

namespace SoTTTT.Tests.IO;

/// <summary>
/// The fast readers of the load (issue 13, item 2) against the libraries they stand in for: on every text the plain
/// CSV reader accepts, its records are CsvHelper's; on every text the plain WKT reader accepts, its geometry is
/// WKTReader's, ordinate for ordinate. The texts are the corpus's base layers and the bundled sample, then seeded
/// random mutations of them (the fuzz test's kind of edits) and short random texts over CSV's special characters.
/// </summary>
public sealed class PlainReadersTests
{
    private const int Mutations = 3000;

    private static readonly string[] CsvPieces = ["a", "b", "1.5", " ", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n", "é", "\0"];

    private static readonly string[] WktPieces =
    [
        "(", ")", ",", " ", "1", "-2.5", "1e3", "NaN", "Inf", "-Inf", "EMPTY", "Z", "M", "#", "\n", "POINT", "LINESTRING", "POLYGON", "MULTIPOLYGON", "SRID=4326;", "1,5", "+3", ".5", "x",
    ];

    private static IEnumerable<string> SampleCsvFiles() =>
        Directory.GetFiles(HostileFiles.BaseFolder, "*.csv")
            .Concat(Directory.GetFiles(Support.DemoSample.Folder, "*.csv"))
            .Order(StringComparer.Ordinal);

    [Test]
    public void ReadPlain_SampleLayers_AreReadPlainly()
    {
        foreach (var file in SampleCsvFiles())
        {
            var text = File.ReadAllText(file);
            Assert.That(CsvTableReader.ReadPlain(text, ","), Is.Not.Null, file);
        }
    }

    [Test]
    public void ReadPlain_MutatedAndRandomTexts_SameRecordsAsCsvHelper()
    {
        var texts = SampleCsvFiles().Select(File.ReadAllText).Select(t => t.Length > 6000 ? t[..6000] : t).ToArray();
        var random = new Random(2026);
        var plain = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var text = i % 3 == 0 ? RandomText(random, CsvPieces, random.Next(1, 40)) : Mutate(texts[random.Next(texts.Length)], random, CsvPieces);
            plain += CompareCsv(text, $"mutation {i}") ? 1 : 0;
        }

        foreach (var text in new[] { "a,b\n1,2", "a,b\n1,2\n", "a,b\r\n1,2,\r\n", "a\n\"x\"\"y\",2\n", "a;b\n\"1;\n2\";3", "a,b\n\"\",\n", "a,b\n1,\"2\"" })
        {
            Assert.That(CompareCsv(text, text), Is.True, text);
        }

        TestContext.Out.WriteLine($"{plain} of {Mutations} mutated texts read plainly");
        Assert.That(plain, Is.GreaterThan(Mutations / 10));
    }

    [Test]
    public void TryRead_MutatedAndRandomWkt_SameGeometryAsWktReader()
    {
        var services = NtsGeometryServices.Instance;
        var plain = new PlainWktReader(services);
        var nts = new WKTReader(services);
        var texts = SampleCsvFiles()
            .SelectMany(f => File.ReadAllLines(f).Select(l => l.IndexOf("\"", StringComparison.Ordinal) is var q and >= 0 && l.LastIndexOf('"') > q ? l[(q + 1)..l.LastIndexOf('"')] : null))
            .OfType<string>()
            .Where(w => w.Length < 20_000)
            .Concat(["POINT (1 2)", "LINESTRING(1 2,3 4)", "POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.2, 0.5 0.2, 0.5 0.5, 0.2 0.2))", "MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"])
            .ToArray();
        Assert.That(texts, Has.Length.GreaterThan(5));
        foreach (var text in texts)
        {
            Assert.That(plain.TryRead(text), Is.Not.Null, text.Length > 200 ? text[..200] : text);
        }

        var random = new Random(13);
        var accepted = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var text = i % 4 == 0 ? RandomText(random, WktPieces, random.Next(1, 30)) : Mutate(texts[random.Next(texts.Length)], random, WktPieces);
            var fast = plain.TryRead(text);
            if (fast is null)
            {
                continue;
            }

            accepted++;
            Geometry reference;
            try
            {
                reference = nts.Read(text);
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i}: the plain reader read what WKTReader refuses ({ex.Message}): {text}");
                return;
            }

            Assert.That(Describe(fast), Is.EqualTo(Describe(reference)), $"mutation {i}: {text}");
        }

        TestContext.Out.WriteLine($"{accepted} of {Mutations} mutated WKT texts read plainly");
        Assert.That(accepted, Is.GreaterThan(Mutations / 10));
    }

    /// <summary>True when the plain reader took the text; then its records must be CsvHelper's.</summary>
    private static bool CompareCsv(string text, string what)
    {
        var config = CsvTableReader.Configuration();
        string delimiter;
        try
        {
            delimiter = CsvTableReader.DetectedDelimiter(text, config);
        }
        catch (CsvHelper.MaxFieldSizeException)
        {
            return false;
        }

        var plain = CsvTableReader.ReadPlain(text, delimiter);
        if (plain is null)
        {
            return false;
        }

        var reference = CsvTableReader.CsvHelperRecords(text, CsvTableReader.Configuration()).ToList();
        Assert.That(plain.Select(Show), Is.EqualTo(reference.Select(Show)), $"{what}: {Escape(text)}");
        return true;
    }

    private static string Show(string[] record) => string.Join("|", record.Select(Escape));

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>Type, SRID, factory settings and every ordinate of every component, exactly.</summary>
    private static string Describe(Geometry g)
    {
        var text = new StringBuilder($"{g.GeometryType} srid {g.SRID} pm {g.PrecisionModel} csf {g.Factory.CoordinateSequenceFactory.GetType().Name} n {g.NumGeometries}");
        for (var i = 0; i < g.NumGeometries; i++)
        {
            var part = g.GetGeometryN(i);
            IEnumerable<CoordinateSequence> sequences = part switch
            {
                Polygon p => new[] { p.ExteriorRing }.Concat(p.InteriorRings).Select(r => r.CoordinateSequence),
                LineString l => [l.CoordinateSequence],
                Point pt => [pt.CoordinateSequence],
                _ => throw new ArgumentException(part.GeometryType),
            };
            foreach (var s in sequences)
            {
                text.Append($" [{s.GetType().Name} dim {s.Dimension} m {s.Measures}:");
                for (var k = 0; k < s.Count; k++)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $" {BitConverter.DoubleToInt64Bits(s.GetX(k))}/{BitConverter.DoubleToInt64Bits(s.GetY(k))}/{s.GetZ(k)}");
                }

                text.Append(']');
            }
        }

        return text.ToString();
    }

    private static string RandomText(Random random, string[] pieces, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => pieces[random.Next(pieces.Length)]));

    /// <summary>One to three edits: a piece inserted, a character deleted, or a span replaced by a piece.</summary>
    private static string Mutate(string text, Random random, string[] pieces)
    {
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length);
            text = random.Next(3) switch
            {
                0 => text.Insert(at, pieces[random.Next(pieces.Length)]),
                1 => text.Remove(at, 1),
                _ => text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at)).Insert(at, pieces[random.Next(pieces.Length)]),
            };
        }

        return text;
    }
}
