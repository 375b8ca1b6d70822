namespace SoTTTT.Core.Crs;

/// <summary>The metric CRS a dataset is analysed in and why (see <see cref="AnalysisZone.Choose"/>).</summary>
/// <param name="Crs">The analysis CRS.</param>
/// <param name="Basis">
/// <c>analysis_crs</c> (dataset.json), <c>dataset_crs</c> (the projected CRS of the data), <c>province_code</c> or
/// <c>province_name</c> (the one province of admin_units, found in the national table), <c>data_centre</c> (the province
/// whose reference point is nearest to the data's median position), <c>median_longitude</c> (several provinces: the
/// table's meridian nearest to the data's median longitude) or <c>default</c> (no position at all: 105°30').
/// </param>
/// <param name="Province">The province whose zone was taken, when one was.</param>
public sealed record ZoneChoice(CrsDefinition Crs, string Basis, VnProvinceZone? Province);
