using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;
using SoTTTT.Core.Postal;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Maps;

/// <summary>
/// Map layers of <see cref="PostalAccessAnalysis"/>: <c>postal_access</c> (settlement points with
/// <c>distance_km</c> to the nearest point, rounded to 10 m) and <c>postal_access_links</c> (settlement → point lines).
/// Geometries in the dataset's analysis CRS.
/// </summary>
public static class PostalAccessLayers
{
    public const string Access = "postal_access";

    public const string Links = "postal_access_links";

    public static FeatureTable Points(Dataset dataset, IReadOnlyList<PostalAccess> access) => new(
        Access,
        "Khoảng cách tới điểm bưu chính",
        FeatureGeometryType.Point,
        dataset.Crs,
        [
            new("id", FieldType.Text, "Mã"), new("name", FieldType.Text, "Tên"), new("commune_code", FieldType.Text, "Mã xã"),
            new("population", FieldType.Integer, "Dân số"), new("distance_km", FieldType.Real, "Khoảng cách (km)"),
            new("postal_point_id", FieldType.Text, "Mã điểm bưu chính"), new("postal_point_name", FieldType.Text, "Điểm bưu chính"),
        ],
        access.Select(a =>
        {
            var s = dataset.Settlements[a.SettlementIndex];
            var p = dataset.PostalPoints[a.PostalPointIndex];
            return new FeatureRow(s.Location, [s.Id, s.Name, s.CommuneCode, s.Population, Km(a.DistanceM), p.Id, p.Name]);
        }).ToList());

    public static FeatureTable Lines(Dataset dataset, IReadOnlyList<PostalAccess> access)
    {
        var factory = GeometryFactories.For(dataset.Crs);
        return new(
            Links,
            "Thôn tới điểm bưu chính gần nhất",
            FeatureGeometryType.LineString,
            dataset.Crs,
            [new("settlement_id", FieldType.Text, "Mã thôn"), new("postal_point_id", FieldType.Text, "Mã điểm bưu chính"), new("distance_km", FieldType.Real, "Khoảng cách (km)")],
            access.Select(a =>
            {
                var s = dataset.Settlements[a.SettlementIndex];
                var p = dataset.PostalPoints[a.PostalPointIndex];
                Geometry line = factory.CreateLineString([s.Location.Coordinate.Copy(), p.Location.Coordinate.Copy()]);
                return new FeatureRow(line, [s.Id, p.Id, Km(a.DistanceM)]);
            }).ToList());
    }

    private static double Km(double metres) => Math.Round(metres / 1000, 2, MidpointRounding.AwayFromZero);
}
