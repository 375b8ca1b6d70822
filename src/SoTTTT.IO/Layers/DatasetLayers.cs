using System.Globalization;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.IO.Layers;

/// <summary>
/// The input layers of a dataset as <see cref="FeatureTable"/>s, one per layer in <see cref="Dataset.Layers"/>, with
/// the columns of the dataset folder's CSV files (so every source reads back through the same column mapping) and
/// geometries in the dataset's analysis CRS. Zone parameters become one text column each.
/// </summary>
public static class DatasetLayers
{
    /// <summary>One source per input layer, in contract order.</summary>
    public static IReadOnlyList<ILayerSource> Sources { get; } =
    [
        Source(Dataset.LayerNames.AdminUnits, AdminUnits),
        Source(Dataset.LayerNames.Settlements, Settlements),
        Source(Dataset.LayerNames.Towers, Towers),
        Source(Dataset.LayerNames.Bts, Bts),
        Source(Dataset.LayerNames.FibreRoutes, FibreRoutes),
        Source(Dataset.LayerNames.PostalPoints, PostalPoints),
        Source(Dataset.LayerNames.Zones, Zones),
        Source(Dataset.LayerNames.PublicSites, PublicSites),
        Source(Dataset.LayerNames.Nodes, Nodes),
        Source(Dataset.LayerNames.Subscribers, Subscribers),
    ];

    /// <summary>Every input layer the dataset has.</summary>
    public static IReadOnlyList<FeatureTable> All(Dataset dataset) =>
        Sources.Where(s => s.AppliesTo(dataset)).Select(s => s.Build(dataset)).ToList();

    public static FeatureTable AdminUnits(Dataset d) => Table(
        d,
        Dataset.LayerNames.AdminUnits,
        FeatureTable.CommonType(d.AdminUnits.Select(u => u.Boundary), FeatureGeometryType.MultiPolygon),
        [F("code"), F("name"), F("level"), F("parent_code"), F("area_km2", FieldType.Real), F("population", FieldType.Integer), F("urban", FieldType.Boolean)],
        d.AdminUnits.Select(u => new FeatureRow(u.Boundary, [u.Code, u.Name, Codes.Key(u.Level), u.ParentCode, u.AreaKm2, u.Population, u.Urban])));

    public static FeatureTable Settlements(Dataset d) => Table(
        d,
        Dataset.LayerNames.Settlements,
        FeatureGeometryType.Point,
        [F("id"), F("name"), F("commune_code"), F("population", FieldType.Integer)],
        d.Settlements.Select(s => new FeatureRow(s.Location, [s.Id, s.Name, s.CommuneCode, s.Population])));

    public static FeatureTable Towers(Dataset d) => Table(
        d,
        Dataset.LayerNames.Towers,
        FeatureGeometryType.Point,
        [F("id"), F("owner"), F("type"), F("height_m", FieldType.Real), F("status"), F("max_tenants", FieldType.Integer)],
        d.Towers.Select(t => new FeatureRow(t.Location, [t.Id, t.Owner, t.Type, t.HeightM, Codes.Key(t.Status), (long?)t.MaxTenants])));

    public static FeatureTable Bts(Dataset d) => Table(
        d,
        Dataset.LayerNames.Bts,
        FeatureGeometryType.Point,
        [
            F("id"), F("operator"), F("tech"), F("tower_id"), F("band_mhz", FieldType.Real), F("antenna_height_m", FieldType.Real),
            F("eirp_dbm", FieldType.Real), F("azimuth_deg", FieldType.Real), F("beamwidth_deg", FieldType.Real), F("tilt_deg", FieldType.Real), F("status"), F("bandwidth_mhz", FieldType.Real),
        ],
        d.Bts.Select(b => new FeatureRow(b.Location, [b.Id, b.Operator, Codes.Label(b.Tech), b.TowerId, b.BandMHz, b.AntennaHeightM, b.EirpDbm, b.AzimuthDeg, b.BeamwidthDeg, b.TiltDeg, b.Status, b.BandwidthMHz])));

