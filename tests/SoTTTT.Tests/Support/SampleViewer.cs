using SoTTTT.Cli.Viewer;
using SoTTTT.IO;
using SoTTTT.IO.Maps;

namespace SoTTTT.Tests.Support;

/// <summary>The sample province's map layers under the repository's view definitions, loaded once per test run.</summary>
internal static class SampleViewer
{
    private static readonly Lazy<(LoadResult Loaded, Core.Maps.MapCatalogue Catalogue)> Data = new(() =>
    {
        var loaded = DatasetSource.Load(DemoSample.Folder);
        var catalogue = MapCatalogueReader.Read(RepoMaps.Folder).Catalogue ?? throw new InvalidOperationException("maps/ does not read cleanly");
        return (loaded, catalogue);
    });

    public static LoadResult Loaded => Data.Value.Loaded;

    public static Core.Maps.MapCatalogue Catalogue => Data.Value.Catalogue;

    /// <summary>A fresh store (its own layer cache) over the shared dataset.</summary>
    public static LayerStore Store() => new(Catalogue, MapLayerSources.Default(), MapDataContext.For(Loaded, DemoSample.Folder));
}
