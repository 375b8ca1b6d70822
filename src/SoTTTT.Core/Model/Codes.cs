using SoTTTT.Core.Crs;

namespace SoTTTT.Core.Model;

/// <summary>
/// The closed vocabularies of the dataset contract (operators, technologies, postal kinds, levels …)
/// with the spellings planners actually use, Vietnamese included. Matching ignores case, diacritics,
/// spaces, hyphens and underscores.
/// </summary>
public static class Codes
{
    /// <summary>Mobile operators seen in provincial reports (DOMAIN.md), canonical name first, then aliases.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Aliases)> Operators =
    [
        ("Viettel", ["viettel", "vtl"]),
        ("VNPT", ["vnpt", "vinaphone", "vnp"]),
        ("MobiFone", ["mobifone", "mobi", "vms"]),
        ("Vietnamobile", ["vietnamobile", "vnm", "htmobile"]),
        ("Gmobile", ["gmobile", "beeline"]),
        ("S-Fone", ["sfone"]),
    ];

    /// <summary>
    /// Fixed-network operators that own fibre routes besides the mobile operators (fibre_routes.csv accepts
    /// both lists); EVN's telecom network passed to Viettel in 2011 but power-line fibre is still listed as EVN.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string[] Aliases)> FixedOperators =
    [
        ("FPT Telecom", ["fpt", "fpttelecom"]),
        ("CMC Telecom", ["cmc", "cmctelecom", "cmcti"]),
        ("SCTV", ["sctv"]),
        ("VTVcab", ["vtvcab"]),
        ("EVN", ["evn", "evntelecom", "evnict"]),
        ("SPT", ["spt", "saigonpostel"]),
        ("Hanoi Telecom", ["hanoitelecom"]),
    ];

    /// <summary>Postal kinds with their canonical key (used in files and JSON) and aliases.</summary>
    public static readonly IReadOnlyList<(PostalKind Kind, string Key, string[] Aliases)> PostalKinds =
    [
        (PostalKind.PostOffice1, "post_office_1", ["postoffice1", "buucuc1", "buucuccap1", "bc1"]),
        (PostalKind.PostOffice2, "post_office_2", ["postoffice2", "buucuc2", "buucuccap2", "bc2"]),
        (PostalKind.PostOffice3, "post_office_3", ["postoffice3", "buucuc3", "buucuccap3", "bc3"]),
        (PostalKind.CommunePostCulture, "commune_post_culture", ["communepostculture", "communepostculturepoint", "bdvhx", "diembdvhx", "diembuudienvanhoaxa", "buudienvanhoaxa"]),
        (PostalKind.Agent, "agent", ["agent", "daily", "dailybuudien"]),
        (PostalKind.Kiosk, "kiosk", ["kiosk", "kiot"]),
        (PostalKind.LetterBox, "letter_box", ["letterbox", "publicletterbox", "thuthucongcong", "thungthucongcong", "hopthu"]),
        (PostalKind.Other, "other", ["other", "khac", "diemkhac", "buucuc", "diemgiaodich", "giaodich", "cuahang", "chinhanh", "diemnhangui", "diemthugom", "tuhang", "tuhangthongminh", "locker", "parcellocker", "counter"]),
    ];

    /// <summary>Public-site kinds with their canonical key (used in files and JSON) and aliases, Vietnamese included.</summary>
    public static readonly IReadOnlyList<(PublicSiteKind Kind, string Key, string[] Aliases)> PublicSiteKinds =
    [
        (PublicSiteKind.CommuneOffice, "commune_office", ["communeoffice", "trusoubndxa", "trusoubnd", "ubndxa", "ubnd", "trusoxa", "uybannhandanxa", "trusouybannhandanxa"]),
        (PublicSiteKind.School, "school", ["school", "truong", "truonghoc"]),
        (PublicSiteKind.Clinic, "clinic", ["clinic", "healthstation", "tramyte", "tramytexa", "yte"]),
        (PublicSiteKind.CommunePostCulture, "commune_post_culture", ["communepostculture", "communepostculturepoint", "bdvhx", "diembdvhx", "diembuudienvanhoaxa", "buudienvanhoaxa"]),
        (PublicSiteKind.RadioStation, "radio_station", ["radiostation", "radio", "daitruyenthanh", "daitruyenthanhxa", "daitt", "truyenthanh", "daiphatthanh"]),
        (PublicSiteKind.Other, "other", ["other", "khac"]),
    ];

