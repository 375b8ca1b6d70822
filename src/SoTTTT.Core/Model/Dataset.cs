using SoTTTT.Core.Crs;
using SoTTTT.Core.Rules;

namespace SoTTTT.Core.Model;

/// <summary>
/// A province's (or the nation's) infrastructure model: every layer of the dataset contract, all
/// geometries in one metric analysis CRS (<see cref="Crs"/>). Absent layers are empty lists and are
/// missing from <see cref="Layers"/>, so an analysis can say which file it needs.
/// </summary>
public sealed record Dataset(
    string Name,
    CrsDefinition Crs,
    IReadOnlyList<AdminUnit> AdminUnits,
    IReadOnlyList<Settlement> Settlements,
    IReadOnlyList<Tower> Towers,
    IReadOnlyList<Bts> Bts,
    IReadOnlyList<FibreRoute> FibreRoutes,
    IReadOnlyList<PostalPoint> PostalPoints,
    IReadOnlyList<Zone> Zones,
    IReadOnlySet<string> Layers)
{
    private AdminHierarchy? hierarchy;

    /// <summary>The province rules in force (rules.json, else the documented defaults).</summary>
    public ProvinceRules Rules { get; init; } = ProvinceRules.Default;

    /// <summary>Measured levels (<c>measurements.csv</c>), kept apart from the network layers; empty when absent.</summary>
    public IReadOnlyList<Measurement> Measurements { get; init; } = [];

    /// <summary>Copper cable routes (<c>fibre_routes.csv</c> rows of <c>medium=copper</c>), kept apart from <see cref="FibreRoutes"/> so no fibre figure counts them; empty when absent.</summary>
    public IReadOnlyList<FibreRoute> CopperRoutes { get; init; } = [];

    /// <summary>Subscriber counts (<c>subscribers.csv</c>); empty when absent.</summary>
    public IReadOnlyList<SubscriberCount> Subscribers { get; init; } = [];

    /// <summary>Network nodes (<c>nodes.csv</c>): exchanges, switching points, DSLAMs, OLTs, cabinets; empty when absent.</summary>
    public IReadOnlyList<NetworkNode> Nodes { get; init; } = [];

    /// <summary>The snapshot date (dataset.json <c>date</c>: <c>yyyy</c>, <c>yyyy-mm</c> or <c>yyyy-mm-dd</c>); null when not given.</summary>
    public string? Date { get; init; }

    /// <summary>Public sites (<c>public_sites.csv</c>): commune offices, schools, clinics, radio stations …; empty when absent.</summary>
    public IReadOnlyList<PublicSite> PublicSites { get; init; } = [];

    /// <summary>
    /// The terrain (dataset.json <c>dem</c>, a GeoTIFF in WGS84 or VN-2000) coverage predicts over; null when the dataset
    /// names none.
    /// </summary>
    public Terrain.ElevationGrid? Dem { get; init; }

    /// <summary>The file the <see cref="Dem"/> came from, as dataset.json names it; null without one.</summary>
    public string? DemSource { get; init; }

    /// <summary>The admin tree (province → district (optional) → commune), built on first use.</summary>
    public AdminHierarchy Hierarchy => hierarchy ??= new AdminHierarchy(AdminUnits);

    /// <summary>Layer names as in the dataset contract (the file name without extension).</summary>
    public static class LayerNames
    {
        public const string AdminUnits = "admin_units";
        public const string Settlements = "settlements";
        public const string Towers = "towers";
        public const string Bts = "bts";
        public const string FibreRoutes = "fibre_routes";
        public const string PostalPoints = "postal_points";
        public const string Zones = "zones";
        public const string Applications = "applications";
        public const string Measurements = "measurements";
        public const string PublicSites = "public_sites";
        public const string Subscribers = "subscribers";
        public const string Nodes = "nodes";
    }
}
