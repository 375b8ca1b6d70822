using SoTTTT.IO.GeoPackage;
using SoTTTT.IO.Postgis;

namespace SoTTTT.IO;

/// <summary>
/// The one entry point for loading a dataset from wherever it is kept: a dataset folder, a GeoPackage file
/// (<c>.gpkg</c>), or a PostGIS schema (<c>postgresql://user@host:port/db?schema=name[&amp;province=code]</c>). Every
/// source goes through the same column mapping and checks, so every analysis gives the same result from each.
/// </summary>
public static class DatasetSource
{
    /// <summary>What kind of source a DATASET argument names.</summary>
    public static DatasetSourceKind KindOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (PostgisConnection.IsConnectionUrl(source))
        {
            return DatasetSourceKind.Postgis;
        }

        return source.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) && !Directory.Exists(source)
            ? DatasetSourceKind.GeoPackage
            : DatasetSourceKind.Folder;
    }

    /// <summary>Loads and checks the dataset; on any problem the result has no dataset and lists them all.</summary>
    public static LoadResult Load(string source, LoadOptions? options = null) => KindOf(source) switch
    {
        DatasetSourceKind.Postgis => PostgisDatasetReader.Load(source, options),
        DatasetSourceKind.GeoPackage => GeoPackageReader.Load(source, options),
        _ => Caching.ResidentDatasets.Load(source, options ?? LoadOptions.Default, () => DatasetLoader.Load(source, options)),
    };
}
