using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.IO;

/// <summary>
/// What a dataset folder keeps in dataset.json and rules.json, for stores that have no such files (GeoPackage,
/// PostGIS): the name, the analysis CRS (so a dataset read back is analysed exactly as before), the report language
/// and the province rules.
/// </summary>
public sealed record DatasetMetadata(string Name, CrsDefinition AnalysisCrs, string Lang, ProvinceRules Rules)
{
    /// <summary>The snapshot date (dataset.json <c>date</c>); null when the dataset has none.</summary>
    public string? Date { get; init; }

    public static DatasetMetadata Of(Dataset dataset, string lang = "vi")
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new(dataset.Name, dataset.Crs, lang, dataset.Rules) { Date = dataset.Date };
    }
}
