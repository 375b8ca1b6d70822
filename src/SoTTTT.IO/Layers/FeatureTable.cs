using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;

namespace SoTTTT.IO.Layers;

/// <summary>
/// A named layer ready for any writer (GeoPackage, PostGIS, KML, spreadsheets): typed fields and rows with an
/// optional geometry. Input layers of a dataset, indicator tables and result layers of the analyses all take this
/// form, so each writer is written once. Geometries are in <see cref="Crs"/> (the dataset's metric analysis CRS for
/// dataset layers); attribute tables have <see cref="FeatureGeometryType.None"/> and no CRS.
/// </summary>
/// <param name="Name">Table name: lower-case ASCII, e.g. <c>bts</c>, <c>indicators_commune</c>, <c>coverage_gaps</c>.</param>
/// <param name="Title">Vietnamese title for people: <c>Trạm BTS</c>.</param>
public sealed record FeatureTable(
    string Name,
    string Title,
    FeatureGeometryType GeometryType,
    CrsDefinition? Crs,
    IReadOnlyList<LayerField> Fields,
    IReadOnlyList<FeatureRow> Rows)
{
    public bool IsSpatial => GeometryType != FeatureGeometryType.None;

    /// <summary>Position of a field by name, or -1.</summary>
    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Name == field)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The declared type that fits every geometry: the common one, else <see cref="FeatureGeometryType.Geometry"/>.</summary>
    public static FeatureGeometryType CommonType(IEnumerable<Geometry?> geometries, FeatureGeometryType whenEmpty)
    {
        FeatureGeometryType? common = null;
        foreach (var g in geometries)
        {
            if (g is null)
            {
                continue;
            }

            var type = Enum.TryParse<FeatureGeometryType>(g.GeometryType, out var t) ? t : FeatureGeometryType.Geometry;
            if (common is null)
            {
                common = type;
            }
            else if (common != type)
            {
                return FeatureGeometryType.Geometry;
            }
        }

        return common ?? whenEmpty;
    }
}
