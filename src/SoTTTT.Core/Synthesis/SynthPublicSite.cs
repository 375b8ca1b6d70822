using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// A public site of a synthetic dataset (the dataset contract's <c>public_sites.csv</c>): a commune office (trụ sở UBND
/// xã), a commune post-culture point (điểm Bưu điện – Văn hóa xã) or a commune radio station (đài truyền thanh xã).
/// </summary>
/// <param name="Id">Identifier, unique in the file.</param>
/// <param name="Location">Position in the analysis CRS (metres).</param>
/// <param name="Kind"><c>commune_office</c>, <c>commune_post_culture</c> or <c>radio_station</c>.</param>
/// <param name="CommuneCode">Code of the commune it serves.</param>
/// <param name="Name">Vietnamese name.</param>
public sealed record SynthPublicSite(string Id, Point Location, string Kind, string CommuneCode, string Name)
{
    public const string CommuneOffice = "commune_office";
    public const string CommunePostCulture = "commune_post_culture";
    public const string RadioStation = "radio_station";
}
