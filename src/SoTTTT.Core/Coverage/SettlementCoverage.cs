using SoTTTT.Core.Model;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// The prediction at one settlement's position: per layer of <see cref="CoverageResult.Layers"/>, the best level and
/// the BTS giving it.
/// </summary>
/// <param name="UnitCode">The deepest admin unit of the settlement (its <c>commune_code</c>, else by containment); null when none.</param>
/// <param name="BestLevelDbm">
/// Best level per layer, dBm, among the BTS whose boresight range reaches the settlement; −∞ when none does (then the
/// layer does not cover it; <see cref="UncoveredSettlement.BestLevelDbm"/> has the best level of any BTS in model range).
/// </param>
/// <param name="BestServer">Index in <see cref="Dataset.Bts"/> of the best BTS per layer; −1 when none.</param>
public sealed record SettlementCoverage(Settlement Settlement, string? UnitCode, double[] BestLevelDbm, int[] BestServer);
