using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// A synthetic dataset with what the dataset model does not hold yet: the public sites (<c>public_sites.csv</c>) and the
/// remote communes (universal-service areas) a plan's targets name.
/// </summary>
/// <param name="Dataset">The dataset; for the mountain profile with its DEM (<see cref="Dataset.Dem"/>, <see cref="Dataset.DemSource"/>).</param>
/// <param name="PublicSites">Public sites in id order; empty for profiles without them.</param>
/// <param name="RemoteCommunes">Codes of the communes flagged remote, ascending; empty for profiles without them.</param>
public sealed record SynthSample(Dataset Dataset, IReadOnlyList<SynthPublicSite> PublicSites, IReadOnlyList<string> RemoteCommunes);
