namespace SoTTTT.IO;

/// <summary>Where a dataset is kept.</summary>
public enum DatasetSourceKind
{
    Folder,
    GeoPackage,
    Postgis,
}
