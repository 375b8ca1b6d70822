using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>Builds the model record of each layer from one row; a row with any problem yields null.</summary>
internal sealed class LayerBuilders(PositionResolver positions, ProvinceRules rules)
{
    private static readonly string OperatorList = string.Join(", ", Codes.Operators.Select(o => o.Name));
    private static readonly string NetworkOperatorList = string.Join(", ", Codes.Operators.Concat(Codes.FixedOperators).Select(o => o.Name));
    private static readonly string PostalKindList = string.Join(", ", Codes.PostalKinds.Select(k => k.Key));
    private static readonly string PublicSiteKindList = string.Join(", ", Codes.PublicSiteKinds.Select(k => k.Key)) + " (or Vietnamese: trụ sở UBND xã, trường học, trạm y tế, điểm BĐ-VHX, đài truyền thanh, khác)";
    private static readonly string SchoolLevelList = string.Join(", ", Codes.SchoolLevels.Select(k => k.Key)) + " (or Vietnamese: mầm non, tiểu học, THCS, THPT, liên cấp)";
    private static readonly string SubscriberServiceList = string.Join(", ", Codes.SubscriberServices.Select(k => k.Key)) + " (or Vietnamese: điện thoại cố định, di động, băng rộng di động, băng rộng cố định, truyền hình trả tiền)";
    private static readonly string NodeKindList = string.Join(", ", Codes.NodeKinds.Select(k => k.Key)) + " (or Vietnamese: tổng đài, điểm chuyển mạch, tủ cáp)";
    private static readonly string ZoneKindList = string.Join(", ", ZoneKinds.All);
    private readonly Dictionary<string, string> towerClassByFold = rules.TowerClasses.ToDictionary(c => Codes.Fold(c.Name), c => c.Name, StringComparer.Ordinal);

    public AdminUnit? AdminUnit(RowContext c, RawTable t)
    {
        var code = c.Text("code", required: true);
        c.Id = code;
        var name = c.Text("name", required: true);
        var level = c.Code<AdminLevel>("level", Codes.TryParseLevel, ProblemCodes.UnknownLevel, "province, district, commune (or Vietnamese: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn)", required: true);

        // "Thành phố" is a province (centrally-run city) or a district-level city: the one with a parent is the latter.
        if (level == AdminLevel.Province && c.Text("parent_code") is not null && Codes.Fold(c.Text("level")!) == "thanhpho")
        {
            level = AdminLevel.District;
        }
        var area = c.Number("area_km2", min: 0, max: PlausibleRanges.MaxAreaKm2);
        var population = c.Integer("population", min: 0, max: PlausibleRanges.MaxPopulation);
        var urban = c.Code<bool>("urban", Codes.TryParseBool, ProblemCodes.UnknownValue, "true, false");
        var boundary = positions.ReadShape(c, t, required: false, "Polygon", "MultiPolygon");
        return c.HasProblems ? null : new AdminUnit(code!, name!, level!.Value, c.Text("parent_code"), area, population, urban, boundary);
    }

    public Settlement? Settlement(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var population = c.Integer("population", min: 0, max: PlausibleRanges.MaxPopulation);
        var location = positions.ReadPoint(c, t);
        return c.HasProblems ? null : new Settlement(id!, location!, c.Text("name"), c.Text("commune_code"), population);
    }

    public Tower? Tower(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var type = TowerType(c, "type", required: false);
        var height = c.Number("height_m", min: 0, max: 500);
        var status = c.Code<TowerStatus>("status", Codes.TryParseTowerStatus, ProblemCodes.UnknownValue, "existing, planned, proposed, decommissioned (or Vietnamese: hiện có, đang hoạt động, quy hoạch, đề xuất, ngừng hoạt động, đã tháo dỡ); other codes such as 1/0 can be mapped on import: --map status=1:existing,0:decommissioned");
        var tenants = c.Integer("max_tenants", min: 1, max: 20);
        var location = positions.ReadPoint(c, t);
        return c.HasProblems
            ? null
            : new Tower(id!, location!, c.Text("owner"), type, height, status ?? TowerStatus.Existing, (int?)tenants);
    }

    public Bts? Bts(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var op = Operator(c, required: true);
        var tech = c.Code<Technology>("tech", Codes.TryParseTechnology, ProblemCodes.UnknownTech, "2G, 3G, 4G, 5G", required: true);
        var band = c.Number("band_mhz", min: 30, max: 100_000);
        var antennaHeight = c.Number("antenna_height_m", min: 0, max: 500);
        var eirp = c.Number("eirp_dbm", min: -30, max: 100);
        var azimuth = c.Number("azimuth_deg", min: 0, max: 360);
        var beamwidth = c.Number("beamwidth_deg", min: 1, max: 360);
        var tilt = c.Number("tilt_deg", min: -90, max: 90);
        var bandwidth = Bandwidth(c, tech);
        var location = positions.ReadPoint(c, t);
        return c.HasProblems
            ? null
            : new Bts(id!, op!, tech!.Value, location!, c.Text("tower_id"), band, antennaHeight, eirp, azimuth, beamwidth, tilt, c.Text("status")) { BandwidthMHz = bandwidth };
    }

