using SoTTTT.Core.Crs;

namespace SoTTTT.Core.Model;

/// <summary>
/// How a dataset's coordinates are laid out in a dataset folder (PRODUCT.md): the CRS of the <c>x,y</c> and WKT
/// columns (written as <c>crs</c> in <c>dataset.json</c>), and the point layers given as WGS84 <c>lon,lat</c>
/// instead, as operators' lists give them.
/// </summary>
/// <param name="Crs">CRS of x/y and WKT columns.</param>
/// <param name="LonLatLayers">Point layers (names of <see cref="Dataset.LayerNames"/>) written as WGS84 lon/lat.</param>
public sealed record DatasetFileLayout(CrsDefinition Crs, IReadOnlySet<string> LonLatLayers);
