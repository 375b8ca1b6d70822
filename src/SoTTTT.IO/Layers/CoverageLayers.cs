using System.Runtime.CompilerServices;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;

namespace SoTTTT.IO.Layers;

/// <summary>
/// The coverage engine's map layers, with the names and attributes <c>maps/layers.json</c> declares for them
/// (<c>coverage_area</c>, <c>settlements_coverage</c>, <c>coverage_gaps</c>, <c>settlements_uncovered</c>); geometries
/// in the dataset's analysis CRS. Built from one <see cref="CoverageResult"/> (with the raster for area and gaps).
/// <see cref="Sources"/> are the same tables as result layers for export and the map views: one coverage run per
/// dataset (all operators and technologies, 100 m cells) however many of them are built.
/// </summary>
public static class CoverageLayers
{
    public const string Area = "coverage_area";
    public const string SettlementsCoverage = "settlements_coverage";
    public const string Gaps = "coverage_gaps";
    public const string Uncovered = "settlements_uncovered";

    /// <summary>The settlement and technology a settlement layer's row is about.</summary>
    private static readonly LayerField[] SettlementFields =
    [
        new("id", FieldType.Text, "Mã"),
        new("name", FieldType.Text, "Tên"),
        new("commune_code", FieldType.Text, "Mã xã"),
        new("population", FieldType.Integer, "Dân số"),
        new("tech", FieldType.Text, "Công nghệ"),
    ];

    private static readonly ConditionalWeakTable<Dataset, Lazy<CoverageResult>> Cache = [];

    /// <summary>The four layers, for datasets with BTS and settlements.</summary>
    public static IReadOnlyList<ILayerSource> Sources { get; } =
    [
        new LayerSource(Area, Applies, d => AreaTable(d, Result(d))),
        new LayerSource(SettlementsCoverage, Applies, d => SettlementsTable(d, Result(d))),
        new LayerSource(Gaps, Applies, d => GapsTable(d, Result(d))),
        new LayerSource(Uncovered, Applies, d => UncoveredTable(d, Result(d))),
    ];

    private static bool Applies(Dataset d) => d.Bts.Count > 0 && d.Settlements.Count > 0;

    /// <summary>The dataset's coverage (computed once), with rows for its finest admin level.</summary>
    public static CoverageResult Result(Dataset dataset) => Cache.GetValue(dataset, d => new Lazy<CoverageResult>(() =>
    {
        var level = new[] { AdminLevel.Commune, AdminLevel.District, AdminLevel.Province }.FirstOrDefault(l => d.AdminUnits.Any(u => u.Level == l), AdminLevel.Province);
        return CoverageAnalysis.Run(d, new CoverageOptions(level));
    })).Value;

    /// <summary>Covered area per technology and operator (<c>operator</c> null: any operator).</summary>
    public static FeatureTable AreaTable(Dataset dataset, CoverageResult result) => new(
        Area,
        "Vùng phủ sóng theo công nghệ",
        FeatureGeometryType.MultiPolygon,
        dataset.Crs,
        [
            new LayerField("tech", FieldType.Text, "Công nghệ"),
            new LayerField("operator", FieldType.Text, "Doanh nghiệp"),
            new LayerField("threshold_dbm", FieldType.Real, "Ngưỡng (dBm)"),
            new LayerField("area_km2", FieldType.Real, "Diện tích (km²)"),
        ],
        [.. result.Polygons.Where(p => !p.Area.IsEmpty).Select(p => new FeatureRow(Multi(p.Area), [
            Codes.Label(p.Layer.Tech), p.Layer.IsAny ? null : p.Layer.Operator, result.Rules.For(p.Layer.Tech).ThresholdDbm, Math.Round(p.AreaKm2, 3)]))]);

