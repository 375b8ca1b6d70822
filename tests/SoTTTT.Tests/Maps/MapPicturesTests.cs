using NUnit.Framework;
using SkiaSharp;
using SoTTTT.Cli.Viewer;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

/// <summary>
/// The static maps as pictures for documents (PNG and PDF, SkiaSharp) of the hand-made <see cref="SmallProvince"/>: the
/// PNG against a committed golden image within a tolerance (antialiasing and font hinting may move a few pixels between
/// SkiaSharp builds), the PDF's Vietnamese text read back by poppler's pdftotext. Regenerate the golden image with
/// SOTTTT_UPDATE_GOLDEN=1 and look at it.
/// </summary>
public sealed class MapPicturesTests
{
    private static readonly string GoldenFolder = Path.Combine(Path.GetDirectoryName(RepoMaps.Folder)!, "tests", "SoTTTT.Tests", "Maps", "golden");

    [Test]
    public void Png_Overview_MatchesTheGoldenImageWithinTolerance()
    {
        var png = Render((catalogue, view, context) => StaticMaps.RenderPng(catalogue, view, MapLayerSources.Default(), context, "vi", scale: 1));

        var golden = Path.Combine(GoldenFolder, "overview.vi.png");
        if (Environment.GetEnvironmentVariable("SOTTTT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(golden, png);
        }

        Assert.That(File.Exists(golden), Is.True, $"{golden} is missing; run the tests once with SOTTTT_UPDATE_GOLDEN=1");
        using var actual = SKBitmap.Decode(png);
        using var expected = SKBitmap.Decode(golden);
        Assert.That((actual.Width, actual.Height), Is.EqualTo((expected.Width, expected.Height)));
        var differing = 0;
        for (var y = 0; y < actual.Height; y++)
        {
            for (var x = 0; x < actual.Width; x++)
            {
                var a = actual.GetPixel(x, y);
                var e = expected.GetPixel(x, y);
                if (Math.Max(Math.Abs(a.Red - e.Red), Math.Max(Math.Abs(a.Green - e.Green), Math.Abs(a.Blue - e.Blue))) > 48)
                {
                    differing++;
                }
            }
        }

        var share = (double)differing / (actual.Width * actual.Height);
        Assert.That(share, Is.LessThan(0.005), $"{differing} pixels differ from {golden} by more than 48 levels");
    }

    [Test]
    public void Pdf_Overview_CarriesTheVietnameseTextAsText()
    {
        var pdf = Render((catalogue, view, context) => StaticMaps.RenderPdf(catalogue, view, MapLayerSources.Default(), context, "vi"));
        var path = Path.Combine(Path.GetTempPath(), $"sotttt-map-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var text = ExternalTools.Run(ExternalTools.Pdftotext(), "-enc", "UTF-8", path, "-");

            Assert.Multiple(() =>
            {
                Assert.That(pdf[..5], Is.EqualTo("%PDF-"u8.ToArray()));
                Assert.That(text, Does.Contain("Tổng quan hạ tầng"), "the view's title");
                Assert.That(text, Does.Contain("Bưu cục cấp 3"), "a legend entry");
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Render(Func<Core.Maps.MapCatalogue, Core.Maps.MapView, MapDataContext, byte[]> render)
    {
        using var ds = SmallProvince.Create();
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems, Is.Empty);
        var catalogue = SampleViewer.Catalogue;
        return render(catalogue, catalogue.View("overview")!, MapDataContext.For(loaded, ds.Folder));
    }
}