    /// <summary>School levels with their canonical key and aliases (mầm non, tiểu học, THCS, THPT, liên cấp).</summary>
    public static readonly IReadOnlyList<(SchoolLevel Level, string Key, string[] Aliases)> SchoolLevels =
    [
        (SchoolLevel.Kindergarten, "kindergarten", ["kindergarten", "preschool", "mamnon", "maugiao", "mn"]),
        (SchoolLevel.Primary, "primary", ["primary", "tieuhoc", "th"]),
        (SchoolLevel.LowerSecondary, "lower_secondary", ["lowersecondary", "trunghoccoso", "thcs"]),
        (SchoolLevel.UpperSecondary, "upper_secondary", ["uppersecondary", "trunghocphothong", "thpt"]),
        (SchoolLevel.Combined, "combined", ["combined", "liencap", "ththcs", "thcsthpt", "phothongnhieucap"]),
        (SchoolLevel.Other, "other", ["other", "khac", "gdtx", "giaoducthuongxuyen"]),
    ];

    /// <summary>Subscriber services with their canonical key and aliases (Vietnamese included).</summary>
    public static readonly IReadOnlyList<(SubscriberService Service, string Key, string[] Aliases)> SubscriberServices =
    [
        (SubscriberService.FixedPhone, "fixed_phone", ["fixedphone", "fixedtelephone", "landline", "dienthoaicodinh", "codinh", "dtcd"]),
        (SubscriberService.Mobile, "mobile", ["mobile", "mobilephone", "dienthoaididong", "didong", "dtdd"]),
        (SubscriberService.MobileBroadband, "mobile_broadband", ["mobilebroadband", "bangrongdidong", "internetdidong", "3g4g"]),
        (SubscriberService.FixedBroadband, "fixed_broadband", ["fixedbroadband", "bangrongcodinh", "internetcodinh", "ftth", "adsl"]),
        (SubscriberService.PayTv, "pay_tv", ["paytv", "truyenhinhtratien", "truyenhinh"]),
    ];

    /// <summary>Network-node kinds with their canonical key and aliases (Vietnamese included).</summary>
    public static readonly IReadOnlyList<(NodeKind Kind, string Key, string[] Aliases)> NodeKinds =
    [
        (NodeKind.Exchange, "exchange", ["exchange", "host", "tongdai", "tongdaihost"]),
        (NodeKind.SwitchingPoint, "switching_point", ["switchingpoint", "switch", "diemchuyenmach", "chuyenmach", "tongdaivetinh"]),
        (NodeKind.Dslam, "dslam", ["dslam"]),
        (NodeKind.Olt, "olt", ["olt", "gponolt"]),
        (NodeKind.Cabinet, "cabinet", ["cabinet", "tucap", "tuthietbi"]),
    ];

    /// <summary>
    /// Postal operators whose spellings are merged when points are counted per operator (DOMAIN.md: VNPost, Viettel
    /// Post); any other name is counted as written.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string[] Aliases)> PostalOperators =
    [
        ("VNPost", ["vnpost", "vietnampost", "buudienvietnam", "tongcongtybuudienvietnam", "buudien", "bdvn"]),
        ("Viettel Post", ["viettelpost", "vtp", "buuchinhviettel", "viettel"]),
    ];

    /// <summary>Names of the default tower classes (<see cref="Rules.ProvinceRules.DefaultTowerClasses"/>); provinces extend the list in rules.json.</summary>
    public static IReadOnlyList<string> DefaultTowerClasses => [.. Rules.ProvinceRules.DefaultTowerClasses.Select(c => c.Name)];

    /// <summary>
    /// Folds text for matching: lower case, Vietnamese diacritics removed (đ → d), only ASCII letters and
    /// digits kept (<c>"Kinh độ"</c> → <c>"kinhdo"</c>, <c>"S-Fone"</c> → <c>"sfone"</c>).
    /// </summary>
    public static string Fold(string text) => VietnameseText.ToKey(text);

    /// <summary>A mobile operator (BTS, towers, applications).</summary>
    public static bool TryParseOperator(string text, out string name) => TryParse(Operators, text, out name);

    /// <summary>A mobile or fixed-network operator (fibre routes).</summary>
    public static bool TryParseNetworkOperator(string text, out string name) =>
        TryParse(Operators, text, out name) || TryParse(FixedOperators, text, out name);

    private static bool TryParse(IReadOnlyList<(string Name, string[] Aliases)> list, string text, out string name)
    {
        var folded = Fold(text);
        foreach (var (canonical, aliases) in list)
        {
            if (aliases.Contains(folded))
            {
                name = canonical;
                return true;
            }
        }

        name = string.Empty;
        return false;
    }

    public static bool TryParseTechnology(string text, out Technology tech)
    {
        switch (Fold(text))
        {
            case "2g" or "gsm": tech = Technology.G2; return true;
            case "3g" or "umts" or "wcdma": tech = Technology.G3; return true;
            case "4g" or "lte": tech = Technology.G4; return true;
            case "5g" or "nr": tech = Technology.G5; return true;
            default: tech = default; return false;
        }
    }

    /// <summary>The label used in files and reports: 2G, 3G, 4G, 5G.</summary>
    public static string Label(Technology tech) => tech switch
    {
        Technology.G2 => "2G",
        Technology.G3 => "3G",
        Technology.G4 => "4G",
        Technology.G5 => "5G",
        _ => throw new ArgumentOutOfRangeException(nameof(tech)),
    };

