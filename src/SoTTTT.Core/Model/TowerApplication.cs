using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>An application to build a BTS / tower, to be appraised.</summary>
/// <param name="Location">Position in the analysis CRS (metres).</param>
public sealed record TowerApplication(
    string Id,
    string Operator,
    Point Location,
    string Type,
    double HeightM,
    Technology? Tech,
    double? BandMHz,
    string? SharesTowerId);
