using NUnit.Framework;
using SoTTTT.Core.Maps;
using SoTTTT.IO.Maps;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Maps;

public sealed class MapCatalogueReaderTests
{
    private string folder = string.Empty;

    [SetUp]
    public void SetUp()
    {
        folder = Path.Combine(Path.GetTempPath(), "sotttt-maps-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "styles"));
        Directory.CreateDirectory(Path.Combine(folder, "views"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Read_RepositoryMaps_HasEveryViewOfTheContract()
    {
        var result = MapCatalogueReader.Read(RepoMaps.Folder);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Catalogue!.Views.Select(v => v.Name), Is.EqualTo(new[] { "overview", "coverage", "gaps", "postal", "sharing", "approval", "plan" }));
    }

    [Test]
    public void Read_RepositoryMaps_EveryStyleIsUsedAndEveryClassHasBothLanguages()
    {
        var catalogue = MapCatalogueReader.Read(RepoMaps.Folder).Catalogue!;

        Assert.Multiple(() =>
        {
            Assert.That(catalogue.Styles.Select(s => s.Name), Is.EquivalentTo(catalogue.Layers.Select(l => l.Style).Distinct()));
            Assert.That(catalogue.Styles.SelectMany(s => s.Classes).Where(c => c.Label.Vi.Length == 0 || c.Label.En.Length == 0), Is.Empty);
        });
    }

    [Test]
    public void Read_ValidCatalogue_ParsesClassesAndInheritsTheDefaultSymbol()
    {
        WriteLayers("""{"name": "bts", "title": {"vi": "Trạm", "en": "BTS"}, "geometry": "point", "style": "ops", "attributes": ["operator", "id"], "popup": [{"attribute": "id", "label": {"vi": "Mã", "en": "Id"}}]}""");
        File.WriteAllText(Path.Combine(folder, "styles", "ops.json"), """
            {"kind": "categorical", "attribute": "operator", "default": {"fill": "#777777", "stroke": "#ffffff", "size": 5, "shape": "square"},
             "classes": [{"value": "Viettel", "label": {"vi": "Viettel", "en": "Viettel"}, "symbol": {"fill": "#e4002b"}}]}
            """);
        WriteView("main", """{"title": {"vi": "Chính", "en": "Main"}, "layers": ["bts"]}""");

        var result = MapCatalogueReader.Read(folder);

        Assert.That(result.Problems, Is.Empty);
        var style = result.Catalogue!.Style("ops")!;
        Assert.Multiple(() =>
        {
            Assert.That(style.SymbolOf("Viettel"), Is.EqualTo(style.Default with { Fill = "#e4002b" }));
            Assert.That(style.SymbolOf("VNPT"), Is.EqualTo(style.Default));
            Assert.That(style.Default.Shape, Is.EqualTo(SymbolKind.Square));
        });
    }

    [Test]
    public void Read_BadDefinitions_ReportsEveryProblemWithFileAndField()
    {
        WriteLayers(
            """{"name": "bts", "title": {"vi": "Trạm"}, "geometry": "point", "style": "nope", "attributes": ["id"]}""",
            """{"name": "towers", "title": {"vi": "Cột", "en": "Towers"}, "geometry": "blob", "style": "grad", "attributes": ["id"]}""");
        File.WriteAllText(Path.Combine(folder, "styles", "grad.json"), """
            {"kind": "graduated", "attribute": "height_m", "default": {"fill": "red"},
             "classes": [{"min": 5, "max": 2, "label": {"vi": "a", "en": "a"}}]}
            """);
        WriteView("main", """{"title": {"vi": "Chính", "en": "Main"}, "layers": ["bts", "ghost"]}""");

        var result = MapCatalogueReader.Read(folder);

        var found = result.Problems.Select(p => (p.Code, p.File, p.Column)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Catalogue, Is.Null);
            Assert.That(found, Does.Contain((MapProblemCodes.MissingField, "layers.json", "layers[0].title.en")));
            Assert.That(found, Does.Contain((MapProblemCodes.InvalidValue, "layers.json", "layers[1].geometry")));
            Assert.That(found, Does.Contain((MapProblemCodes.InvalidValue, "styles/grad.json", "default.fill")));
            Assert.That(found, Does.Contain((MapProblemCodes.InvalidValue, "styles/grad.json", "classes[0].max")));
            Assert.That(found, Does.Contain((MapProblemCodes.UnknownLayer, "views/main.json", "layers[1]")));
        });
    }

    [Test]
    public void Read_LayerNamesMissingStyle_ReportsUnknownStyle()
    {
        WriteLayers("""{"name": "bts", "title": {"vi": "Trạm", "en": "BTS"}, "geometry": "point", "style": "nope", "attributes": ["id"]}""");
        WriteView("main", """{"title": {"vi": "Chính", "en": "Main"}, "layers": ["bts"]}""");

        var result = MapCatalogueReader.Read(folder);

        Assert.That(result.Problems.Select(p => (p.Code, p.Column)), Is.EqualTo(new[] { (MapProblemCodes.UnknownStyle, (string?)"layers[0].style") }));
    }

    [Test]
    public void Read_StyleOnUndeclaredAttribute_ReportsIt()
    {
        WriteLayers("""{"name": "bts", "title": {"vi": "Trạm", "en": "BTS"}, "geometry": "point", "style": "ops", "attributes": ["id"]}""");
        File.WriteAllText(Path.Combine(folder, "styles", "ops.json"), """{"kind": "categorical", "attribute": "operator", "default": {}, "classes": []}""");
        WriteView("main", """{"title": {"vi": "Chính", "en": "Main"}, "layers": ["bts"]}""");

        var result = MapCatalogueReader.Read(folder);

        Assert.That(result.Problems.Select(p => p.Code), Is.EqualTo(new[] { MapProblemCodes.UndeclaredAttribute }));
    }

    [Test]
    public void Read_FilterOnAttributeNoLayerHas_ReportsItInTheView()
    {
        WriteLayers("""{"name": "bts", "title": {"vi": "Trạm", "en": "BTS"}, "geometry": "point", "style": "one", "attributes": ["tech"]}""");
        File.WriteAllText(Path.Combine(folder, "styles", "one.json"), """{"kind": "single", "default": {}}""");
        WriteView("main", """{"title": {"vi": "Chính", "en": "Main"}, "layers": ["bts"], "filters": [{"attribute": "tech", "label": {"vi": "Công nghệ", "en": "Technology"}}, {"attribute": "band", "label": {"vi": "Băng", "en": "Band"}}]}""");

        var result = MapCatalogueReader.Read(folder);

        Assert.That(result.Problems.Select(p => (p.Code, p.File, p.Column)), Is.EqualTo(new[] { (MapProblemCodes.UndeclaredAttribute, "views/main.json", (string?)"filters[1].attribute") }));
    }

    [Test]
    public void Read_InvalidJson_NamesTheFile()
    {
        WriteLayers();
        File.WriteAllText(Path.Combine(folder, "views", "broken.json"), "{ \"title\": ");

        var result = MapCatalogueReader.Read(folder);

        Assert.That(result.Problems.Select(p => (p.Code, p.File)), Does.Contain((MapProblemCodes.InvalidJson, "views/broken.json")));
    }

    [Test]
    public void ClassOf_Graduated_UsesHalfOpenRanges()
    {
        var symbol = new MapSymbol("#000000", "#000000", 1, 6, SymbolKind.Circle, 1, []);
        var style = new MapStyle("d", StyleKind.Graduated, "distance_km", symbol, null,
        [
            new StyleClass(null, null, 1, new LocalizedText("< 1", "< 1"), symbol with { Fill = "#111111" }),
            new StyleClass(null, 1, null, new LocalizedText("≥ 1", "≥ 1"), symbol with { Fill = "#222222" }),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(style.SymbolOf(0.999).Fill, Is.EqualTo("#111111"));
            Assert.That(style.SymbolOf(1.0).Fill, Is.EqualTo("#222222"));
            Assert.That(style.SymbolOf(null), Is.EqualTo(symbol));
        });
    }

    private void WriteLayers(params string[] layers) =>
        File.WriteAllText(Path.Combine(folder, "layers.json"), "{\"layers\": [" + string.Join(",", layers) + "]}");

    private void WriteView(string name, string json) => File.WriteAllText(Path.Combine(folder, "views", name + ".json"), json);
}
