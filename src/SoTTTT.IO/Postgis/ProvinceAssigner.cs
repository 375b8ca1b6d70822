using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Postgis;

/// <summary>
/// Decides which province a row of any layer belongs to, for the <c>province_code</c> column (the key of a province's rows): the province
/// above the unit its code column names (<c>commune_code</c>, <c>admin_code</c>, <c>unit_code</c>, an admin unit's or indicator row's
/// own <c>code</c>), else the province whose polygon holds its representative point (the point itself, a polygon's
/// interior point, a line's middle vertex), else the nearest province polygon, else the dataset's first province.
/// With an override every row goes to that code (a dataset without admin units).
/// </summary>
internal sealed class ProvinceAssigner
{
    private static readonly string[] CodeFields = ["commune_code", "admin_code", "unit_code", "code"];
    private readonly Dataset dataset;
    private readonly string? only;
    private readonly UnitLocator locator;
    private readonly List<AdminUnit> provinces;

    public ProvinceAssigner(Dataset dataset, string? provinceOverride)
    {
        this.dataset = dataset;
        only = provinceOverride;
        locator = new UnitLocator(dataset);
        provinces = dataset.AdminUnits.Where(u => u.Level == AdminLevel.Province).ToList();
    }

    /// <summary>The province codes rows can be given: the override, or every province unit.</summary>
    public IReadOnlyList<string> Provinces => only is not null ? [only] : provinces.Select(p => p.Code).ToList();

    public string ProvinceOf(FeatureTable table, FeatureRow row)
    {
        if (only is not null)
        {
            return only;
        }

        foreach (var field in CodeFields)
        {
            var i = table.IndexOf(field);
            if (i >= 0 && row.Values[i] is string code && ProvinceAbove(code) is { } byCode)
            {
                return byCode;
            }
        }

        if (row.Geometry is { IsEmpty: false } g)
        {
            var point = g is Point p ? p : g is Polygon or MultiPolygon ? g.InteriorPoint : g.Factory.CreatePoint(g.Coordinates[g.NumPoints / 2]);
            if (locator.Locate(point) is { } unit && ProvinceAbove(unit.Code) is { } byPlace)
            {
                return byPlace;
            }

            var nearest = provinces.Where(u => u.Boundary is not null).MinBy(u => u.Boundary!.Distance(point));
            if (nearest is not null)
            {
                return nearest.Code;
            }
        }

        return provinces.FirstOrDefault()?.Code
            ?? throw new InvalidOperationException("the dataset has no province unit; give the province code to export under");
    }

    private string? ProvinceAbove(string code) =>
        dataset.Hierarchy.SelfAndAncestors(code).FirstOrDefault(u => u.Level == AdminLevel.Province)?.Code;
}
