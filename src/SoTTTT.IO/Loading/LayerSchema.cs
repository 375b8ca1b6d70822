namespace SoTTTT.IO.Loading;

/// <summary>The columns of one layer of the dataset contract (PRODUCT.md) and how it is positioned.</summary>
internal sealed record LayerSchema(string Layer, string[] Required, string[] Optional, LayerGeometry Geometry)
{
    public IReadOnlySet<string> AllColumns { get; } = new HashSet<string>(
        Required.Concat(Optional).Concat(Geometry switch
        {
            LayerGeometry.Point => ["lon", "lat", "x", "y"],
            LayerGeometry.Shape or LayerGeometry.OptionalShape => ["wkt"],
            _ => [],
        }),
        StringComparer.Ordinal);

    public static readonly LayerSchema AdminUnits = new("admin_units", ["code", "name", "level"], ["parent_code", "area_km2", "population", "urban"], LayerGeometry.OptionalShape);
    public static readonly LayerSchema Settlements = new("settlements", ["id"], ["name", "commune_code", "population"], LayerGeometry.Point);
    public static readonly LayerSchema Towers = new("towers", ["id"], ["owner", "type", "height_m", "status", "max_tenants"], LayerGeometry.Point);
    public static readonly LayerSchema Bts = new("bts", ["id", "operator", "tech"], ["tower_id", "band_mhz", "antenna_height_m", "eirp_dbm", "azimuth_deg", "beamwidth_deg", "tilt_deg", "status", "bandwidth_mhz"], LayerGeometry.Point);
    public static readonly LayerSchema FibreRoutes = new("fibre_routes", ["id"], ["operator", "placement", "cores", "medium"], LayerGeometry.Shape);
    public static readonly LayerSchema PostalPoints = new("postal_points", ["id"], ["name", "kind", "operator", "admin_code"], LayerGeometry.Point);
    public static readonly LayerSchema Zones = new("zones", ["id", "kind"], ["name", "max_height_m"], LayerGeometry.Shape);
    public static readonly LayerSchema Measurements = new("measurements", ["id", "operator", "tech", "level_dbm"], ["source", "date"], LayerGeometry.Point);
    public static readonly LayerSchema PublicSites = new("public_sites", ["id", "kind"], ["name", "commune_code", "level"], LayerGeometry.Point);
    public static readonly LayerSchema Subscribers = new("subscribers", ["unit_code", "service", "count"], ["operator", "date"], LayerGeometry.None);
    public static readonly LayerSchema Nodes = new("nodes", ["id", "kind"], ["operator", "name"], LayerGeometry.Point);

    /// <summary>The layers of a dataset, in load order.</summary>
    public static readonly IReadOnlyList<LayerSchema> InputLayers = [AdminUnits, Settlements, Towers, Bts, FibreRoutes, PostalPoints, Zones, Measurements, PublicSites, Subscribers, Nodes];

    public static readonly LayerSchema Applications = new("applications", ["id", "operator", "type", "height_m"], ["tech", "band_mhz", "shares_tower_id"], LayerGeometry.Point);
}
