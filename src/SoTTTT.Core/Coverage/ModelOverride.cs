using SoTTTT.Core.Coverage.PathLoss;

namespace SoTTTT.Core.Coverage;

/// <summary>The path-loss model and environment a planner imposes on every BTS (<c>coverage --model M --env E</c>).</summary>
public sealed record ModelOverride(IPathLossModel Model, string Environment);
