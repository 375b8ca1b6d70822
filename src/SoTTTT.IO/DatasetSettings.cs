using SoTTTT.Core.Crs;

namespace SoTTTT.IO;

/// <summary>The content of <c>dataset.json</c>.</summary>
/// <param name="Name">Dataset name (required).</param>
/// <param name="Crs">CRS of the x/y and WKT columns (default WGS84 lon/lat).</param>
/// <param name="AnalysisCrs">
/// Metric CRS the analyses work in: <c>analysis_crs</c> when given, else <paramref name="Crs"/> when it
/// is projected, else the VN-2000 TM-3 zone of the national table nearest to the data.
/// Null until the data is seen.
/// </param>
/// <param name="RulesPath">Path of the rules file, relative to the dataset folder (default <c>rules.json</c>).</param>
/// <param name="Lang">Report language, <c>vi</c> (default) or <c>en</c>.</param>
public sealed record DatasetSettings(string Name, CrsDefinition Crs, CrsDefinition? AnalysisCrs, string RulesPath, string Lang)
{
    /// <summary>The terrain GeoTIFF (<c>dem</c>), relative to the dataset folder; null when the dataset names none.</summary>
    public string? DemPath { get; init; }

    /// <summary>The snapshot date (<c>date</c>: <c>yyyy</c>, <c>yyyy-mm</c> or <c>yyyy-mm-dd</c>); null when not given.</summary>
    public string? Date { get; init; }
}
