namespace SoTTTT.Core.Synthesis;

/// <summary>Kind of a district-level unit (province profile) or provincial unit (national profile).</summary>
internal enum RegionKind
{
    /// <summary>Thành phố: a city (district level) or a centrally governed city (provincial level).</summary>
    City,

    /// <summary>Thị xã: a town (district level).</summary>
    Town,

    /// <summary>Huyện: a rural district.</summary>
    RuralDistrict,

    /// <summary>Tỉnh: a province (national profile).</summary>
    Province,
}
