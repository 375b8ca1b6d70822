using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>A BTS: one operator's radio unit of one technology at a site.</summary>
/// <param name="Operator">Canonical operator name (see <see cref="Codes.Operators"/>).</param>
/// <param name="Location">Position in the analysis CRS (metres).</param>
/// <param name="TowerId">The tower carrying it, when declared.</param>
/// <param name="AzimuthDeg">Sector azimuth in degrees from north; null means omni.</param>
public sealed record Bts(
    string Id,
    string Operator,
    Technology Tech,
    Point Location,
    string? TowerId,
    double? BandMHz,
    double? AntennaHeightM,
    double? EirpDbm,
    double? AzimuthDeg,
    double? BeamwidthDeg,
    double? TiltDeg,
    string? Status)
{
    /// <summary>Channel bandwidth of a 4G/5G carrier, MHz (<c>bandwidth_mhz</c>); null takes the technology default of rules.json.</summary>
    public double? BandwidthMHz { get; init; }
}
