using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>A public site (<c>public_sites.csv</c>): commune office, school, clinic, commune post-culture point, radio station.</summary>
/// <param name="Location">Position in the analysis CRS (metres).</param>
/// <param name="CommuneCode">Code of the commune the site belongs to, when given (else it is placed by containment).</param>
/// <param name="Level">The school level, when given.</param>
public sealed record PublicSite(string Id, Point Location, PublicSiteKind Kind, string? Name, string? CommuneCode, SchoolLevel? Level);
