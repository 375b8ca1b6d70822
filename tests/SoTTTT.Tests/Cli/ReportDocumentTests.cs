using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using NUnit.Framework;
using SoTTTT.Cli.Commands;
using SoTTTT.Cli.Viewer;
using SoTTTT.IO.Layers;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// <c>sotttt report</c>'s document (<c>report.docx</c>) on the bundled sample province compared with its older snapshot
/// (data/sample-province-2015): it validates (OpenXmlValidator), LibreOffice opens it, its headline figures are the
/// cells of <c>indicators --format csv</c>, and it holds one chart per kind plus the overview map.
/// </summary>
[NonParallelizable]
public sealed class ReportDocumentTests
{
    private static readonly string[] SampleChartKinds = ["bts", "settlements_covered_pct_4g", "fibre_km"];

    private string folder = string.Empty;

    private string Document => Path.Combine(folder, ReportCommand.DocumentName);

    [OneTimeSetUp]
    public void RunReportOnTheSample()
    {
        folder = Path.Combine(Path.GetTempPath(), "sotttt-report-" + Guid.NewGuid().ToString("N"));
        var (exit, _, error) = CliRunner.Run("report", DemoSample.Folder, "--compare", DemoCommand.SampleFolder(DemoCommand.OlderSample), "--out", folder);
        Assert.That(exit, Is.Zero, error);
    }

    [OneTimeTearDown]
    public void DeleteOutput()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Report_Docx_PassesTheOpenXmlValidator()
    {
        using var document = WordprocessingDocument.Open(Document, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
        TestContext.Out.WriteLine($"report.docx: {new FileInfo(Document).Length} bytes, {errors.Count} validation errors");

        Assert.That(errors.Select(e => $"{e.Path?.XPath}: {e.Description}"), Is.Empty);
    }

    [Test]
    public void Report_DocxHeadline_EqualsIndicatorsCsv()
    {
        var csv = CliRunner.Run("indicators", DemoSample.Folder, "--level", "province", "--format", "csv").Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var expected = csv[0].Zip(csv[1]).ToDictionary(x => IndicatorHeaders.Title(x.First), x => x.Second);
        using var document = WordprocessingDocument.Open(Document, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var rows = body.Elements<Table>().First().Elements<TableRow>().Skip(1)
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())
            .ToList();

        Assert.Multiple(() =>
        {
            foreach (var row in rows)
            {
                Assert.That(expected.ContainsKey(row[0]), Is.True, $"'{row[0]}' is not an indicators column heading");
                Assert.That(row[1], Is.EqualTo(expected.GetValueOrDefault(row[0])), row[0]);
            }

            // Population, area, postal, BTS, positions, fibre, communes, coverage, subscribers, nodes at least.
            Assert.That(rows, Has.Count.GreaterThanOrEqualTo(15));
            Assert.That(body.InnerText, Does.Contain($"{expected["Số trạm BTS"]} trạm BTS tại {expected["Số vị trí cột ăng ten"]} vị trí cột ăng ten"));
            Assert.That(body.InnerText, Does.Contain($"tổng chiều dài {expected["Chiều dài tuyến cáp quang (km)"]} km"));
        });
    }

    [Test]
    public void Report_Docx_OneChartPerKindAndTheOverviewMap()
    {
        using var document = WordprocessingDocument.Open(Document, false);
        var main = document.MainDocumentPart!;

        // Pictures in document order: the charts, then the map.
        var pictures = main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Blip>()
            .Select(b => ReadAll(main.GetPartById(b.Embed!.Value!).GetStream()))
            .ToList();
        var sizes = pictures.Select(PngSize).ToList();
        TestContext.Out.WriteLine(string.Join("; ", sizes.Select(s => $"{s.Width} × {s.Height}")));

        Assert.Multiple(() =>
        {
            Assert.That(pictures, Has.Count.EqualTo(SampleChartKinds.Length + 1));
            for (var i = 0; i < SampleChartKinds.Length; i++)
            {
                var file = Path.Combine(folder, ReportCommand.ChartFileName(SampleChartKinds[i]));
                Assert.That(File.Exists(file), Is.True, file);
                Assert.That(pictures[i], Is.EqualTo(File.ReadAllBytes(file)), $"{SampleChartKinds[i]}: the picture in the document is the file beside it");

                // 12 districts with old and new bars: a bar pair is tens of pixels high.
                Assert.That(sizes[i].Width, Is.EqualTo(1600));
                Assert.That(sizes[i].Height, Is.InRange(600, 2400));
            }

            Assert.That(sizes[^1], Is.EqualTo((2000, 1440)), "the overview map");
            Assert.That(pictures[^1], Is.EqualTo(File.ReadAllBytes(Path.Combine(folder, "map_overview.png"))));
            Assert.That(main.Document.Body.InnerText, Does.Contain("Số trạm BTS theo huyện").And.Contain("Bản đồ tổng quan hạ tầng"));
        });
    }

    [Test]
    public void Report_Docx_ConvertsToPdfWithLibreOffice()
    {
        var soffice = ExternalTools.Soffice();
        var pdftotext = ExternalTools.Pdftotext();
        var bts = CliRunner.Run("indicators", DemoSample.Folder, "--level", "province", "--format", "csv").Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList() is var csv
            ? csv[1][Array.IndexOf(csv[0], "bts")]
            : string.Empty;
        var output = Path.Combine(folder, "pdf");
        Directory.CreateDirectory(output);
        var clock = Stopwatch.StartNew();
        ExternalTools.RunWithInput(soffice, null, TimeSpan.FromSeconds(300), "-env:UserInstallation=file://" + Path.Combine(folder, "lo-profile"), "--headless", "--convert-to", "pdf", "--outdir", output, Document);
        TestContext.Out.WriteLine($"LibreOffice conversion: {clock.Elapsed.TotalSeconds:F1} s");
        var pdf = Path.Combine(output, "report.pdf");
        var text = Regex.Replace(ExternalTools.Run(pdftotext, "-enc", "UTF-8", pdf, "-"), @"\s+", " ");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(pdf).Take(5), Is.EqualTo("%PDF-"u8.ToArray()));
            Assert.That(text, Does.Contain("Các chỉ tiêu chủ yếu").And.Contain("Biểu đồ theo đơn vị hành chính"));
            Assert.That(text, Does.Contain($"Mạng di động: {bts} trạm BTS"));
        });
    }

    [Test]
    public void Report_English_DocumentAndChartsInEnglish()
    {
        using var ds = SmallProvince.Create();
        var outDir = Path.Combine(ds.Folder, "report-en");

        var (exit, _, error) = CliRunner.Run("report", ds.Folder, "--out", outDir, "--lang", "en");

        Assert.That(exit, Is.Zero, error);
        using var document = WordprocessingDocument.Open(Path.Combine(outDir, ReportCommand.DocumentName), false);
        Assert.That(document.MainDocumentPart!.Document!.InnerText, Does.Contain("Headline indicators").And.Contain("BTS by district").And.Contain("Infrastructure overview map"));
    }

    [Test]
    public void OverviewMap_Sample_DrawsTheNetworkNodesWithALegendEntry()
    {
        var catalogue = SampleViewer.Catalogue;

        var svg = StaticMaps.Render(catalogue, catalogue.View("overview")!, MapLayerSources.Default(), MapDataContext.For(SampleViewer.Loaded, DemoSample.Folder), "vi");

        Assert.That(svg, Does.Contain("id=\"layer-nodes\"").And.Contain("Nút mạng viễn thông").And.Contain("Tổng đài"));
    }

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        return ((png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19], (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
    }
}
