using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Tests.Support;

/// <summary>
/// Builds a <see cref="Dataset"/> in memory, in VN-2000 TM-3 105°30' metres, for analyses checked by hand. With
/// <see cref="WithProvince"/>: province P (600000..610000 × 2300000..2310000), rural commune C1 (x &lt; 605000) and
/// urban commune C2 (x &gt; 605000).
/// </summary>
internal sealed class TestNetwork
{
    public static readonly CrsDefinition Crs = CrsRegistry.Parse("VN2000:105.5");

    private static readonly GeometryFactory Factory = GeometryFactories.For(Crs);
    private readonly List<AdminUnit> units = [];
    private readonly List<Tower> towers = [];
    private readonly List<Bts> bts = [];
    private readonly List<Zone> zones = [];
    private readonly List<FibreRoute> routes = [];

    public static Point At(double x, double y) => Factory.CreatePoint(new Coordinate(x, y));

    public static Geometry Box(double minX, double minY, double maxX, double maxY) =>
        Factory.ToGeometry(new Envelope(minX, maxX, minY, maxY));

    public TestNetwork WithProvince()
    {
        units.Add(new AdminUnit("P", "Tỉnh Thử", AdminLevel.Province, null, null, null, null, Box(600000, 2300000, 610000, 2310000)));
        units.Add(new AdminUnit("C1", "Xã Nông Thôn", AdminLevel.Commune, "P", null, null, false, Box(600000, 2300000, 605000, 2310000)));
        units.Add(new AdminUnit("C2", "Phường Đô Thị", AdminLevel.Commune, "P", null, null, true, Box(605000, 2300000, 610000, 2310000)));
        return this;
    }

    public TestNetwork Tower(string id, double x, double y, string type, double? heightM = null, int? maxTenants = null, TowerStatus status = TowerStatus.Existing)
    {
        towers.Add(new Tower(id, At(x, y), null, type, heightM, status, maxTenants));
        return this;
    }

    /// <summary>A BTS (4G) of the operator standing on the tower, or loose at the position.</summary>
    public TestNetwork Bts(string id, string op, double x, double y, string? towerId = null, Technology tech = Technology.G4)
    {
        bts.Add(new Bts(id, op, tech, At(x, y), towerId, null, null, null, null, null, null, null));
        return this;
    }

    /// <summary>BTS of each operator on the tower (ids tower-operator).</summary>
    public TestNetwork Tenants(string towerId, params string[] operators)
    {
        var tower = towers.Single(t => t.Id == towerId);
        foreach (var op in operators)
        {
            Bts($"{towerId}-{op}", op, tower.Location.X, tower.Location.Y, towerId);
        }

        return this;
    }

    public TestNetwork Zone(string id, string kind, Geometry area, double? maxHeightM = null)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (maxHeightM is { } h)
        {
            parameters[ZoneKinds.MaxHeightParameter] = h.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        zones.Add(new Zone(id, kind, area, null, parameters));
        return this;
    }

    public TestNetwork Route(string id, string? op, CablePlacement placement, string wkt)
    {
        routes.Add(new FibreRoute(id, new WKTReader(Factory.GeometryServices).Read(wkt), op, placement, null));
        return this;
    }

    public Dataset Build(ProvinceRules? rules = null)
    {
        var layers = new HashSet<string>(StringComparer.Ordinal) { Dataset.LayerNames.Towers, Dataset.LayerNames.Bts };
        if (units.Count > 0)
        {
            layers.Add(Dataset.LayerNames.AdminUnits);
        }

        if (zones.Count > 0)
        {
            layers.Add(Dataset.LayerNames.Zones);
        }

        if (routes.Count > 0)
        {
            layers.Add(Dataset.LayerNames.FibreRoutes);
        }

        return new Dataset("Test", Crs, [.. units], [], [.. towers], [.. bts], [.. routes], [], [.. zones], layers) { Rules = rules ?? ProvinceRules.Default };
    }
}
