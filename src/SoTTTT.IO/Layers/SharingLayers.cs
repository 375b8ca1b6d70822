using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;
using SoTTTT.Core.Model;
using SoTTTT.Core.Sharing;
using SoTTTT.Core.Spatial;

namespace SoTTTT.IO.Layers;

/// <summary>
/// Result layers of the sharing analysis (<see cref="SharingAnalysis"/>), the same tables for export (GeoPackage,
/// PostGIS, KML, GeoJSON) and for the map views (maps/layers.json): <c>tower_positions</c> (positions carrying BTS,
/// declared and inferred, with their operators), <c>missed_sharing</c> (a line between two single-operator positions of
/// different operators closer than the must-share distance), <c>towers_to_convert</c>, <c>spacing_violations</c> (a
/// line between the two towers) and <c>shared_ducts</c> (the stretch of a route inside another operator's duct
/// corridor). Geometries are in the dataset CRS; distances in metres to 0.1 m. The analysis runs once per dataset
/// however many of these layers are built.
/// </summary>
public static class SharingLayers
{
    public const string Positions = "tower_positions";
    public const string MissedPairs = "missed_sharing";
    public const string ToConvert = "towers_to_convert";
    public const string SpacingViolations = "spacing_violations";
    public const string DuctCandidates = "shared_ducts";

    private static readonly ConditionalWeakTable<Dataset, Lazy<Analysed>> Cache = [];

    public static IReadOnlyList<ILayerSource> Sources { get; } =
    [
        new LayerSource(Positions, HasRadio, BuildPositions),
        new LayerSource(MissedPairs, HasRadio, BuildMissedPairs),
        new LayerSource(ToConvert, d => d.Towers.Count > 0 && d.Zones.Count > 0, BuildToConvert),
        new LayerSource(SpacingViolations, d => d.Towers.Count > 0, BuildSpacingViolations),
        new LayerSource(DuctCandidates, d => d.FibreRoutes.Count > 0, BuildDuctCandidates),
    ];

    private static bool HasRadio(Dataset d) => d.Bts.Count > 0 || d.Towers.Count > 0;

    public static FeatureTable BuildPositions(Dataset d)
    {
        var a = Analyse(d);
        return Table(
            d,
            Positions,
            "Vị trí cột ăng ten và mức dùng chung",
            FeatureGeometryType.Point,
            [F("id"), F("tower_id"), F("type"), F("inferred", FieldType.Boolean), F("operators"), F("tenants", FieldType.Integer), F("shared", FieldType.Boolean), F("bts", FieldType.Integer)],
            a.Result.Positions.Where(p => p.BtsIndices.Count > 0).Select(p => new FeatureRow(
                p.Location,
                [p.Id, p.Tower?.Id, p.Tower?.Type, p.Inferred, string.Join(", ", p.Operators), (long)p.Operators.Count, p.Shared, (long)p.BtsIndices.Count])));
    }

    public static FeatureTable BuildMissedPairs(Dataset d)
    {
        var a = Analyse(d);
        return Table(
            d,
            MissedPairs,
            "Cặp vị trí phải dùng chung nhưng chưa dùng chung",
            FeatureGeometryType.LineString,
            [F("position_a"), F("operator_a"), F("position_b"), F("operator_b"), F("distance_m", FieldType.Real), F("limit_m", FieldType.Real), F("urban", FieldType.Boolean), F("unit_code")],
            a.Result.MissedSharing.Select(m => new FeatureRow(
                Line(d, a.PositionAt[m.PositionA], a.PositionAt[m.PositionB]),
                [m.PositionA, m.OperatorA, m.PositionB, m.OperatorB, Math.Round(m.DistanceM, 1), m.LimitM, m.Urban, m.UnitCode])));
    }

    public static FeatureTable BuildToConvert(Dataset d)
    {
        var a = Analyse(d);
        var towers = d.Towers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        return Table(
            d,
            ToConvert,
            "Cột ăng ten cần cải tạo theo vùng quy hoạch",
            FeatureGeometryType.Point,
            [F("tower_id"), F("type"), F("height_m", FieldType.Real), F("zone_id"), F("zone_kind"), F("zone_name"), F("code"), F("max_height_m", FieldType.Real), F("unit_code")],
            a.Result.ToConvert.Select(c => new FeatureRow(
                towers[c.TowerId].Location,
                [c.TowerId, c.Type, c.HeightM, c.ZoneId, c.ZoneKind, c.ZoneName, c.Code, c.MaxHeightM, c.UnitCode])));
    }

    public static FeatureTable BuildSpacingViolations(Dataset d)
    {
        var a = Analyse(d);
        var towers = d.Towers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        return Table(
            d,
            SpacingViolations,
            "Cặp cột ăng ten gần nhau hơn khoảng cách tối thiểu",
            FeatureGeometryType.LineString,
            [F("tower_a"), F("type_a"), F("height_a", FieldType.Real), F("tower_b"), F("type_b"), F("height_b", FieldType.Real), F("distance_m", FieldType.Real), F("limit_m", FieldType.Real), F("urban", FieldType.Boolean)],
            a.Result.SpacingViolations.Select(v => new FeatureRow(
                Line(d, towers[v.TowerA].Location, towers[v.TowerB].Location),
                [v.TowerA, v.TypeA, v.HeightA, v.TowerB, v.TypeB, v.HeightB, Math.Round(v.DistanceM, 1), v.LimitM, v.Urban])));
    }

    public static FeatureTable BuildDuctCandidates(Dataset d)
    {
        var a = Analyse(d);
        var routes = d.FibreRoutes.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return Table(
            d,
            DuctCandidates,
            "Đoạn tuyến cáp có thể dùng chung cống bể",
            FeatureGeometryType.LineString,
            [F("route_id"), F("operator"), F("other_operator"), F("part", FieldType.Integer), F("from_m", FieldType.Real), F("to_m", FieldType.Real), F("length_m", FieldType.Real)],
            a.Result.Fibre.Stretches.Select(s => new FeatureRow(
                Stretch(routes[s.RouteId].Path.GetGeometryN(s.Part), s.FromM, s.ToM),
                [s.RouteId, s.Operator, s.OtherOperator, (long)s.Part, Math.Round(s.FromM, 1), Math.Round(s.ToM, 1), Math.Round(s.LengthM, 1)])));
    }

    /// <summary>The part of a line between two distances along it (metres from its start).</summary>
    public static Geometry Stretch(Geometry line, double fromM, double toM) => new LengthIndexedLine(line).ExtractLine(fromM, toM);

    private static Analysed Analyse(Dataset d) => Cache.GetValue(d, dataset => new Lazy<Analysed>(() =>
    {
        var result = SharingAnalysis.Run(dataset, AdminLevel.Commune);
        return new Analysed(result, result.Positions.ToDictionary(p => p.Id, p => p.Location, StringComparer.Ordinal));
    })).Value;

    private static LineString Line(Dataset d, Point a, Point b) =>
        GeometryFactories.For(d.Crs).CreateLineString([a.Coordinate.Copy(), b.Coordinate.Copy()]);

    private static LayerField F(string name, FieldType type = FieldType.Text) => new(name, type, FieldTitles.Field(name));

    private static FeatureTable Table(Dataset d, string layer, string title, FeatureGeometryType type, LayerField[] fields, IEnumerable<FeatureRow> rows) =>
        new(layer, title, type, d.Crs, fields, rows.ToList());

    private sealed record Analysed(SharingResult Result, IReadOnlyDictionary<string, Point> PositionAt);
}
