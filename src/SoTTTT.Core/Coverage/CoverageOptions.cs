using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>What <see cref="CoverageAnalysis"/> computes.</summary>
/// <param name="Level">The admin level of the table rows.</param>
/// <param name="Tech">Only this technology, when given.</param>
/// <param name="Operator">Only this operator (canonical name), when given.</param>
/// <param name="CellM">Raster cell size, m (default 100 m).</param>
public sealed record CoverageOptions(AdminLevel Level, Technology? Tech = null, string? Operator = null, double CellM = 100)
{
    /// <summary>Whether to build the raster (area covered, gap clusters); settlements are judged without it.</summary>
    public bool Raster { get; init; } = true;

    /// <summary>Grids with more cells than this (width × height) get no coverage polygons and no ASCII grid.</summary>
    public long MaxGridCells { get; init; } = 50_000_000;

    /// <summary>Gap clusters smaller than this and without population are not reported, km² (default 1 km²).</summary>
    public double GapMinAreaKm2 { get; init; } = 1;

    /// <summary>Whether to trace coverage polygons per operator × technology.</summary>
    public bool Polygons { get; init; } = true;

    /// <summary>
    /// A path-loss model (and its environment) for every BTS instead of the choice by band and environment
    /// (<see cref="CoverageModelChoice"/>); null keeps that choice.
    /// </summary>
    public ModelOverride? Model { get; init; }

    /// <summary>Whether to judge over the dataset's DEM when it has one (default true; <c>--no-terrain</c> switches it off).</summary>
    public bool Terrain { get; init; } = true;
}
