namespace SoTTTT.Core.Synthesis;

/// <summary>
/// The figures a synthetic dataset is calibrated to. <see cref="ForProfile"/> gives the defaults: the Hải Dương
/// figures of PRODUCT.md for <see cref="SynthProfile.Province"/>, a national-scale model for
/// <see cref="SynthProfile.National"/>, the Điện Biên figures of DOMAIN.md for <see cref="SynthProfile.Mountain"/>. Counts marked "exact" are met exactly; the others are targets met within a
/// few percent.
/// </summary>
/// <param name="Profile">Layout of the dataset (one province with districts, or the nation without districts).</param>
/// <param name="Name">Dataset name (written to <c>dataset.json</c>).</param>
/// <param name="CrsName">Analysis CRS of every geometry, a name <see cref="Crs.CrsRegistry.Parse"/> accepts.</param>
/// <param name="RegionCount">Districts (province profile) or provincial units (national profile); exact.</param>
/// <param name="CommuneCount">Commune-level units; exact.</param>
/// <param name="AreaKm2">Province area in km² (province profile: the outline is scaled to it exactly; ignored for the national outline).</param>
/// <param name="Population">Total population; commune populations sum to it exactly.</param>
/// <param name="SettlementCount">Villages / residential areas; exact.</param>
/// <param name="PostOffices1">Level-1 post offices (provincial centre); exact.</param>
/// <param name="PostOffices2">Level-2 post offices (district or town centres); exact.</param>
/// <param name="PostOffices3">Level-3 post offices; exact.</param>
/// <param name="CommunePostCulturePoints">Commune post-culture points (điểm Bưu điện – Văn hóa xã); exact.</param>
/// <param name="Agents">Postal agents; exact.</param>
/// <param name="Kiosks">Postal kiosks; exact.</param>
/// <param name="LetterBoxes">Public letter boxes; exact.</param>
/// <param name="TowerCount">Existing tower positions; exact (mountain profile: not used, the network follows the coverage target).</param>
/// <param name="PlannedTowerCount">Planned tower positions (carry no BTS yet); exact.</param>
/// <param name="BtsCount">BTS on the existing towers; exact (mountain profile: not used).</param>
/// <param name="FibreKm">Total length of fibre routes in km; met within one route's length (mountain profile: not used, routes follow the fibre shares).</param>
/// <param name="SwitchingPoints">Switching points the fibre network starts from (not written as a layer).</param>
public sealed record SynthOptions(
    SynthProfile Profile,
    string Name,
    string CrsName,
    int RegionCount,
    int CommuneCount,
    double AreaKm2,
    long Population,
    int SettlementCount,
    int PostOffices1,
    int PostOffices2,
    int PostOffices3,
    int CommunePostCulturePoints,
    int Agents,
    int Kiosks,
    int LetterBoxes,
    int TowerCount,
    int PlannedTowerCount,
    int BtsCount,
    double FibreKm,
    int SwitchingPoints)
{
    /// <summary>Code of the province unit (province and mountain profiles); districts and communes extend it.</summary>
    public string ProvinceCode { get; init; } = "30";

    /// <summary>Name of the province unit (province and mountain profiles).</summary>
    public string ProvinceName { get; init; } = "Tỉnh Hải Dương (tổng hợp)";

    /// <summary>Name of the provincial city (the one district-level city of the province and mountain profiles).</summary>
    public string CityName { get; init; } = "Thành phố Hải Dương";

    /// <summary>Share of rural communes, the most remote, left thinly served (universal-service areas in the mountain profile).</summary>
    public double RemoteCommuneShare { get; init; } = 0.06;

    /// <summary>
    /// Mountain profile: the share of villages (%) some technology covers, as <c>coverage</c> predicts it over the DEM with
    /// the default link budget; sites are added in the generator until it is met. Null for the other profiles.
    /// </summary>
    public double? CoveredVillagesPct { get; init; }

    /// <summary>Mountain profile: the share of villages (%) within the indicators' fibre reach of a route; null elsewhere.</summary>
    public double? VillagesWithinFibrePct { get; init; }

    /// <summary>Mountain profile: communes with a commune radio station (public site <c>radio_station</c>).</summary>
    public int RadioStationCommunes { get; init; }

    /// <summary>Mountain profile: the DEM's pixel size in metres (a square grid in the analysis CRS).</summary>
    public double DemPixelM { get; init; } = 100;

    /// <summary>Total postal service points of every kind.</summary>
    public int PostalPointCount =>
        PostOffices1 + PostOffices2 + PostOffices3 + CommunePostCulturePoints + Agents + Kiosks + LetterBoxes;

    /// <summary>The default calibration of a profile.</summary>
    public static SynthOptions ForProfile(SynthProfile profile) => profile switch
    {
        // Hải Dương, pre-2025 (PRODUCT.md, from the department's report): 1,668.2 km², ~1.9 M people (census 2019:
        // 1,892,254), 12 district-level units, 265 communes, 1,447 villages, 294 postal points (45 post offices,
        // 185 commune post-culture points, 64 agents/kiosks/letter boxes), 129 switching points, 1,300 tower
        // positions carrying 2,952 BTS, over 1,000 fibre routes totalling 4,508 km.
        SynthProfile.Province => new SynthOptions(
            profile,
            "Tỉnh mẫu tổng hợp (hiệu chỉnh theo số liệu Hải Dương)",
            "VN2000:105.5",
            RegionCount: 12,
            CommuneCount: 265,
            AreaKm2: 1668.2,
            Population: 1_892_254,
            SettlementCount: 1447,
            PostOffices1: 1,
            PostOffices2: 11,
            PostOffices3: 33,
            CommunePostCulturePoints: 185,
            Agents: 42,
            Kiosks: 8,
            LetterBoxes: 14,
            TowerCount: 1300,
            PlannedTowerCount: 14,
            BtsCount: 2952,
            FibreKm: 4508,
            SwitchingPoints: 129),

        // Post-July-2025 Việt Nam: 34 provincial units, 3,321 communes (DOMAIN.md); the other figures are
        // national-scale round numbers for benchmarks.
        SynthProfile.National => new SynthOptions(
            profile,
            "Việt Nam tổng hợp (quy mô toàn quốc, sau 7/2025)",
            "VN2000:UTM48",
            RegionCount: 34,
            CommuneCount: 3321,
            AreaKm2: 330_972,
            Population: 101_300_000,
            SettlementCount: 70_000,
            PostOffices1: 34,
            PostOffices2: 660,
            PostOffices3: 1_800,
            CommunePostCulturePoints: 7_900,
            Agents: 1_900,
            Kiosks: 300,
            LetterBoxes: 406,
            TowerCount: 120_000,
            PlannedTowerCount: 1_200,
            BtsCount: 350_000,
            FibreKm: 300_000,
            SwitchingPoints: 3_000),
        // Điện Biên (DOMAIN.md, the department's report of 2022 and the 2019 census): ≈ 9,541 km², 598,856 people,
        // 10 district-level units, 129 communes, mobile coverage in 98.9 % of villages (thôn/bản), fibre to 100 % of
        // commune centres and 88 % of villages, a commune radio station in 108 of 129 communes. ≈ 1,600 villages is the
        // issue's figure. Postal points, towers and BTS have no published figure here: the counts are the base network of a
        // thinly populated mountain province (towers and BTS grow while coverage is calibrated; fibre is laid until its
        // shares are met, so FibreKm is not used). A commune post-culture point in every rural commune that is not remote:
        // 129 communes − 18 urban − 16 remote = 95 (the placer gives urban and remote communes none).
        SynthProfile.Mountain => new SynthOptions(
            profile,
            "Tỉnh miền núi mẫu tổng hợp (hiệu chỉnh theo số liệu Điện Biên)",
            "VN2000:103",
            RegionCount: 10,
            CommuneCount: 129,
            AreaKm2: 9541,
            Population: 598_856,
            SettlementCount: 1600,
            PostOffices1: 1,
            PostOffices2: 9,
            PostOffices3: 14,
            CommunePostCulturePoints: 95,
            Agents: 24,
            Kiosks: 2,
            LetterBoxes: 8,
            TowerCount: 0,
            PlannedTowerCount: 0,
            BtsCount: 0,
            FibreKm: 0,
            SwitchingPoints: 30)
        {
            ProvinceCode = "11",
            ProvinceName = "Tỉnh Điện Biên (tổng hợp)",
            CityName = "Thành phố Điện Biên Phủ",
            RemoteCommuneShare = 0.12,
            CoveredVillagesPct = 98.9,
            VillagesWithinFibrePct = 88,
            RadioStationCommunes = 108,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };
}
