using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// A synthetic dataset with what the dataset model does not hold: the remote communes (universal-service areas) a plan's
/// targets name (<c>plan --targets</c>, key <c>remote_communes</c>).
/// </summary>
/// <param name="Dataset">The dataset; for the mountain profile with its DEM (<see cref="Dataset.Dem"/>, <see cref="Dataset.DemSource"/>) and public sites.</param>
/// <param name="RemoteCommunes">Codes of the communes flagged remote, ascending; empty for profiles without them.</param>
public sealed record SynthSample(Dataset Dataset, IReadOnlyList<string> RemoteCommunes);
