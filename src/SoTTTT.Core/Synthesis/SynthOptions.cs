namespace SoTTTT.Core.Synthesis;

/// <summary>
/// The figures a synthetic dataset is calibrated to. <see cref="ForProfile"/> gives the defaults: the Hải Dương
/// figures of PRODUCT.md for <see cref="SynthProfile.Province"/>, a national-scale model for
/// <see cref="SynthProfile.National"/>. Counts marked "exact" are met exactly; the others are targets met within a
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
/// <param name="TowerCount">Existing tower positions; exact.</param>
/// <param name="PlannedTowerCount">Planned tower positions (carry no BTS yet); exact.</param>
/// <param name="BtsCount">BTS on the existing towers; exact.</param>
/// <param name="FibreKm">Total length of fibre routes in km; met within one route's length.</param>
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
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };
}
