using System.Xml.Linq;
using NUnit.Framework;
using SoTTTT.Cli.Viewer;
using SoTTTT.IO;
using SoTTTT.IO.Layers;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

/// <summary>
/// Static SVG maps of the hand-made <see cref="SmallProvince"/> compared with committed golden files
/// (tests/SoTTTT.Tests/Maps/golden/); regenerate with SOTTTT_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class SvgMapRendererTests
{
    private static readonly string GoldenFolder = Path.Combine(Path.GetDirectoryName(RepoMaps.Folder)!, "tests", "SoTTTT.Tests", "Maps", "golden");

    [TestCase("overview", "vi")]
    [TestCase("postal", "vi")]
    [TestCase("sharing", "en")]
    [TestCase("coverage", "vi")]
    public void Render_SmallProvince_MatchesGolden(string view, string lang)
    {
        var svg = RenderSmallProvince(view, lang);

        var golden = Path.Combine(GoldenFolder, $"{view}.{lang}.svg");
        if (Environment.GetEnvironmentVariable("SOTTTT_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenFolder);
            File.WriteAllText(golden, svg);
        }

        Assert.That(File.Exists(golden), Is.True, $"{golden} is missing; run the tests once with SOTTTT_UPDATE_GOLDEN=1");
        Assert.That(svg, Is.EqualTo(File.ReadAllText(golden)), $"{golden} differs; if the change is intended, regenerate with SOTTTT_UPDATE_GOLDEN=1 and review the diff");
    }

    [Test]
    public void Render_SmallProvince_IsWellFormedWithLegendScaleBarAndNorthArrow()
    {
        var svg = XDocument.Parse(RenderSmallProvince("overview", "vi"));
        var ids = svg.Descendants().Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToList();
        var legend = svg.Descendants().Single(e => (string?)e.Attribute("id") == "legend").Value;

        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain("legend").And.Contain("scale-bar").And.Contain("north-arrow"));
            Assert.That(ids, Does.Contain("layer-admin_units").And.Contain("layer-towers").And.Contain("layer-bts").And.Contain("layer-postal_points"));
            Assert.That(legend, Does.Contain("Bưu cục cấp 3").And.Contain("Cáp ngầm"));
        });
    }

    [Test]
    public void Render_ViewWithoutProviders_ListsTheLayersAsUnavailable()
    {
        using var ds = SmallProvince.Create();
        var loaded = DatasetLoader.Load(ds.Folder);
        var catalogue = SampleViewer.Catalogue;
        var onlyInputs = new MapLayerSources();
        foreach (var input in DatasetLayers.Sources)
        {
            onlyInputs.Register(new(input.Name, c => input.AppliesTo(c.Dataset), c => input.Build(c.Dataset)));
        }

        var svg = StaticMaps.Render(catalogue, catalogue.View("plan")!, onlyInputs, MapDataContext.For(loaded, ds.Folder), "en");

        Assert.That(svg, Does.Contain("New tower positions by phase (not available)").And.Contain("Fibre extensions / undergrounding (not available)"));
    }

    [Test]
    public void Render_ScaleBar_LengthMatchesTheMapScale()
    {
        // The small province's communes span 4 km east-west; the frame is 690 px wide, so the bar is a round length
        // near a quarter of the width in metres, and the map keeps 1 px = MetresPerPixel in both axes.
        var svg = XDocument.Parse(RenderSmallProvince("overview", "en"));
        var bar = svg.Descendants().Single(e => (string?)e.Attribute("id") == "scale-bar");
        var label = bar.Elements().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

        Assert.That(label, Does.Contain("1 km").Or.Contain("2 km").Or.Contain("500 m"));
    }

    private static string RenderSmallProvince(string viewName, string lang)
    {
        using var ds = SmallProvince.Create();
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems, Is.Empty);
        var catalogue = SampleViewer.Catalogue;
        var context = MapDataContext.For(loaded, ds.Folder);
        return StaticMaps.Render(catalogue, catalogue.View(viewName)!, MapLayerSources.Default(), context, lang);
    }
}