    public static bool TryParsePostalKind(string text, out PostalKind kind)
    {
        var folded = Fold(text);
        foreach (var (k, key, aliases) in PostalKinds)
        {
            if (Fold(key) == folded || aliases.Contains(folded))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Key(PostalKind kind) => PostalKinds.First(p => p.Kind == kind).Key;

    public static bool TryParsePublicSiteKind(string text, out PublicSiteKind kind) => TryParseKeyed(PublicSiteKinds, text, out kind);

    public static string Key(PublicSiteKind kind) => PublicSiteKinds.First(p => p.Kind == kind).Key;

    public static bool TryParseSchoolLevel(string text, out SchoolLevel level) => TryParseKeyed(SchoolLevels, text, out level);

    public static string Key(SchoolLevel level) => SchoolLevels.First(p => p.Level == level).Key;

    private static bool TryParseKeyed<T>(IReadOnlyList<(T Value, string Key, string[] Aliases)> list, string text, out T value)
        where T : struct
    {
        var folded = Fold(text);
        foreach (var (v, key, aliases) in list)
        {
            if (Fold(key) == folded || aliases.Contains(folded))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static bool TryParseSubscriberService(string text, out SubscriberService service) => TryParseKeyed(SubscriberServices, text, out service);

    public static string Key(SubscriberService service) => SubscriberServices.First(p => p.Service == service).Key;

    public static bool TryParseNodeKind(string text, out NodeKind kind) => TryParseKeyed(NodeKinds, text, out kind);

    public static string Key(NodeKind kind) => NodeKinds.First(p => p.Kind == kind).Key;

    /// <summary>A postal operator's name with known spellings merged (<see cref="PostalOperators"/>), else as written (trimmed).</summary>
    public static string PostalOperator(string text) => TryParse(PostalOperators, text, out var name) ? name : text.Trim();

    public static bool TryParseMedium(string text, out CableMedium medium)
    {
        switch (Fold(text))
        {
            case "fibre" or "fiber" or "optical" or "quang" or "capquang" or "soiquang": medium = CableMedium.Fibre; return true;
            case "copper" or "dong" or "capdong": medium = CableMedium.Copper; return true;
            default: medium = default; return false;
        }
    }

    public static string Key(CableMedium medium) => medium.ToString().ToLowerInvariant();

    public static bool TryParseLevel(string text, out AdminLevel level)
    {
        switch (Fold(text))
        {
            case "province" or "tinh" or "thanhpho" or "tinhthanhpho" or "thanhphotructhuoctrunguong" or "1": level = AdminLevel.Province; return true;
            case "district" or "huyen" or "quan" or "thixa" or "thanhphothuoctinh" or "2": level = AdminLevel.District; return true;
            case "commune" or "xa" or "phuong" or "thitran" or "3": level = AdminLevel.Commune; return true;
            default: level = default; return false;
        }
    }

    public static string Key(AdminLevel level) => level switch
    {
        AdminLevel.Province => "province",
        AdminLevel.District => "district",
        AdminLevel.Commune => "commune",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static bool TryParseTowerStatus(string text, out TowerStatus status)
    {
        switch (Fold(text))
        {
            case "existing" or "hientrang" or "hienco" or "dangsudung" or "danghoatdong" or "hoatdong": status = TowerStatus.Existing; return true;
            case "planned" or "quyhoach" or "dukien" or "theoquyhoach": status = TowerStatus.Planned; return true;
            case "proposed" or "dexuat" or "xinphep" or "dangxinphep": status = TowerStatus.Proposed; return true;
            case "decommissioned" or "ngunghoatdong" or "ngungsudung" or "dathaodo" or "thaodo" or "huy": status = TowerStatus.Decommissioned; return true;
            default: status = default; return false;
        }
    }

    public static string Key(TowerStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParsePlacement(string text, out CablePlacement placement)
    {
        switch (Fold(text))
        {
            case "aerial" or "treo" or "cotreo" or "noi": placement = CablePlacement.Aerial; return true;
            case "underground" or "ngam" or "cap ngam": placement = CablePlacement.Underground; return true;
            default: placement = default; return false;
        }
    }

    public static string Key(CablePlacement placement) => PlacementKeys.TryGetValue(placement, out var key) ? key : placement.ToString().ToLowerInvariant();

    // Asked once per fibre part of an indicator table (100,000 national): one string per value, not one lowered copy a call.
    private static readonly Dictionary<CablePlacement, string> PlacementKeys = Enum.GetValues<CablePlacement>().ToDictionary(p => p, p => p.ToString().ToLowerInvariant());

    public static bool TryParseBool(string text, out bool value)
    {
        switch (Fold(text))
        {
            case "true" or "1" or "yes" or "y" or "co" or "x": value = true; return true;
            case "false" or "0" or "no" or "n" or "khong": value = false; return true;
            default: value = false; return false;
        }
    }
}
