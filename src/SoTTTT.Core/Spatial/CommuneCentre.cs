using NetTopologySuite.Geometries;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Spatial;

/// <summary>The centre of a commune, where "fibre to the commune centre" and "the commune is covered" are judged.</summary>
/// <param name="Commune">The commune.</param>
/// <param name="At">The centre, in the analysis CRS (metres).</param>
/// <param name="OfficeId">The id of the commune office (<c>public_sites.csv</c>) taken as the centre; null when the polygon's interior point is.</param>
public sealed record CommuneCentre(AdminUnit Commune, Coordinate At, string? OfficeId)
{
    /// <summary><c>office</c> or <c>polygon</c>.</summary>
    public string Source => OfficeId is null ? "polygon" : "office";
}