    /// <summary>
    /// One point per settlement and technology: <c>covered</c> by any operator, <c>best_level_dbm</c> of the best server
    /// of any operator and that server's <c>operator</c> (null, with a null level, when no BTS reaches it).
    /// </summary>
    public static FeatureTable SettlementsTable(Dataset dataset, CoverageResult result)
    {
        var rows = new List<FeatureRow>();
        foreach (var s in result.Settlements)
        {
            var commune = CommuneCode(dataset, s.UnitCode);
            foreach (var tech in result.Techs)
            {
                var best = -1;
                for (var l = 0; l < result.Layers.Count; l++)
                {
                    if (result.Layers[l].Tech == tech && s.BestServer[l] >= 0 && (best < 0 || s.BestLevelDbm[l] > s.BestLevelDbm[best]))
                    {
                        best = l;
                    }
                }

                var level = best >= 0 ? Math.Round(s.BestLevelDbm[best], 1) : (double?)null;
                rows.Add(new FeatureRow(s.Settlement.Location, [
                    s.Settlement.Id, s.Settlement.Name, commune, s.Settlement.Population, Codes.Label(tech),
                    best >= 0 ? result.Layers[best].Operator : null, level >= result.Rules.For(tech).ThresholdDbm, level]));
            }
        }

        return new FeatureTable(
            SettlementsCoverage,
            "Thôn/bản theo vùng phủ sóng",
            FeatureGeometryType.Point,
            dataset.Crs,
            [
                .. SettlementFields,
                new LayerField("operator", FieldType.Text, "Doanh nghiệp"),
                new LayerField("covered", FieldType.Boolean, "Được phủ sóng"),
                new LayerField("best_level_dbm", FieldType.Real, "Mức thu tốt nhất (dBm)"),
            ],
            rows);
    }

    /// <summary>Gap clusters (exact cell outlines).</summary>
    public static FeatureTable GapsTable(Dataset dataset, CoverageResult result) => new(
        Gaps,
        "Vùng lõm sóng",
        FeatureGeometryType.MultiPolygon,
        dataset.Crs,
        [
            new LayerField("id", FieldType.Text, "Mã"),
            new LayerField("tech", FieldType.Text, "Công nghệ"),
            new LayerField("settlements", FieldType.Integer, "Số thôn/bản"),
            new LayerField("population", FieldType.Integer, "Dân số"),
            new LayerField("area_km2", FieldType.Real, "Diện tích (km²)"),
            new LayerField("commune_code", FieldType.Text, "Mã xã"),
        ],
        [.. result.Gaps.Select(g => new FeatureRow(Multi(g.Area), [
            g.Id, Codes.Label(g.Tech), (long)g.Settlements, g.Population, Math.Round(g.AreaKm2, 4), CommuneCode(dataset, g.UnitCode)]))]);

    /// <summary>Settlements no operator covers, per technology, with the gap cluster their cell belongs to (null when none).</summary>
    public static FeatureTable UncoveredTable(Dataset dataset, CoverageResult result)
    {
        var gapOf = new Dictionary<(string, Technology), string>();
        foreach (var g in result.Gaps)
        {
            foreach (var id in g.SettlementIds)
            {
                gapOf[(id, g.Tech)] = g.Id;
            }
        }

        return new FeatureTable(
            Uncovered,
            "Thôn/bản chưa được phủ sóng",
            FeatureGeometryType.Point,
            dataset.Crs,
            [
                .. SettlementFields,
                new LayerField("gap_id", FieldType.Text, "Vùng lõm"),
            ],
            [.. result.Uncovered.Select(u => new FeatureRow(u.Settlement.Location, [
                u.Settlement.Id, u.Settlement.Name, CommuneCode(dataset, u.UnitCode), u.Settlement.Population, Codes.Label(u.Tech),
                gapOf.GetValueOrDefault((u.Settlement.Id, u.Tech))]))]);
    }

    /// <summary>One geometry type per layer, as GIS tools want it: a polygon becomes a one-part multipolygon.</summary>
    private static NetTopologySuite.Geometries.Geometry Multi(NetTopologySuite.Geometries.Geometry g) =>
        g is NetTopologySuite.Geometries.Polygon p ? p.Factory.CreateMultiPolygon([p]) : g;

    private static string? CommuneCode(Dataset dataset, string? unitCode) => dataset.Hierarchy.CommuneOf(unitCode)?.Code;
}