    /// <summary>
    /// <c>bandwidth_mhz</c> of a 4G/5G row: a channel bandwidth of the 3GPP tables the reference-signal level is computed
    /// with (LTE TS 36.101 Table 5.6-1; NR TS 38.101-1 Table 5.3.2-1 at the rules' subcarrier spacing). Ignored for 2G/3G.
    /// </summary>
    private double? Bandwidth(RowContext c, Technology? tech)
    {
        var bandwidth = c.Number("bandwidth_mhz", min: 1, max: 400);
        if (bandwidth is not { } bw || tech is not { } t || t is Technology.G2 or Technology.G3)
        {
            return bandwidth;
        }

        if (t == Technology.G4 && Core.Coverage.ReferenceSignal.LteResourceBlocks(bw) is null)
        {
            c.Problem(ProblemCodes.ValueOutOfRange, $"{bw.ToString(System.Globalization.CultureInfo.InvariantCulture)} MHz is not an LTE channel bandwidth (1.4, 3, 5, 10, 15, 20; 3GPP TS 36.101)", "bandwidth_mhz");
        }
        else if (t == Technology.G5 && rules.Coverage.G5.SubcarrierSpacingKHz is { } scs && Core.Coverage.ReferenceSignal.NrResourceBlocks(bw, scs) is null)
        {
            c.Problem(ProblemCodes.ValueOutOfRange, $"{bw.ToString(System.Globalization.CultureInfo.InvariantCulture)} MHz is not an NR channel bandwidth at {scs.ToString(System.Globalization.CultureInfo.InvariantCulture)} kHz subcarrier spacing (3GPP TS 38.101-1 Table 5.3.2-1)", "bandwidth_mhz");
        }

        return bandwidth;
    }

    public Measurement? Measurement(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var op = Operator(c, required: true);
        var tech = c.Code<Technology>("tech", Codes.TryParseTechnology, ProblemCodes.UnknownTech, "2G, 3G, 4G, 5G", required: true);
        var level = c.Number("level_dbm", required: true, min: -160, max: 0);
        var location = positions.ReadPoint(c, t);
        return c.HasProblems ? null : new Measurement(id!, op!, tech!.Value, level!.Value, location!, c.Text("source"), c.Text("date"));
    }

    public FibreRoute? FibreRoute(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var op = Operator(c, required: false, fixedNetwork: true);
        var placement = c.Code<CablePlacement>("placement", Codes.TryParsePlacement, ProblemCodes.UnknownValue, "aerial, underground");
        var cores = c.Integer("cores", min: 1, max: 10_000);
        var medium = c.Code<CableMedium>("medium", Codes.TryParseMedium, ProblemCodes.UnknownValue, "fibre, copper (or Vietnamese: cáp quang, cáp đồng)");
        var path = positions.ReadShape(c, t, required: true, "LineString", "MultiLineString");
        return c.HasProblems ? null : new FibreRoute(id!, path!, op, placement, (int?)cores) { Medium = medium ?? CableMedium.Fibre };
    }

    public PostalPoint? PostalPoint(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var op = c.Text("operator");
        // The kinds are VNPost's network (DOMAIN.md); another operator's point of its own kind (a Viettel Post counter, a
        // parcel locker) still serves and counts, as kind other. VNPost's own or unnamed points keep the check for typos.
        var otherOperator = op is not null && Codes.PostalOperator(op) != "VNPost";
        var kind = otherOperator && c.Text("kind") is { } text && !Codes.TryParsePostalKind(text, out _)
            ? PostalKind.Other
            : c.Code<PostalKind>("kind", Codes.TryParsePostalKind, ProblemCodes.UnknownPostalKind, PostalKindList);
        var location = positions.ReadPoint(c, t);
        return c.HasProblems ? null : new PostalPoint(id!, location!, c.Text("name"), kind, op, c.Text("admin_code"));
    }

    public PublicSite? PublicSite(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var kind = c.Code<PublicSiteKind>("kind", Codes.TryParsePublicSiteKind, ProblemCodes.UnknownValue, PublicSiteKindList, required: true);
        var level = c.Code<SchoolLevel>("level", Codes.TryParseSchoolLevel, ProblemCodes.UnknownValue, SchoolLevelList);
        var location = positions.ReadPoint(c, t);
        return c.HasProblems ? null : new PublicSite(id!, location!, kind!.Value, c.Text("name"), c.Text("commune_code"), level);
    }

