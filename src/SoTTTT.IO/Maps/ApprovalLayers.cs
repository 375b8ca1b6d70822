using SoTTTT.Core.Approval;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Maps;

/// <summary>
/// Map layers of the approval analysis: <c>applications</c> (each valid application at its site with its verdict key
/// and failed check codes) and <c>approval_evidence</c> (a line from the site to each evidence item that has a position,
/// flagged when its check failed). Geometries in the analysis CRS.
/// </summary>
public static class ApprovalLayers
{
    public const string Applications = "applications";

    public const string Evidence = "approval_evidence";

    public static FeatureTable ApplicationTable(Dataset dataset, IReadOnlyList<ApplicationVerdict> verdicts) => new(
        Applications,
        "Hồ sơ xin cấp phép",
        FeatureGeometryType.Point,
        dataset.Crs,
        [
            new("id", FieldType.Text, "Hồ sơ"), new("operator", FieldType.Text, "Doanh nghiệp"), new("type", FieldType.Text, "Loại cột"),
            new("height_m", FieldType.Real, "Chiều cao (m)"), new("verdict", FieldType.Text, "Kết quả"), new("failed", FieldType.Text, "Điều kiện không đạt"),
            new("tower_id", FieldType.Text, "Cột"), new("unit_name", FieldType.Text, "Địa bàn"),
        ],
        verdicts
            .Where(v => v.Application is not null)
            .Select(v => new FeatureRow(v.Site, [v.Application!.Id, v.Application.Operator, v.Application.Type, v.Application.HeightM, VerdictKeys.Key(v.Verdict), string.Join(", ", v.Failed), v.TowerId, v.UnitName]))
            .ToList());

    public static FeatureTable EvidenceTable(Dataset dataset, IReadOnlyList<ApplicationVerdict> verdicts)
    {
        var factory = GeometryFactories.For(dataset.Crs);
        var rows = new List<FeatureRow>();
        foreach (var v in verdicts.Where(v => v.Application is not null))
        {
            var site = v.Site!.Coordinate;
            foreach (var check in v.Checks)
            {
                foreach (var e in check.Evidence.Where(e => e.X is not null && e.Y is not null))
                {
                    var line = factory.CreateLineString([site.Copy(), new NetTopologySuite.Geometries.Coordinate(e.X!.Value, e.Y!.Value)]);
                    rows.Add(new FeatureRow(line, [v.Application!.Id, check.Code, e.Kind, e.Id, e.DistanceM is { } d ? Math.Round(d, 1) : null, e.LimitM, check.Failed]));
                }
            }
        }

        return new(
            Evidence,
            "Căn cứ thẩm định",
            FeatureGeometryType.LineString,
            dataset.Crs,
            [
                new("application_id", FieldType.Text, "Hồ sơ"), new("check", FieldType.Text, "Điều kiện"), new("kind", FieldType.Text, "Đối tượng"),
                new("item_id", FieldType.Text, "Mã"), new("distance_m", FieldType.Real, "Khoảng cách (m)"), new("limit_m", FieldType.Real, "Giới hạn (m)"),
                new("failed", FieldType.Boolean, "Không đạt"),
            ],
            rows);
    }
}
