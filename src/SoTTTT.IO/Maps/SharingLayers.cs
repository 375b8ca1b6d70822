using NetTopologySuite.LinearReferencing;
using SoTTTT.Core.Model;
using SoTTTT.Core.Sharing;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Maps;

/// <summary>
/// Map layers of the sharing analysis: <c>tower_positions</c> (from <see cref="BtsPositionGrouping"/>),
/// <c>missed_sharing</c> (a line between the two positions of each pair), <c>shared_ducts</c> (the stretch of the route
/// inside the other operator's duct corridor) and <c>towers_to_convert</c>. Geometries in the analysis CRS; distances
/// in metres rounded to 0.1 m.
/// </summary>
public static class SharingLayers
{
    public const string Positions = "tower_positions";

    public const string Missed = "missed_sharing";

    public const string Ducts = "shared_ducts";

    public const string ToConvert = "towers_to_convert";

    public static IReadOnlyList<TowerPosition> PositionsOf(Dataset dataset) =>
        BtsPositionGrouping.Positions(dataset.Bts, dataset.Towers, dataset.Rules.CoLocationM, GeometryFactories.For(dataset.Crs));

    public static FeatureTable PositionTable(Dataset dataset, IReadOnlyList<TowerPosition> positions) => new(
        Positions,
        "Vị trí cột ăng ten",
        FeatureGeometryType.Point,
        dataset.Crs,
        [
            new("id", FieldType.Text, "Vị trí"), new("shared", FieldType.Boolean, "Dùng chung"), new("tenants", FieldType.Integer, "Số doanh nghiệp"),
            new("operators", FieldType.Text, "Doanh nghiệp"), new("bts", FieldType.Integer, "Số BTS"), new("type", FieldType.Text, "Loại cột"),
            new("inferred", FieldType.Boolean, "Suy ra từ BTS"),
        ],
        positions
            .Where(p => p.BtsIndices.Count > 0)
            .Select(p => new FeatureRow(p.Location, [p.Id, p.Shared, (long)p.Operators.Count, string.Join(", ", p.Operators), (long)p.BtsIndices.Count, p.Tower?.Type, p.Inferred]))
            .ToList());

    public static FeatureTable MissedTable(Dataset dataset, SharingResult result, IReadOnlyList<TowerPosition> positions)
    {
        var factory = GeometryFactories.For(dataset.Crs);
        var at = positions.ToDictionary(p => p.Id, p => p.Location.Coordinate, StringComparer.Ordinal);
        return new(
            Missed,
            "Cặp vị trí lẽ ra dùng chung",
            FeatureGeometryType.LineString,
            dataset.Crs,
            [
                new("position_a", FieldType.Text, "Vị trí A"), new("operator_a", FieldType.Text, "Doanh nghiệp A"), new("position_b", FieldType.Text, "Vị trí B"),
                new("operator_b", FieldType.Text, "Doanh nghiệp B"), new("distance_m", FieldType.Real, "Khoảng cách (m)"), new("limit_m", FieldType.Real, "Ngưỡng (m)"),
                new("urban", FieldType.Boolean, "Đô thị"),
            ],
            result.MissedSharing
                .Where(m => at.ContainsKey(m.PositionA) && at.ContainsKey(m.PositionB))
                .Select(m => new FeatureRow(
                    factory.CreateLineString([at[m.PositionA].Copy(), at[m.PositionB].Copy()]),
                    [m.PositionA, m.OperatorA, m.PositionB, m.OperatorB, Round(m.DistanceM), m.LimitM, m.Urban]))
                .ToList());
    }

    public static FeatureTable DuctTable(Dataset dataset, SharingResult result)
    {
        var routes = dataset.FibreRoutes.ToDictionary(r => r.Id, r => r.Path, StringComparer.Ordinal);
        var rows = new List<FeatureRow>();
        foreach (var s in result.Fibre.Stretches)
        {
            if (!routes.TryGetValue(s.RouteId, out var path) || s.Part >= path.NumGeometries)
            {
                continue;
            }

            var part = path.GetGeometryN(s.Part);
            var stretch = new LengthIndexedLine(part).ExtractLine(s.FromM, s.ToM);
            rows.Add(new FeatureRow(stretch, [s.RouteId, s.Operator, s.OtherOperator, Round(s.LengthM)]));
        }

        return new(
            Ducts,
            "Đoạn tuyến có thể dùng chung cống bể",
            FeatureGeometryType.LineString,
            dataset.Crs,
            [new("route_id", FieldType.Text, "Tuyến"), new("operator", FieldType.Text, "Doanh nghiệp"), new("other_operator", FieldType.Text, "Đi chung với"), new("length_m", FieldType.Real, "Chiều dài (m)")],
            rows);
    }

    public static FeatureTable ConvertTable(Dataset dataset, SharingResult result)
    {
        var towers = dataset.Towers.ToDictionary(t => t.Id, t => t.Location, StringComparer.Ordinal);
        return new(
            ToConvert,
            "Cột phải chuyển đổi",
            FeatureGeometryType.Point,
            dataset.Crs,
            [
                new("tower_id", FieldType.Text, "Cột"), new("type", FieldType.Text, "Loại cột"), new("height_m", FieldType.Real, "Chiều cao (m)"),
                new("zone_id", FieldType.Text, "Vùng"), new("zone_kind", FieldType.Text, "Loại vùng"), new("code", FieldType.Text, "Lý do"),
            ],
            result.ToConvert
                .Where(t => towers.ContainsKey(t.TowerId))
                .Select(t => new FeatureRow(towers[t.TowerId], [t.TowerId, t.Type, t.HeightM, t.ZoneId, t.ZoneKind, t.Code]))
                .ToList());
    }

    private static double Round(double metres) => Math.Round(metres, 1, MidpointRounding.AwayFromZero);
}