    /// <summary>
    /// A subscriber count: a known operator's spelling is normalised, any other name kept as written (pay-TV and
    /// Internet providers are many); the count is a whole number written without separators, since "950.000" (the
    /// Vietnamese thousands point) would otherwise read as 950.
    /// </summary>
    public static SubscriberCount? Subscriber(RowContext c, RawTable t)
    {
        var unit = c.Text("unit_code", required: true);
        c.Id = unit;
        var service = c.Code<SubscriberService>("service", Codes.TryParseSubscriberService, ProblemCodes.UnknownValue, SubscriberServiceList, required: true);
        long? count = null;
        if (c.Text("count") is { } text && (text.Contains('.', StringComparison.Ordinal) || text.Contains(',', StringComparison.Ordinal)))
        {
            c.Problem(ProblemCodes.UnparsableNumber, $"'{text}': write a count as a whole number without separators (950000, not 950.000 or 950,000)", "count");
        }
        else
        {
            count = c.Integer("count", required: true, min: 0, max: 10_000_000_000);
        }

        var date = Date(c, "date");
        var op = c.Text("operator") is { } name ? Codes.TryParseNetworkOperator(name, out var known) ? known : name.Trim() : null;
        return c.HasProblems ? null : new SubscriberCount(unit!, op, service!.Value, count!.Value, date);
    }

    public NetworkNode? Node(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var kind = c.Code<NodeKind>("kind", Codes.TryParseNodeKind, ProblemCodes.UnknownValue, NodeKindList, required: true);
        var op = Operator(c, required: false, fixedNetwork: true);
        var location = positions.ReadPoint(c, t);
        return c.HasProblems ? null : new NetworkNode(id!, location!, kind!.Value, op, c.Text("name"));
    }

    /// <summary>A date as <c>yyyy</c>, <c>yyyy-mm</c> or <c>yyyy-mm-dd</c> (ISO 8601), returned as written; else <c>UNKNOWN_VALUE</c>.</summary>
    internal static string? Date(RowContext c, string column)
    {
        var text = c.Text(column);
        if (text is null)
        {
            return null;
        }

        if (DateText.IsValid(text))
        {
            return text.Trim();
        }

        c.Problem(ProblemCodes.UnknownValue, $"'{text}' is not a date; write yyyy, yyyy-mm or yyyy-mm-dd (e.g. 2024-12-31)", column);
        return null;
    }

    public Zone? Zone(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var kind = ZoneKind(c);
        if (kind == ZoneKinds.HeightLimit)
        {
            _ = c.Number(ZoneKinds.MaxHeightParameter, required: true, min: 0, max: 1000);
        }

        var area = positions.ReadShape(c, t, required: true, "Polygon", "MultiPolygon");
        var parameters = c.Row.NonBlankCells()
            .Where(kv => kv.Key is not ("id" or "kind" or "name" or "wkt"))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return c.HasProblems ? null : new Zone(id!, kind!, area!, c.Text("name"), parameters);
    }

    public TowerApplication? Application(RowContext c, RawTable t)
    {
        var id = c.Text("id", required: true);
        c.Id = id;
        var op = Operator(c, required: true);
        var type = TowerType(c, "type", required: true);
        var height = c.Number("height_m", required: true, min: 0, max: 500);
        var tech = c.Code<Technology>("tech", Codes.TryParseTechnology, ProblemCodes.UnknownTech, "2G, 3G, 4G, 5G");
        var band = c.Number("band_mhz", min: 30, max: 100_000);
        var location = positions.ReadPoint(c, t);
        return c.HasProblems
            ? null
            : new TowerApplication(id!, op!, location!, type!, height!.Value, tech, band, c.Text("shares_tower_id"));
    }

    private static string? Operator(RowContext c, bool required, bool fixedNetwork = false)
    {
        var text = c.Text("operator", required);
        if (text is null)
        {
            return null;
        }

        if (fixedNetwork ? Codes.TryParseNetworkOperator(text, out var name) : Codes.TryParseOperator(text, out name))
        {
            return name;
        }

        var known = fixedNetwork ? NetworkOperatorList : OperatorList;
        c.Problem(ProblemCodes.UnknownOperator, $"unknown operator '{text}'; known: {known}", "operator");
        return null;
    }

    private string? TowerType(RowContext c, string column, bool required)
    {
        var text = c.Text(column, required);
        if (text is null)
        {
            return null;
        }

        if (towerClassByFold.TryGetValue(Codes.Fold(text), out var canonical))
        {
            return canonical;
        }

        c.Problem(ProblemCodes.UnknownTowerType, $"unknown tower class '{text}'; the province rules list {string.Join(", ", rules.TowerClasses.Select(k => k.Name))}", column);
        return null;
    }

    private static string? ZoneKind(RowContext c)
    {
        var text = c.Text("kind", required: true);
        if (text is null)
        {
            return null;
        }

        var folded = Codes.Fold(text);
        foreach (var kind in ZoneKinds.All)
        {
            if (Codes.Fold(kind) == folded)
            {
                return kind;
            }
        }

        c.Problem(ProblemCodes.UnknownValue, $"unknown zone kind '{text}'; accepted: {ZoneKindList}", "kind");
        return null;
    }
}
