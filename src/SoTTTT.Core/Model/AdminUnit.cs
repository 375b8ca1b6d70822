using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Model;

/// <summary>A province, district or commune.</summary>
/// <param name="Code">Unique unit code (e.g. the GSO code).</param>
/// <param name="Name">Unit name as published.</param>
/// <param name="Level">Province, district or commune.</param>
/// <param name="ParentCode">Code of the enclosing unit, if any.</param>
/// <param name="AreaKm2">Official area in km²; when given it wins over the polygon area.</param>
/// <param name="Population">Official population, if given.</param>
/// <param name="Urban">Whether the unit is urban (phường, thị trấn, inner city), if known.</param>
/// <param name="Boundary">Polygon or multipolygon in the dataset's analysis CRS (metres), if given.</param>
public sealed record AdminUnit(
    string Code,
    string Name,
    AdminLevel Level,
    string? ParentCode,
    double? AreaKm2,
    long? Population,
    bool? Urban,
    Geometry? Boundary);
