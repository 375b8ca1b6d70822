using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;

namespace SoTTTT.Core.Coverage;

/// <summary>What <see cref="CoverageAnalysis"/> found. Lists are sorted (rows by unit code, technology, operator with <c>*</c> first; settlements and footprints in dataset order).</summary>
/// <param name="Layers">Operator × technology layers present after the filters; index of <see cref="SettlementCoverage.BestLevelDbm"/>.</param>
/// <param name="Polygons">Covered areas per layer and per technology (any operator); empty when the grid is too large or off.</param>
/// <param name="PolygonsSkipped">True when the grid exceeded <see cref="CoverageOptions.MaxGridCells"/>, so no polygons were traced.</param>
/// <param name="UnassignedSettlements">Settlements no admin unit holds (counted in no row).</param>
public sealed record CoverageResult(
    string Dataset,
    string Crs,
    AdminLevel Level,
    CoverageOptions Options,
    CoverageRules Rules,
    IReadOnlyList<CoverageLayer> Layers,
    IReadOnlyList<Technology> Techs,
    IReadOnlyList<BtsFootprint> Footprints,
    IReadOnlyList<SettlementCoverage> Settlements,
    IReadOnlyList<CoverageRow> Rows,
    IReadOnlyList<UncoveredSettlement> Uncovered,
    RasterStatus RasterStatus,
    CoverageRaster? Raster,
    IReadOnlyList<GapCluster> Gaps,
    IReadOnlyList<CoveragePolygon> Polygons,
    bool PolygonsSkipped,
    int UnassignedSettlements)
{
    /// <summary>Prediction error against measurements.csv, per operator × technology × model; empty without measurements.</summary>
    public IReadOnlyList<PredictionError> PredictionErrors { get; init; } = [];

    /// <summary>The terrain the prediction ran over (with its path counts); null on flat ground.</summary>
    public CoverageTerrain? Terrain { get; init; }

    /// <summary>Operators present after the filters, sorted.</summary>
    public IReadOnlyList<string> Operators => [.. Layers.Select(l => l.Operator).Distinct().Order(StringComparer.Ordinal)];
}