    /// <summary>Fibre and copper routes in one layer, as <c>fibre_routes.csv</c> holds them (<c>medium</c>).</summary>
    public static FeatureTable FibreRoutes(Dataset d) => Table(
        d,
        Dataset.LayerNames.FibreRoutes,
        FeatureTable.CommonType(d.FibreRoutes.Concat(d.CopperRoutes).Select(f => f.Path), FeatureGeometryType.MultiLineString),
        [F("id"), F("operator"), F("placement"), F("cores", FieldType.Integer), F("medium")],
        d.FibreRoutes.Concat(d.CopperRoutes).Select(f => new FeatureRow(f.Path, [f.Id, f.Operator, f.Placement is { } p ? Codes.Key(p) : null, (long?)f.Cores, Codes.Key(f.Medium)])));

    public static FeatureTable PostalPoints(Dataset d) => Table(
        d,
        Dataset.LayerNames.PostalPoints,
        FeatureGeometryType.Point,
        [F("id"), F("name"), F("kind"), F("operator"), F("admin_code")],
        d.PostalPoints.Select(p => new FeatureRow(p.Location, [p.Id, p.Name, p.Kind is { } k ? Codes.Key(k) : null, p.Operator, p.AdminCode])));

    public static FeatureTable PublicSites(Dataset d) => Table(
        d,
        Dataset.LayerNames.PublicSites,
        FeatureGeometryType.Point,
        [F("id"), F("kind"), F("level"), F("name"), F("commune_code")],
        d.PublicSites.Select(p => new FeatureRow(p.Location, [p.Id, Codes.Key(p.Kind), p.Level is { } l ? Codes.Key(l) : null, p.Name, p.CommuneCode])));

    public static FeatureTable Nodes(Dataset d) => Table(
        d,
        Dataset.LayerNames.Nodes,
        FeatureGeometryType.Point,
        [F("id"), F("kind"), F("operator"), F("name")],
        d.Nodes.Select(n => new FeatureRow(n.Location, [n.Id, Codes.Key(n.Kind), n.Operator, n.Name])));

    /// <summary>Subscriber counts: an attribute table (no geometry).</summary>
    public static FeatureTable Subscribers(Dataset d) => new(
        Dataset.LayerNames.Subscribers,
        FieldTitles.Layer(Dataset.LayerNames.Subscribers),
        FeatureGeometryType.None,
        null,
        [F("unit_code"), F("operator"), F("service"), F("count", FieldType.Integer), F("date")],
        d.Subscribers.Select(s => new FeatureRow(null, [s.UnitCode, s.Operator, Codes.Key(s.Service), s.Count, s.Date])).ToList());

    public static FeatureTable Zones(Dataset d)
    {
        var parameters = d.Zones.SelectMany(z => z.Parameters.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return Table(
            d,
            Dataset.LayerNames.Zones,
            FeatureTable.CommonType(d.Zones.Select(z => z.Area), FeatureGeometryType.MultiPolygon),
            [F("id"), F("kind"), F("name"), .. parameters.Select(p => F(p))],
            d.Zones.Select(z => new FeatureRow(z.Area, [z.Id, z.Kind, z.Name, .. parameters.Select(p => (object?)z.Parameters.GetValueOrDefault(p))])));
    }

    private static ILayerSource Source(string layer, Func<Dataset, FeatureTable> build) =>
        new LayerSource(layer, d => d.Layers.Contains(layer), build);

    private static LayerField F(string name, FieldType type = FieldType.Text) => new(name, type, FieldTitles.Field(name));

    private static FeatureTable Table(Dataset d, string layer, FeatureGeometryType type, LayerField[] fields, IEnumerable<FeatureRow> rows) =>
        new(layer, FieldTitles.Layer(layer), type, d.Crs, fields, rows.ToList());

    /// <summary>A value as invariant text (full round-trip precision for reals), as the loader reads cells; null stays null.</summary>
    public static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        double v => v.ToString("R", CultureInfo.InvariantCulture),
        float v => v.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Geometry => throw new ArgumentException("geometries are not cell values", nameof(value)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
